package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One test per defect {@link HostileInputTest} found, pinning the fixed behaviour. */
class FuzzFindingsTest {
    private final Running app = Running.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void json_nested_too_deep_is_a_400_not_a_500() {
        Running.Reply r = app.post("/api/generate", "[".repeat(10_000));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText())
                .startsWith("malformed JSON: nested 1001 levels deep, more than the 1000 allowed").doesNotContain("`");
    }

    @Test
    void messages_name_the_problem_not_the_parsers_settings() {
        Running.Reply trailing = app.post("/api/generate", "{\"count\": 2} {}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.json().get("error").asText()).startsWith("malformed JSON: more content after the JSON value")
                .doesNotContain("DeserializationFeature");
    }

    @Test
    void a_body_that_is_not_utf_8_is_refused_not_repaired() {
        Running.Reply r = app.send(HttpRequest.newBuilder(app.uri("/api/generate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'})));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("the request body is not valid UTF-8");
    }

    @Test
    void reset_takes_json_or_nothing() {
        assertThat(app.post("/api/reset", "").status()).isEqualTo(200);
        assertThat(app.post("/api/reset", "{\"all\": true}").status()).isEqualTo(400);
        Running.Reply text = app.send(HttpRequest.newBuilder(app.uri("/api/reset")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("please")));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void a_405_says_which_methods_the_path_allows_trailing_slash_or_not() {
        for (String path : new String[] {"/api/generate", "/api/generate/"}) {
            Running.Reply r = app.get(path);
            assertThat(r.status()).as(path).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(path).hasValue("POST");
            assertThat(r.json().get("allowed").toString()).as(path).isEqualTo("[\"POST\"]");
        }
    }

    @Test
    void head_answers_what_get_would_without_the_body_and_never_starts_a_stream() {
        Running.Reply get = app.get("/api/config");
        Running.Reply head = app.send(HttpRequest.newBuilder(app.uri("/api/config")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(head.body()).isEmpty();

        for (String path : new String[] {"/api/stream", "/api/stream/ndjson"}) {
            Running.Reply stream = app.send(HttpRequest.newBuilder(app.uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(stream.status()).as(path).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith(path.endsWith("ndjson") ? "application/x-ndjson" : "text/event-stream"));
            assertThat(stream.headers().firstValue("Content-Length")).as("%s: a stream has no length", path).isEmpty();
            Running.Reply bad = app.send(HttpRequest.newBuilder(app.uri(path + "?batch_size=0")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(bad.status()).as(path).isEqualTo(400);
        }
        JsonNode status = app.get("/api/status").json();
        assertThat(status.get("total_generated").asLong()).as("lines taken by HEAD").isZero();
        assertThat(status.get("active_streams").asInt()).isZero();

        Running.Reply wrong = app.send(HttpRequest.newBuilder(app.uri("/api/status")).DELETE());
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void a_number_too_long_to_parse_is_a_400_not_a_500() {
        Running.Reply r = app.post("/api/generate", "{\"count\": " + "9".repeat(5000) + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).startsWith("malformed JSON:").contains("Number value length");
    }

    @Test
    void a_content_type_without_a_media_type_is_read_as_json_not_a_500() {
        Running.Reply r = app.send(HttpRequest.newBuilder(app.uri("/api/generate")).header("Content-Type", ";;;")
                .POST(HttpRequest.BodyPublishers.ofString("{\"count\": 2}")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void requests_jetty_rejects_itself_get_the_json_error_body() throws Exception {
        Running.Reply tooLong = app.get("/api/stream?x=" + "a".repeat(9000));
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(tooLong.json().get("error").asText()).contains("URI Too Long");
        assertThat(tooLong.json().has("field")).isTrue();

        byte[] illegal = "/api/stream?batch_size=a b".getBytes(StandardCharsets.US_ASCII);
        RawHttp.Reply r = RawHttp.get(app.server.port(), illegal, 10_000);
        assertThat(r.status()).isEqualTo(400);
        assertThat(Running.JSON.readTree(r.body()).get("error").asText()).contains("HTTP 400");
    }

    @Test
    void a_binary_websocket_message_gets_an_error_answer_and_the_connection_stays_open() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.next("connected");
            ws.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
            assertThat(ws.next("error").get("message").asText()).contains("binary messages");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
        }
    }
}
