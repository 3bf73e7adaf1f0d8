package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Well-behaved clients kept open while a test abuses the server: one SSE stream and one WebSocket, each
 * counting batches. {@link #assertStillServed()} checks both go on receiving, in order, afterwards.
 * Also captures what the server logs (slf4j-simple writes to {@code System.err}) so tests can assert
 * that nothing was logged as a warning or error.
 */
final class Bystanders implements AutoCloseable {
    private final Running app;
    private final HttpResponse<Stream<String>> sse;
    private final Thread sseReader;
    private final Running.Ws ws;
    private final AtomicLong sseBatches = new AtomicLong();
    private final AtomicLong sseGaps = new AtomicLong();
    private final ServerLog log = new ServerLog();

    Bystanders(Running app) throws Exception {
        this.app = app;
        this.sse = app.lines("/api/stream?batch_size=3&interval=0.05", "Accept", "text/event-stream");
        Iterator<String> lines = sse.body().iterator();
        this.sseReader = new Thread(() -> {
            long expected = 1;
            try {
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("id: ")) {
                        if (Long.parseLong(line.substring(4)) != expected) {
                            sseGaps.incrementAndGet();
                        }
                        expected++;
                        sseBatches.incrementAndGet();
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "bystander-sse");
        sseReader.setDaemon(true);
        sseReader.start();
        this.ws = app.ws("/ws/logs");
        ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05,\"batch_size\":3}}");
        ws.next("config_updated");
    }

    /** Both bystanders receive new batches now, the SSE one without gaps; the server logged no trouble. */
    void assertStillServed() throws Exception {
        long before = sseBatches.get();
        ws.messages.clear();
        long deadline = System.nanoTime() + Running.WAIT.toNanos();
        while (sseBatches.get() < before + 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sseBatches.get()).as("SSE bystander batches after the abuse").isGreaterThanOrEqualTo(before + 3);
        assertThat(sseGaps.get()).as("SSE batch numbers out of order").isZero();
        for (int i = 0; i < 3; i++) {
            JsonNode m = ws.next("logs");
            assertThat(m.get("count").asInt()).isEqualTo(3);
        }
        assertThat(ws.closeCode).as("WebSocket bystander closed").isEqualTo(-1);
        assertThat(app.get("/health").status()).isEqualTo(200);
        log.assertQuiet();
    }

    @Override
    public void close() {
        log.close();
        sse.body().close();
        ws.close();
    }
}
