package io.synthlogs.engine;

import static io.synthlogs.format.LineFields.ENDPOINT;
import static io.synthlogs.format.LineFields.IP_ADDRESS;
import static io.synthlogs.format.LineFields.MESSAGE;
import static io.synthlogs.format.LineFields.NODE;
import static io.synthlogs.format.LineFields.POD;
import static io.synthlogs.format.LineFields.REQUEST_ID;
import static io.synthlogs.format.LineFields.SPAN_ID;
import static io.synthlogs.format.LineFields.TRACE_ID;
import static io.synthlogs.format.LineFields.USER_ID;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import io.synthlogs.format.FixedText;
import io.synthlogs.format.JsonFields;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LineFields;

/**
 * Renders a template into a line, drawing every value it needs from the content stream. The message
 * and the free-text fields are written as bytes straight into the line's arena; a field the message
 * quotes is the very bytes the message shows, so the two always agree.
 */
final class Renderer {
    private static final int[] POOL_SIZES = {10, 20, 32, 50, 64, 100};
    private static final FixedText SESSION = FixedText.ascii("session:");
    private static final FixedText ORDER = FixedText.ascii("ORD-");
    private static final FixedText HOST = FixedText.ascii("ip-10-0-");
    private static final FixedText NULL = FixedText.ascii("null");
    /** {@link #known}: no value yet, draw one. (Text flags are never negative.) */
    private static final int DRAW = -1;

    private final Rng rng;
    private final Values values;
    /**
     * On an infrastructure line, where in the arena the name of its pod's workload lies ({@code
     * workloadCount} -1 when the line has none): a deployment, image or service the message names is
     * that workload, so that the message and the pod agree.
     */
    private int workloadFrom;
    private int workloadCount = -1;
    private int workloadFlags;
    /** The path this line's {@code {endpoint}} shows, drawn with its method; -1: none drawn. */
    private int endpoint = -1;

    Renderer(Rng contentRng, String[] upstreams) {
        this.rng = contentRng;
        this.values = new Values(contentRng, upstreams);
    }

    /** The value writers, which anomaly patterns draw on too. */
    Values values() {
        return values;
    }

    void render(Draft d, LineFields out) {
        Template t = d.template;
        d.level = t.level;
        applyPresets(d, t);
        out.clear();
        LineBuffer a = out.arena();
        workloadCount = -1;
        if (d.node == null && d.source.kind() == SourceKind.INFRASTRUCTURE) {
            // Infrastructure reports on a node and on a pod of one of the application workloads.
            int start = a.length();
            values.node(a);
            out.close(NODE, start, LineBuffer.PLAIN);
            start = a.length();
            workloadFlags = values.upstream(a);
            workloadFrom = start;
            workloadCount = a.length() - start;
            values.podSuffix(a);
            out.close(POD, start, workloadFlags);
        } else {
            putIfSet(out, NODE, d.node);
            putIfSet(out, POD, d.pod);
        }

        drawEndpointAndMethod(d, t);
        int start = a.length();
        int flags = LineBuffer.PLAIN;
        EncodedText[] literals = t.literals;
        Var[] placeholders = t.placeholders;
        for (int i = 0; i < placeholders.length; i++) {
            flags |= literals[i].appendTo(a) | appendVar(d, placeholders[i], out);
        }
        flags |= literals[placeholders.length].appendTo(a);
        out.close(MESSAGE, start, flags);

        keepOnlyWhatTheMessageShows(d, t);
        // Values an anomaly set that stand in the record whether or not the message quotes them.
        if (!out.has(IP_ADDRESS) && d.ip != null && nulled(d, JsonFields.IP_ADDRESS)) {
            out.put(IP_ADDRESS, d.ip);
        }
        if (!out.has(USER_ID) && d.user != null && nulled(d, JsonFields.USER_ID)) {
            out.put(USER_ID, d.user);
        }
        putIfSet(out, REQUEST_ID, d.requestId);
        if (t.requestScoped || d.status != Draft.NONE || d.method != null) {
            if (!out.has(REQUEST_ID) && !nulled(d, JsonFields.REQUEST_ID)) {
                values.requestId(out);
            }
            // Drawn in this order (trace high, low, span); arguments are evaluated left to right.
            out.bits(TRACE_ID, rng.nextLong(), rng.nextLong());
            out.bits(SPAN_ID, rng.nextLong(), 0);
        }

        out.origin(d.level, d.source.name(), d.service).vocabulary(d.method, d.errorCode, d.queryType, d.resource);
        if (d.status != Draft.NONE) {
            out.status(d.status);
        }
        if (!Double.isNaN(d.latency)) {
            out.latency(d.latency);
        }
        if (!Double.isNaN(d.percent)) {
            out.percent(d.percent);
        }
    }

    /**
     * A line that shows a path draws it before its message, with a method the path takes (or, where
     * the method is fixed, a path that takes it), whichever the message names first.
     */
    private void drawEndpointAndMethod(Draft d, Template t) {
        endpoint = -1;
        if (d.endpoint != null || !t.uses(Var.ENDPOINT)) {
            return;
        }
        endpoint = d.method != null ? Vocabulary.ENDPOINTS.drawFor(d.method, rng) : Vocabulary.ENDPOINTS.draw(rng);
        if (d.method == null && t.uses(Var.METHOD)) {
            d.method = Vocabulary.ENDPOINTS.methodFor(endpoint, rng);
        }
    }

    private static void putIfSet(LineFields out, int slot, String value) {
        if (value != null && !out.has(slot)) {
            out.put(slot, value);
        }
    }

    /**
     * Structured fields are what the message shows, what the template fixes, and a field a data
     * anomaly broke: a value an anomaly prepared but this template does not quote is dropped. (The
     * free-text fields follow the same rule by being written only where the message shows them.)
     */
    private static void keepOnlyWhatTheMessageShows(Draft d, Template t) {
        if (!t.uses(Var.METHOD) && t.presetMethod == null) {
            d.method = null;
        }
        if (!t.uses(Var.STATUS) && t.presetStatus == null && !nulled(d, JsonFields.STATUS_CODE)) {
            d.status = Draft.NONE;
        }
        if (!t.uses(Var.LATENCY) && !nulled(d, JsonFields.RESPONSE_TIME_MS)) {
            d.latency = Double.NaN;
        }
        if (!t.uses(Var.RESOURCE) && t.presetResource == null) {
            d.resource = null;
        }
        if (!t.uses(Var.PERCENT)) {
            d.percent = Double.NaN;
        }
    }

    private static void applyPresets(Draft d, Template t) {
        if (t.presetStatus != null) {
            d.status = t.presetStatus;
        }
        if (t.presetErrorCode != null) {
            d.errorCode = t.presetErrorCode;
        }
        if (t.presetMethod != null) {
            d.method = t.presetMethod;
        }
        if (t.presetResource != null) {
            d.resource = t.presetResource;
        }
        if (t.presetQueryType != null) {
            d.queryType = t.presetQueryType;
        }
    }

    /**
     * Appends a placeholder's value to the message and returns its text flags. Two small methods
     * rather than one large switch: each stays within what the JIT compiles well.
     */
    private int appendVar(Draft d, Var var, LineFields out) {
        return var.fieldBound() ? appendFieldVar(d, var, out) : appendMessageVar(d, var, out.arena());
    }

    /** A placeholder that also sets the structured field it shows. */
    private int appendFieldVar(Draft d, Var var, LineFields out) {
        LineBuffer a = out.arena();
        int start = a.length();
        int known;
        switch (var) {
            case IP -> {
                if ((known = known(d, out, IP_ADDRESS, d.ip, JsonFields.IP_ADDRESS)) != DRAW) {
                    return known;
                }
                values.ip(a, d.source.kind() == SourceKind.DATABASE); // a database's clients are inside
                return drawn(out, IP_ADDRESS, start, LineBuffer.PLAIN);
            }
            case ENDPOINT -> {
                if ((known = known(d, out, ENDPOINT, d.endpoint, null)) != DRAW) {
                    return known;
                }
                return drawn(out, ENDPOINT, start, endpoint >= 0 ? Vocabulary.ENDPOINTS.append(a, endpoint, rng)
                        : Vocabulary.ENDPOINTS.appendAny(a, rng));
            }
            case REQUEST_ID -> {
                if ((known = known(d, out, REQUEST_ID, d.requestId, JsonFields.REQUEST_ID)) != DRAW) {
                    return known;
                }
                values.uuid(a);
                return drawn(out, REQUEST_ID, start, LineBuffer.PLAIN);
            }
            case USER -> {
                if ((known = known(d, out, USER_ID, d.user, JsonFields.USER_ID)) != DRAW) {
                    return known;
                }
                values.user(a);
                return drawn(out, USER_ID, start, LineBuffer.PLAIN);
            }
            case NODE -> {
                // An anomaly's node was written before the message: known() repeats it.
                if ((known = known(d, out, NODE, null, null)) != DRAW) {
                    return known;
                }
                values.node(a);
                return drawn(out, NODE, start, LineBuffer.PLAIN);
            }
            case POD -> {
                if ((known = known(d, out, POD, null, null)) != DRAW) {
                    return known;
                }
                return drawn(out, POD, start, values.workloadPod(a));
            }
            default -> {
                return appendScalarVar(d, var, a);
            }
        }
    }

    /**
     * The text flags of a free-text field the line already has: written before (the message quotes it
     * again), set by an anomaly, or nulled by one ({@code nullable} names its JSON field; the message
     * then shows {@code null}). {@link #DRAW} when the value is still to be drawn.
     */
    private static int known(Draft d, LineFields out, int slot, String preset, String nullable) {
        if (out.has(slot)) {
            return out.repeat(slot);
        }
        if (preset != null) {
            return out.put(slot, preset);
        }
        if (nullable != null && nulled(d, nullable)) {
            return nullValue(out.arena());
        }
        return DRAW;
    }

    /** Makes what was drawn since {@code start} the field's value; returns its flags. */
    private static int drawn(LineFields out, int slot, int start, int flags) {
        out.close(slot, start, flags);
        return flags;
    }

    /** A field-bound placeholder whose field is a number or a vocabulary word, kept in the draft. */
    private int appendScalarVar(Draft d, Var var, LineBuffer a) {
        switch (var) {
            case METHOD -> {
                return a.text(d.method != null ? d.method : (d.method = Vocabulary.METHODS[rng.weighted(Vocabulary.METHOD_WEIGHTS)]));
            }
            case STATUS -> {
                if (d.status == Draft.NONE && !nulled(d, JsonFields.STATUS_CODE)) {
                    d.status = statusFor(d.level, d.method);
                }
                return d.status == Draft.NONE ? nullValue(a) : number(a, d.status);
            }
            case LATENCY -> {
                if (Double.isNaN(d.latency) && !nulled(d, JsonFields.RESPONSE_TIME_MS)) {
                    d.latency = Math.round(baseLatency(d) * 100) / 100.0;
                }
                if (Double.isNaN(d.latency)) {
                    return nullValue(a);
                }
                a.fixed(d.latency, 2);
                return LineBuffer.PLAIN;
            }
            case ERROR_CODE -> {
                return a.text(d.errorCode != null ? d.errorCode : (d.errorCode = errorCodeFor(d.level)));
            }
            case QUERY_TYPE -> {
                return a.text(d.queryType != null ? d.queryType : (d.queryType = rng.pick(Vocabulary.QUERY_TYPES)));
            }
            case RESOURCE -> {
                return a.text(d.resource != null ? d.resource : (d.resource = rng.pick(Vocabulary.RESOURCES)));
            }
            case PERCENT -> {
                if (Double.isNaN(d.percent)) {
                    d.percent = Math.round(rng.uniform(12, 68) * 10) / 10.0;
                }
                a.fixed(d.percent, 1);
                return LineBuffer.PLAIN;
            }
            default -> throw new IllegalStateException("not a field-bound placeholder: " + var);
        }
    }

    /** A placeholder that appears in the message only. */
    private int appendMessageVar(Draft d, Var var, LineBuffer a) {
        switch (var) {
            case BYTES -> a.number(bodyBytes(d.status));
            case ROWS -> a.number(rng.chance(0.2) ? 0 : rng.between(1, 500));
            case TABLE -> {
                return Vocabulary.TABLES.appendAny(a, rng);
            }
            case COUNT -> a.number(d.count != Draft.NONE ? d.count : rng.between(2, 40));
            case PORT -> a.number(d.port != Draft.NONE ? d.port : rng.pick(Vocabulary.PORTS));
            case PID -> a.number(rng.between(1000, 65_000));
            case VERSION -> values.version(a);
            case SECONDS -> a.fixed(Double.isNaN(d.seconds) ? rng.uniform(0.1, 120) : d.seconds, 1);
            case CACHE_KEY -> a.put(SESSION).hex(rng.nextLong(), 6);
            case ORDER_ID -> a.put(ORDER).number(rng.between(100_000, 999_999));
            case AMOUNT -> a.fixed(rng.between(199, 99_999) / 100.0, 2);
            case CONTAINER -> a.hex(rng.nextLong(), 12);
            case IMAGE -> {
                int flags = workload(a);
                values.version(a.append(':'));
                return flags;
            }
            case NAMESPACE -> {
                return Vocabulary.NAMESPACES.appendAny(a, rng);
            }
            case REPLICAS -> a.number(rng.between(1, 10));
            case ATTEMPT -> a.number(d.count != Draft.NONE ? d.count : rng.between(2, 5)); // a retry: the second try on
            case CLIENT_PORT -> a.number(rng.between(32_768, 60_999)); // Linux's ephemeral range
            case THREADS -> a.number(rng.between(8, 256));
            case POOL_SIZE -> a.number(rng.pick(POOL_SIZES));
            case QUEUE -> {
                return Vocabulary.QUEUES.appendAny(a, rng);
            }
            case TOPIC -> {
                return Vocabulary.TOPICS.appendAny(a, rng);
            }
            case UPSTREAM -> {
                return d.upstream != null ? a.text(d.upstream) : workload(a);
            }
            case NODES -> a.number(rng.between(1, Values.CLUSTER_NODES));
            case HOST -> a.put(HOST).number(rng.between(0, 15)).append('-').number(rng.between(2, 254));
            case JOB -> {
                return Vocabulary.JOBS.appendAny(a, rng);
            }
            case SIZE_MB -> a.number(rng.between(1, 4096));
            case PAYLOAD -> {
                return a.text(d.payload != null ? d.payload : rng.pick(Vocabulary.SQL_PAYLOADS));
            }
            case FIELD -> {
                return a.text(d.field != null ? d.field : "value");
            }
            case VALUE -> {
                return a.text(d.value != null ? d.value : "null");
            }
            case SERVICE -> {
                return a.text(d.service);
            }
            default -> throw new IllegalStateException("not a message placeholder: " + var);
        }
        return LineBuffer.PLAIN;
    }

    /**
     * The size of a response body: none for 204 and 304, a short error page from 400 on, else anything
     * from a small JSON answer to a large page (a line with no status is sized as a success).
     */
    private long bodyBytes(int status) {
        if (status == 204 || status == 304) {
            return 0;
        }
        return status >= 400 ? rng.between(150, 600) : rng.between(180, 48_000);
    }

    /** The workload of this line's pod, or any application service where the line has no pod. */
    private int workload(LineBuffer a) {
        if (workloadCount < 0) {
            return values.upstream(a);
        }
        a.copyWithin(workloadFrom, workloadCount);
        return workloadFlags;
    }

    private static int nullValue(LineBuffer a) {
        a.put(NULL);
        return LineBuffer.PLAIN;
    }

    private static int number(LineBuffer a, long value) {
        a.number(value);
        return LineBuffer.PLAIN;
    }

    private static boolean nulled(Draft d, String jsonField) {
        return jsonField.equals(d.anomalyField);
    }

    private static int[] okFor(String method) {
        return switch (method == null ? "GET" : method) {
            case "POST" -> Vocabulary.STATUS_OK_POST;
            case "PUT", "PATCH" -> Vocabulary.STATUS_OK_PUT;
            case "DELETE" -> Vocabulary.STATUS_OK_DELETE;
            default -> Vocabulary.STATUS_OK_GET;
        };
    }

    private int statusFor(Level level, String method) {
        return switch (level) {
            case DEBUG, INFO -> rng.pick(okFor(method));
            case WARNING -> rng.pick(Vocabulary.STATUS_CLIENT_ERROR);
            case ERROR, CRITICAL -> rng.pick(Vocabulary.STATUS_SERVER_ERROR);
        };
    }

    private String errorCodeFor(Level level) {
        return level.isError() ? rng.pick(Vocabulary.ERROR_CODES) : rng.pick(Vocabulary.CLIENT_ERROR_CODES);
    }

    /** The spread of normal latency: sigma of its logarithm. */
    static final double LATENCY_SPREAD = 0.55;
    private static final Quantiles NORMAL_LATENCY = Quantiles.logNormal(LATENCY_SPREAD);

    /** Typical latency by source: log-normal, with a long tail. */
    double baseLatency(Draft d) {
        return Math.max(0.05, medianLatency(d.source.kind()) * rng.draw(NORMAL_LATENCY));
    }

    /** The median response or query time of a source kind, in milliseconds. */
    static double medianLatency(SourceKind kind) {
        return switch (kind) {
            case WEB -> 85;
            case APPLICATION -> 60;
            case DATABASE -> 6;
            case INFRASTRUCTURE -> 40;
        };
    }
}
