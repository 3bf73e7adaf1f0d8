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
