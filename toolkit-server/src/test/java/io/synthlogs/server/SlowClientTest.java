package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their request body a byte now and then (a "slowloris"), each byte soon enough to
 * keep Jetty's idle timeout from firing: they must not keep request threads.
 */
class SlowClientTest {
    /** A body announced as 200 bytes, sent one byte every 200 ms: 40 s in all, unless the server ends it. */
    private static final int ANNOUNCED = 200;
    private static final long BYTE_EVERY_MILLIS = 200;

    @Test
    void a_body_trickling_in_is_cut_off_at_the_body_timeout() throws Exception {
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withBodyTimeout(Duration.ofSeconds(1))))) {
            int port = port(app);
            // Two for every endpoint that reads a body, and for an unknown path (its error drains the body).
            List<Trickle> trickles = new ArrayList<>();
            for (String path : List.of("/api/generate", "/api/inject-anomaly", "/api/config/generator", "/api/nothing")) {
                for (int i = 0; i < 2; i++) {
                    trickles.add(new Trickle(port, path.startsWith("/api/config") ? "PUT" : "POST", path));
                }
            }
            for (Trickle t : trickles) {
                t.start();
            }
            Thread.sleep(3 * BYTE_EVERY_MILLIS);
            assertThat(app.get("/health").status()).as("the server answers while bodies trickle in").isEqualTo(200);
            for (Trickle t : trickles) {
                t.join(Duration.ofSeconds(30).toMillis());
                assertThat(t.isAlive()).as("%s still sending after 30 s", t.path).isFalse();
                assertThat(t.cutOff).as("%s: the server closed the connection before the body was whole", t.path).isTrue();
                assertThat(t.bytesSent).as(t.path).isLessThan(ANNOUNCED);
            }
            assertThat(app.post("/api/generate", "{\"count\": 3}").json().get("count").asInt()).isEqualTo(3);
        }
    }

    @Test
    void a_body_that_arrives_in_time_in_small_pieces_is_served() throws Exception {
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withBodyTimeout(Duration.ofSeconds(5))));
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(app))) {
            byte[] body = "{\"count\": 2}".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte b : body) {
                out.write(b);
                out.flush();
                Thread.sleep(50);
            }
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 200").contains("\"count\":2");
        }
    }

    @Test
    void a_body_announced_too_large_gets_413_before_it_is_sent() throws Exception {
        int limit = ServerLimits.defaults().maxBodyBytes();
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withBodyTimeout(Duration.ofMinutes(5))));
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(app))) {
            // Headers only: were the server to wait for the body, it would wait out the five minutes.
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (limit + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 413")
                    .contains("\"error\":\"the request body is larger than " + limit + " bytes\"");
        }
    }

    /**
     * Any early answer (an unknown path, a wrong method, a missing token) to a body sent slowly comes at
     * once, not at the body timeout, and closes the connection over the unread rest; an answer that
     * leaves nothing unread keeps it open.
     */
    @Test
    void an_early_answer_to_a_body_sent_slowly_is_not_held_back() throws Exception {
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withBodyTimeout(Duration.ofMinutes(5))))) {
            for (String request : List.of("POST /api/nothing", "PUT /api/status")) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(app))) {
                    socket.setSoTimeout(20_000);
                    socket.getOutputStream().write((request + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(reply).as(request).matches("(?s)HTTP/1.1 40[45] .*Connection: close.*\\{\"error\":.*");
                }
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(app))) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write("GET /api/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                java.io.InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) in.read());
                }
                assertThat(head.toString()).startsWith("HTTP/1.1 404").doesNotContain("Connection: close");
            }
        }
    }

    /** A client that waits for "100 Continue" before sending a body announced too large is never invited to send it. */
    @Test
    void a_client_expecting_100_continue_gets_the_413_and_no_invitation() throws Exception {
        int limit = ServerLimits.defaults().maxBodyBytes();
        try (Running app = Running.start(); Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(app))) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/generate HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (limit * 10L) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(reply).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
        }
    }

    private static int port(Running app) {
        return Integer.parseInt(app.uri("/").toString().replaceAll(".*:(\\d+)/.*", "$1"));
    }

    /** Sends headers, then the body one byte at a time, until the server closes the connection. */
    private static final class Trickle extends Thread {
        final String path;
        private final int port;
        private final String method;
        volatile boolean cutOff;
        volatile int bytesSent;

        Trickle(int port, String method, String path) {
            this.port = port;
            this.method = method;
            this.path = path;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + ANNOUNCED + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (; bytesSent < ANNOUNCED; bytesSent++) {
                    Thread.sleep(BYTE_EVERY_MILLIS);
                    if (in.available() > 0) {
                        // An answer (an error) came: read what the server sends until it closes.
                        in.readAllBytes();
                        cutOff = true;
                        return;
                    }
                    out.write(' ');
                    out.flush();
                }
            } catch (SocketException e) {
                cutOff = true; // reset or broken pipe: the server closed the connection
            } catch (Exception e) {
                throw new AssertionError(path + ": " + e, e);
            }
        }
    }
}
