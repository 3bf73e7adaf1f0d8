package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void stop_ends_open_streams_and_websockets_and_frees_the_port() throws Exception {
        Running app = Running.start();
        HttpResponse<Stream<String>> sse = app.lines("/api/stream?interval=30");
        CompletableFuture<Long> sseLines = CompletableFuture.supplyAsync(() -> sse.body().count());
        Running.Ws ws = app.ws("/ws/logs");
        ws.next("logs");
        int port = app.server.port();

        app.server.stop();
        app.server.stop(); // idempotent

        assertThat(sseLines.get(20, TimeUnit.SECONDS)).isPositive();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ws.closeCode == -1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ws.closeCode).isEqualTo(1001);
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void run_until_stopped_prints_the_address_and_seed_and_returns_zero() throws Exception {
        SynthServer server = SynthServer.create(Running.options().seed(1234L).build());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return server.runUntilStopped(new PrintStream(err, true, StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (err.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "synthlogs server listening on http://127.0.0.1:" + server.port() + " (seed 1234)" + System.lineSeparator());
        server.stop();
        assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    }
}
