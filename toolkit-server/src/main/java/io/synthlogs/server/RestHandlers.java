package io.synthlogs.server;

import io.javalin.http.Context;
import io.synthlogs.AnomalyType;
import io.synthlogs.Injection;
import io.synthlogs.LogEntry;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.engine.Engine;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON endpoints under {@code /api}: each handler is a few lines over the shared session. */
final class RestHandlers {
    static final int MAX_COUNT = 10_000;
    static final int MIN_DURATION = 5;
    static final int MAX_DURATION = 1000;
    static final int DEFAULT_DURATION = 20;

    private final GeneratorSession session;
    private final StreamRegistry registry;
    private final int maxBodyBytes;
    private final BodyDeadline deadline;
    private final long startedNanos = System.nanoTime();

    RestHandlers(GeneratorSession session, StreamRegistry registry, int maxBodyBytes, BodyDeadline deadline) {
        this.session = session;
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
        this.deadline = deadline;
    }

    void health(Context ctx) {
        ctx.json(Json.obj("status", "healthy", "version", SynthServer.VERSION, "uptime_seconds", uptime()));
    }

    void status(Context ctx) {
        Map<String, Object> m = Json.obj("is_running", registry.active() > 0, "active_streams", registry.active(),
                "max_streams", registry.max(), "seed", session.seed(), "start", session.start().toString(),
                "uptime_seconds", uptime());
        m.putAll(session.statistics());
        ctx.json(m);
    }

    void config(Context ctx) {
        ctx.json(ConfigPatch.toJson(session.config()));
    }

    void putGenerator(Context ctx) {
        Fields f = body(ctx, List.of("batch_size", "interval", "total_logs"));
        Integer batch = f.integer("batch_size", 1, MAX_COUNT);
        Double interval = f.number("interval", 0.01, 60);
        Long total = f.longValue("total_logs", 0, Long.MAX_VALUE);
        SynthConfig next = session.updateConfig(c -> ConfigPatch.generator(c, batch, interval, total));
        ctx.json(Json.obj("status", "updated", "config", ConfigPatch.toJson(next)));
    }

    void putAnomalies(Context ctx) {
        Map<String, AnomalyType> switches = ConfigPatch.enabledFields();
        List<String> allowed = new java.util.ArrayList<>(List.of("anomaly_rate", "probability"));
        allowed.addAll(switches.keySet());
        Fields f = body(ctx, allowed);
        if (f.has("anomaly_rate") && f.has("probability")) {
            throw f.error("probability", "give anomaly_rate or its alias probability, not both", "one of them");
        }
        Double rate = f.has("probability") ? f.number("probability", 0, 1) : f.number("anomaly_rate", 0, 1);
        Map<AnomalyType, Boolean> enabled = new EnumMap<>(AnomalyType.class);
        switches.forEach((field, type) -> {
            Boolean on = f.bool(field);
            if (on != null) {
                enabled.put(type, on);
            }
        });
        SynthConfig next = session.updateConfig(c -> ConfigPatch.anomalies(c, rate, enabled));
        ctx.json(Json.obj("status", "updated", "config", ConfigPatch.toJson(next)));
    }

    void generate(Context ctx) {
        Fields f = body(ctx, List.of("count", "anomaly_rate", "include_labels", "format"));
        SynthConfig config = session.config();
        Integer count = f.integer("count", 1, MAX_COUNT);
        Double rate = requestRate(f, config);
        boolean labels = !Boolean.FALSE.equals(f.bool("include_labels"));
        LogFormat format = format(f);
        int n = count != null ? count : Math.min(MAX_COUNT, Math.max(1, config.generator().batchSize()));
        GeneratorSession.Batch batch = session.generate(n, rate);
        LineBuffer body = Json.generated(batch, format, labels);
        send(ctx, body.array(), body.length(), n);
    }

    void generateSingle(Context ctx) {
        Fields f = body(ctx, List.of("include_labels", "force_anomaly"));
        boolean labels = !Boolean.FALSE.equals(f.bool("include_labels"));
        String forced = f.text("force_anomaly", ConfigPatch.injectableNames());
        GeneratorSession.Batch batch;
        try {
            batch = forced == null ? session.generate(1, null) : session.forced(anomalyType(f, "force_anomaly", forced));
        } catch (IllegalArgumentException e) {
            throw f.error("force_anomaly", e.getMessage(), showable(session));
        }
        LogEntry entry = batch.lines().get(0).toEntry();
        byte[] body = Json.write(Json.log(entry, LogFormat.JSON, labels)).getBytes(StandardCharsets.UTF_8);
        send(ctx, body, body.length, 1);
    }

    /**
     * Writes an answer that carries {@code lines} generated lines, and counts them delivered once it is
     * written whole: a client gone by then got nothing, and its lines stay generated only.
     */
    private void send(Context ctx, byte[] body, int length, int lines) {
        jakarta.servlet.http.HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("application/json");
        res.setContentLength(length);
        try {
            res.getOutputStream().write(body, 0, length);
            res.flushBuffer();
            session.delivered(lines);
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    void inject(Context ctx) {
        Fields f = body(ctx, INJECT_FIELDS);
        ctx.status(201).json(GeneratorSession.injectionJson(inject(session, f)));
    }

    static final List<String> INJECT_FIELDS = List.of("anomaly_type", "duration_logs", "service", "subtype");

    /** Reads an injection request (REST body or WebSocket message) and injects it into the session. */
    static Injection inject(GeneratorSession session, Fields f) {
        if (!f.has("anomaly_type")) {
            throw f.error("anomaly_type", "anomaly_type is required", ConfigPatch.injectableNames());
        }
        AnomalyType type = anomalyType(f, "anomaly_type", f.text("anomaly_type", ConfigPatch.injectableNames()));
        Integer duration = f.integer("duration_logs", MIN_DURATION, MAX_DURATION);
        String service = f.text("service", "a configured service name");
        String subtype = f.text("subtype", type.subtypes());
        try {
            return session.inject(type, subtype, duration == null ? DEFAULT_DURATION : duration, service);
        } catch (IllegalArgumentException e) {
            String problem = e.getMessage();
            // An unknown subtype, or one the sources cannot show anywhere; else the service asked for.
            if (problem.contains("subtype") || service == null && subtype != null) {
                throw f.error("subtype", problem, type.subtypes());
            }
            if (service != null) {
                throw f.error("service", problem, session.config().serviceNames());
            }
            throw f.error("anomaly_type", problem, showable(session)); // the sources cannot show it anywhere
        }
    }

    /** The kinds the configured sources can show, by wire name. */
    private static List<String> showable(GeneratorSession session) {
        return Engine.kindsShownBy(session.config()).stream().map(AnomalyType::wireName).toList();
    }

    void episodes(Context ctx) {
        ctx.json(session.episodes());
    }

    void reset(Context ctx) {
        body(ctx, List.of()); // no fields; a body, if any, is JSON like every other
        session.resetStatistics();
        ctx.json(Json.obj("status", "reset", "seed", session.seed()));
    }

    /** An {@code anomaly_rate} for one request, checked against the enabled kinds and the sources. */
    static Double requestRate(Fields f, SynthConfig config) {
        Double rate = f.number("anomaly_rate", 0, 1);
        if (rate != null && rate > 0 && config.anomalies().active().isEmpty()) {
            throw f.error("anomaly_rate", "anomaly_rate is " + rate + " but no anomaly type is enabled;"
                    + " enable one with PUT /api/config/anomalies", "0 while no type is enabled");
        }
        if (rate != null) {
            ConfigPatch.withRate(config, rate); // a rate the sources cannot show fails here, before any line
        }
        return rate;
    }

    static AnomalyType anomalyType(Fields f, String field, String value) {
        AnomalyType type;
        try {
            type = AnomalyType.parse(value);
        } catch (IllegalArgumentException e) {
            type = AnomalyType.NONE;
        }
        if (type == AnomalyType.NONE) {
            throw f.error(field, "unknown anomaly type '" + value + "'; allowed: "
                    + String.join(", ", ConfigPatch.injectableNames()), ConfigPatch.injectableNames());
        }
        return type;
    }

    private static LogFormat format(Fields f) {
        String name = f.text("format", List.of("json", "text"));
        try {
            return name == null ? LogFormat.JSON : LogFormat.parse(name);
        } catch (IllegalArgumentException e) {
            throw f.error("format", e.getMessage(), List.of(LogFormat.wireNames()));
        }
    }

    /** The request body as checked fields: JSON only, at most {@code maxBodyBytes}. */
    private Fields body(Context ctx, List<String> allowed) {
        String type = ctx.contentType();
        String mime = type == null ? "" : type.replaceFirst(";.*", "").trim().toLowerCase(Locale.ROOT);
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            // Announced too large: answered before a byte of it is read, so a slow sender learns why
            // at once instead of being cut off at the body timeout.
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = deadline.read(ctx, () -> in.readNBytes(maxBodyBytes + 1));
        } catch (IOException e) {
            throw ApiError.badRequest(null, "the request body could not be read: " + e.getMessage(), null);
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge();
        }
        if (bytes.length > 0 && !mime.isEmpty() && !mime.equals("application/json") && !mime.endsWith("+json")) {
            throw new ApiError(415, "send the body as JSON with Content-Type: application/json, not " + mime,
                    "Content-Type", "application/json");
        }
        return Fields.parse(utf8(bytes), allowed);
    }

    private ApiError tooLarge() {
        return new ApiError(413, "the request body is larger than " + maxBodyBytes + " bytes", null,
                "at most " + maxBodyBytes + " bytes");
    }

    /** The body as text; bytes that are not UTF-8 are refused, not replaced with U+FFFD. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiError.badRequest(null, "the request body is not valid UTF-8", "a JSON object in UTF-8");
        }
    }

    private double uptime() {
        return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1000.0;
    }
}
