package io.synthlogs.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The non-API pages: the index, Swagger UI, the OpenAPI document and the dashboard, all from the jar. */
final class Pages {
    static final String RESOURCES = "/io/synthlogs/server/";
    static final String SWAGGER_UI_VERSION = "5.34.1";

    private final String openapi = resource("openapi.json").replace("${version}", SynthServer.VERSION);
    private final String docs = resource("docs.html").replace("${swagger-ui}", SWAGGER_UI_VERSION);
    private final String dashboard = resource("assets/dashboard.html");
    private volatile List<Routes.Route> routes = List.of();

    void routes(List<Routes.Route> value) {
        this.routes = value;
    }

    void index(Context ctx) {
        ctx.json(Json.obj("name", "synthlogs", "version", SynthServer.VERSION,
                "description", "Realistic, labeled synthetic logs with injected anomalies",
                "docs", "/docs", "openapi", "/openapi.json", "ui", "/ui",
                "endpoints", routes.stream().map(r -> Json.obj("method", r.method().toUpperCase(Locale.ROOT),
                        "path", r.path())).toList()));
    }

    void docs(Context ctx) {
        ctx.html(docs);
    }

    void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    void dashboard(Context ctx) {
        ctx.html(dashboard);
    }

    static String resource(String name) {
        try (InputStream in = Pages.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCES + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
