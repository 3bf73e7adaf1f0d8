package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthTest {
    private final Running app = Running.start(Running.options().token("s3cret"));

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void api_calls_without_the_token_get_401_with_a_json_body() {
        Running.Reply reply = app.get("/api/status");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(reply.json().get("error").asText()).contains("Authorization: Bearer");
        assertThat(app.post("/api/generate", "{}").status()).isEqualTo(401);
        assertThat(app.get("/api/status", "Authorization", "Bearer wrong").status()).isEqualTo(401);
    }

    @Test
    void the_bearer_header_or_the_token_parameter_lets_a_call_through() throws Exception {
        assertThat(app.get("/api/status", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
        assertThat(app.get("/api/status?token=s3cret").status()).isEqualTo(200);
        assertThat(app.events("/api/stream?max_batches=1&interval=0.05&token=s3cret")).hasSize(1);
        assertThat(app.post("/api/generate", "{\"count\": 1}", "Authorization", "Bearer s3cret").status()).isEqualTo(200);
    }

    @Test
    void the_token_parameter_reads_but_never_changes_state() {
        for (String path : java.util.List.of("/api/generate", "/api/inject-anomaly", "/api/reset")) {
            Running.Reply reply = app.post(path + "?token=s3cret", "{}");
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.json().get("error").asText()).as(path)
                    .isEqualTo("the token parameter is taken on GET alone; send POST with Authorization: Bearer <token>");
        }
        Running.Reply put = app.put("/api/config/generator?token=s3cret", "{}");
        assertThat(put.status()).isEqualTo(401);
        assertThat(app.get("/api/episodes?token=s3cret").status()).isEqualTo(200);
    }

    @Test
    void health_and_the_pages_stay_open() {
        assertThat(app.get("/health").status()).isEqualTo(200);
        assertThat(app.get("/").status()).isEqualTo(200);
        assertThat(app.get("/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void a_refused_upgrade_gets_the_json_error_too() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /ws/logs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            var length = java.util.regex.Pattern.compile("Content-Length: (\\d+)").matcher(head);
            assertThat(length.find()).as(head.toString()).isTrue();
            String body = new String(in.readNBytes(Integer.parseInt(length.group(1))), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(head.toString()).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Bearer");
            assertThat(body).startsWith("{\"error\":\"authentication required");
        }
    }

    @Test
    void websockets_need_the_token_too() throws Exception {
        assertThatThrownBy(() -> app.ws("/ws/logs"))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> {
                    var response = ((WebSocketHandshakeException) e).getResponse();
                    assertThat(response.statusCode()).isEqualTo(401);
                    // No HTTP session either: each upgrade used to leave one in memory for good.
                    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
                });
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> app.ws("/ws/logs")).isInstanceOf(ExecutionException.class);
        }
        try (Running.Ws ws = app.ws("/ws/logs?token=s3cret")) {
            ws.next("logs");
        }
        assertThat(app.server.sessionsKept()).as("HTTP sessions left in memory by upgrades").isZero();
        try (Running.Ws ws = app.ws("/ws/logs", "Authorization", "Bearer s3cret")) {
            ws.next("logs");
        }
    }
}
