package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenApiTest {
    private final Running app = Running.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_registered_route_is_documented_and_every_documented_route_exists() {
        JsonNode doc = app.get("/openapi.json").json();
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.at("/info/version").asText()).isEqualTo(SynthServer.VERSION);
        Set<String> documented = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                documented.add(method.getKey() + " " + path.getKey());
            }
        }
        Set<String> registered = app.server.routes().stream()
                // The WebSocket is documented as the GET that upgrades.
                .map(r -> (r.method().equals("ws") ? "get" : r.method()) + " " + r.path())
                .collect(Collectors.toSet());
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void the_token_parameter_is_documented_where_the_server_takes_it_on_get_alone() {
        JsonNode doc = app.get("/openapi.json").json();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!path.getKey().startsWith("/api") && !path.getKey().startsWith("/ws")) {
                    continue;
                }
                String schemes = method.getValue().get("security").toString();
                assertThat(schemes).as(method.getKey() + " " + path.getKey()).contains("bearer");
                assertThat(schemes.contains("tokenQuery")).as(method.getKey() + " " + path.getKey())
                        .isEqualTo(method.getKey().equals("get"));
            }
        }
    }

    @Test
    void generated_lines_have_the_types_the_log_line_schema_declares_nulled_fields_included() {
        JsonNode properties = app.get("/openapi.json").json().at("/components/schemas/LogLine/properties");
        // Data anomalies only, so that null_values lines (a field written as null) come up for sure.
        assertThat(app.put("/api/config/anomalies", "{\"anomaly_rate\": 0.5, \"error_spike_enabled\": false,"
                + " \"latency_degradation_enabled\": false, \"security_threat_enabled\": false,"
                + " \"resource_exhaustion_enabled\": false, \"service_outage_enabled\": false}").status()).isEqualTo(200);
        int nulls = 0;
        for (int request = 0; request < 3; request++) {
            for (JsonNode line : app.post("/api/generate", "{\"count\": 5000}").json().get("logs")) {
                for (Map.Entry<String, JsonNode> field : line.properties()) {
                    JsonNode declared = properties.at("/" + field.getKey() + "/type");
                    if (declared.isMissingNode()) {
                        continue; // _labels: a reference
                    }
                    String actual = field.getValue().isNull() ? "null" : field.getValue().isTextual() ? "string"
                            : field.getValue().isIntegralNumber() ? "integer" : field.getValue().isNumber() ? "number" : "other";
                    nulls += actual.equals("null") ? 1 : 0;
                    assertThat(declared.toString()).as("%s in %s", field.getKey(), line)
                            .satisfiesAnyOf(t -> assertThat(t).contains("\"" + actual + "\""),
                                    t -> assertThat(actual.equals("integer") && t.contains("\"number\"")).isTrue());
                }
            }
        }
        assertThat(nulls).as("nulled fields seen").isPositive();
    }

    @Test
    void every_schema_reference_resolves() {
        JsonNode doc = app.get("/openapi.json").json();
        Set<String> refs = doc.findValuesAsText("$ref").stream().collect(Collectors.toSet());
        assertThat(refs).isNotEmpty().allSatisfy(ref ->
                assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
    }

    @Test
    void docs_serves_swagger_ui_from_the_jar() {
        Running.Reply page = app.get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js");
        assertThat(app.get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(app.get("/webjars/swagger-ui/5.34.1/swagger-ui.css").status()).isEqualTo(200);
        assertThat(app.get("/assets/docs.js").status()).isEqualTo(200);
    }
}
