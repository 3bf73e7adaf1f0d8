package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code total_delivered} counts the lines whose answer, batch or message went out whole;
 * {@code total_generated} every line taken from the stream, a vanished client's too.
 *
 * <p>A client that reads nothing, with a small receive window, makes the server's write of a large
 * answer block (it is larger than the kernel will buffer: about 4 MiB of send buffer here); closing
 * that client then fails the write.
 */
class DeliveryTest {
    private final Running app = Running.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_kind_of_answer_counts_its_lines_delivered() throws Exception {
        app.post("/api/generate", "{\"count\": 25}");
        app.post("/api/generate/single", "{}");
        assertThat(app.events("/api/stream?batch_size=4&interval=0.05&max_batches=3")).hasSize(3);
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05,\"batch_size\":7}}");
            ws.next("logs");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
        }
        awaitNoStreams();
        JsonNode status = app.get("/api/status").json();
        assertThat(status.get("total_delivered").asLong()).isEqualTo(status.get("total_generated").asLong())
                .isGreaterThanOrEqualTo(25 + 1 + 12 + 7);
    }

    @Test
    void a_stream_whose_client_vanished_mid_batch_counts_that_batch_generated_not_delivered() throws Exception {
        try (Socket client = unreadingClient()) {
            send(client, "GET /api/stream/ndjson?batch_size=1000&interval=0.05 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            awaitBlockedWrite();
        }
        awaitNoStreams();
        JsonNode status = app.get("/api/status").json();
        assertThat(status.get("total_generated").asLong() - status.get("total_delivered").asLong())
                .as("the one batch whose write failed").isEqualTo(1000);
    }

    @Test
    void a_generate_answer_whose_client_vanished_is_generated_not_delivered() throws Exception {
        try (Socket client = unreadingClient()) {
            String body = "{\"count\": 10000}";
            send(client, "POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body);
            awaitBlockedWrite();
            assertThat(status("total_generated")).isEqualTo(10_000);
            assertThat(status("total_delivered")).as("the 5.6 MB answer is still being written: it must exceed what"
                    + " the kernel buffers for an unread socket (net.ipv4.tcp_wmem's maximum, 4 MiB here)").isZero();
        }
        // The blocked write fails as the connection is reset; had it gone out after all, the count
        // would show it by the time the next answer is counted.
        Thread.sleep(500);
        app.post("/api/generate", "{\"count\": 3}");
        assertThat(status("total_generated")).isEqualTo(10_003);
        assertThat(status("total_delivered")).isEqualTo(3);
    }

    /** A client with a small receive window that never reads. */
    private Socket unreadingClient() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), app.server.port()));
        return socket;
    }

    private static void send(Socket socket, String request) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Waits until lines were generated and then no more for a while: the server is stuck writing them. */
    private void awaitBlockedWrite() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        long last = -1;
        long sameSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = status("total_generated");
            if (now != last) {
                last = now;
                sameSince = System.nanoTime();
            } else if (now > 0 && System.nanoTime() - sameSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never stopped generating for the unread client: " + last);
    }

    private void awaitNoStreams() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (app.get("/api/status").json().get("active_streams").asInt() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(app.get("/api/status").json().get("active_streams").asInt()).isZero();
    }

    private long status(String field) {
        return app.get("/api/status").json().get(field).asLong();
    }
}
