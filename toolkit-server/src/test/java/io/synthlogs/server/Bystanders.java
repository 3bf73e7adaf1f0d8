package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream originalErr = System.err;

    Bystanders(Running app) throws Exception {
        this.app = app;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
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
        assertQuietLog();
    }

    /** Nothing logged at WARN or ERROR, and no stack trace. */
    void assertQuietLog() {
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                .limit(20).toList()).as("server log").isEmpty();
    }

    @Override
    public void close() {
        System.setErr(originalErr);
        sse.body().close();
        ws.close();
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) {
            write(new byte[] {(byte) c}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) {
            try {
                a.write(buf, off, len);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
            synchronized (b) {
                ((ByteArrayOutputStream) b).write(buf, off, len);
            }
        }
    }
}
