package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlogs.AnomalyType;
import io.synthlogs.config.ConfigLoader;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream asks for its own anomaly rate; another client's configuration change can make that rate
 * impossible. The stream then ends (SSE, NDJSON) or pauses (WebSocket) with the reason, framed like
 * the rest of it; a new stream asking for it is refused up front.
 */
class ConfigUnderStreamsTest {
    /** Only error spikes are enabled, at rate 0: a stream may ask for a rate until they are switched off. */
    private final Running app = Running.start(Running.options().config(onlyErrorSpikes()));

    private static io.synthlogs.config.SynthConfig onlyErrorSpikes() {
        ConfigLoader.Builder config = ConfigLoader.builder().set("anomalies.rate", 0.0, "test");
        for (AnomalyType type : AnomalyType.injectable()) {
            config.set("anomalies.types." + type.wireName() + ".enabled", type == AnomalyType.ERROR_SPIKE, "test");
        }
        return config.build();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void switchOffErrorSpikes() {
        assertThat(app.put("/api/config/anomalies", "{\"error_spike_enabled\": false}").status()).isEqualTo(200);
    }

    @Test
    void an_sse_stream_whose_rate_becomes_impossible_ends_with_an_error_event() throws Exception {
        HttpResponse<Stream<String>> r = app.lines("/api/stream?batch_size=5&interval=0.05&anomaly_rate=0.5");
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            while (!it.next().startsWith("data: ")) {
                // up to the first batch
            }
            switchOffErrorSpikes();
            String previous = "";
            String line = "";
            while (it.hasNext()) {
                previous = line;
                line = it.next();
                if (line.startsWith("event: error")) {
                    break;
                }
            }
            assertThat(line).as("after %s", previous).isEqualTo("event: error");
            JsonNode error = Running.JSON.readTree(it.next().substring("data: ".length()));
            assertThat(error.get("field").asText()).isEqualTo("anomaly_rate");
            assertThat(error.get("error").asText()).contains("no anomaly type would be enabled");
            assertThat(it.next()).isEmpty();
            assertThat(it.hasNext()).as("the stream ends after the error").isFalse();
        }
        assertThat(app.get("/api/stream?anomaly_rate=0.5").status()).isEqualTo(400);
        assertThat(app.get("/api/stream/ndjson?anomaly_rate=0.5").json().get("field").asText()).isEqualTo("anomaly_rate");
    }

    @Test
    void an_ndjson_stream_whose_rate_becomes_impossible_ends_with_an_error_line() throws Exception {
        HttpResponse<Stream<String>> r = app.lines("/api/stream/ndjson?batch_size=5&interval=0.05&anomaly_rate=0.5");
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            assertThat(Running.JSON.readTree(it.next()).has("message")).isTrue();
            switchOffErrorSpikes();
            JsonNode last = null;
            while (it.hasNext()) {
                last = Running.JSON.readTree(it.next());
            }
            assertThat(last.get("field").asText()).isEqualTo("anomaly_rate");
            assertThat(last.has("message")).isFalse();
        }
    }

    @Test
    void a_websocket_whose_rate_becomes_impossible_is_told_and_paused_and_can_go_on() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05,\"anomaly_rate\":0.5}}");
            ws.next("config_updated");
            ws.next("logs");
            switchOffErrorSpikes();
            JsonNode error = ws.next("error");
            assertThat(error.get("field").asText()).isEqualTo("anomaly_rate");
            ws.next("paused");
            // A rate that can be met, then resume: batches again.
            assertThat(app.put("/api/config/anomalies", "{\"error_spike_enabled\": true}").status()).isEqualTo(200);
            ws.send("{\"action\":\"resume\"}");
            ws.next("resumed");
            assertThat(ws.next("logs").get("logs")).isNotEmpty();
        }
    }

    @Test
    void a_forced_line_or_an_injection_the_sources_cannot_show_is_a_400_naming_what_they_can() {
        try (Running infra = Running.start(Running.options().config(ConfigLoader.builder().yaml("""
                sources:
                  - {name: infrastructure, kind: infrastructure, weight: 1, services: [kubernetes]}
                """, "test").build()))) {
            Running.Reply forced = infra.post("/api/generate/single", "{\"force_anomaly\": \"latency_degradation\"}");
            assertThat(forced.status()).isEqualTo(400);
            assertThat(forced.json().get("field").asText()).isEqualTo("force_anomaly");
            List<String> allowed = java.util.stream.StreamSupport.stream(forced.json().get("allowed").spliterator(), false)
                    .map(JsonNode::asText).toList();
            assertThat(allowed).contains("resource_exhaustion").doesNotContain("latency_degradation", "security_threat");
            Running.Reply injected = infra.post("/api/inject-anomaly", "{\"anomaly_type\": \"security_threat\"}");
            assertThat(injected.status()).isEqualTo(400);
            assertThat(injected.json().get("field").asText()).isEqualTo("anomaly_type");
        }
    }
}
