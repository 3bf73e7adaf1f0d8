package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.format.JsonFields;
import java.nio.charset.StandardCharsets;

/**
 * Renders a template into a message, drawing every value it needs from the content stream and writing
 * field-bound values into the draft, so the message and the structured fields always agree.
 */
final class Renderer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Rng rng;
    private final String[] upstreams;
    private final StringBuilder sb = new StringBuilder(256);

    Renderer(Rng contentRng, String[] upstreams) {
        this.rng = contentRng;
        this.upstreams = upstreams.length == 0 ? Vocabulary.UPSTREAMS : upstreams;
    }

    String render(Draft d) {
        Template t = d.template;
        d.level = t.level;
        applyPresets(d, t);
        sb.setLength(0);
        for (Object part : t.parts) {
            if (part instanceof String literal) {
                sb.append(literal);
            } else {
                appendVar(d, (Var) part);
            }
        }
        keepOnlyWhatTheMessageShows(d, t);
        if (t.requestScoped || d.status != null || d.method != null) {
            if (d.requestId == null && !JsonFields.REQUEST_ID.equals(d.anomalyField)) {
                d.requestId = uuid();
            }
            d.traceId = hex(32);
            d.spanId = hex(16);
        }
        return sb.toString();
    }

    /**
     * Structured fields are what the message shows, what the template fixes, and a field a data
     * anomaly broke: a value an anomaly prepared but this template does not quote is dropped.
     */
    private static void keepOnlyWhatTheMessageShows(Draft d, Template t) {
        if (!t.uses(Var.IP) && !nulled(d, JsonFields.IP_ADDRESS)) {
            d.ip = null;
        }
        if (!t.uses(Var.METHOD) && t.presetMethod == null) {
            d.method = null;
        }
        if (!t.uses(Var.ENDPOINT)) {
            d.endpoint = null;
        }
        if (!t.uses(Var.STATUS) && t.presetStatus == null && !nulled(d, JsonFields.STATUS_CODE)) {
            d.status = null;
        }
        if (!t.uses(Var.LATENCY) && !nulled(d, JsonFields.RESPONSE_TIME_MS)) {
            d.latency = null;
        }
        if (!t.uses(Var.USER) && !nulled(d, JsonFields.USER_ID)) {
            d.user = null;
        }
        if (!t.uses(Var.RESOURCE) && t.presetResource == null) {
            d.resource = null;
        }
        if (!t.uses(Var.PERCENT)) {
            d.percent = null;
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

    /** Two small methods rather than one large switch: each stays within what the JIT compiles well. */
    private void appendVar(Draft d, Var var) {
        if (var.fieldBound()) {
            appendFieldVar(d, var);
        } else {
            appendMessageVar(d, var);
        }
    }

    /** A placeholder that also sets the structured field it shows. */
    private void appendFieldVar(Draft d, Var var) {
        switch (var) {
            case IP -> sb.append(d.ip != null ? d.ip : nulled(d, JsonFields.IP_ADDRESS) ? "null" : (d.ip = ip()));
            case METHOD -> sb.append(d.method != null ? d.method : (d.method = Vocabulary.METHODS[rng.weighted(Vocabulary.METHOD_WEIGHTS)]));
            case ENDPOINT -> sb.append(d.endpoint != null ? d.endpoint : (d.endpoint = endpoint(Vocabulary.ENDPOINTS)));
            case STATUS -> {
                if (d.status == null && !nulled(d, JsonFields.STATUS_CODE)) {
                    d.status = statusFor(d.level);
                }
                sb.append(d.status == null ? "null" : d.status.toString());
            }
            case LATENCY -> {
                if (d.latency == null && !nulled(d, JsonFields.RESPONSE_TIME_MS)) {
                    d.latency = Math.round(baseLatency(d) * 100) / 100.0;
                }
                if (d.latency == null) {
                    sb.append("null");
                } else {
                    fixed(d.latency, 2);
                }
            }
            case REQUEST_ID -> sb.append(d.requestId != null ? d.requestId
                    : nulled(d, JsonFields.REQUEST_ID) ? "null" : (d.requestId = uuid()));
            case USER -> sb.append(d.user != null ? d.user : nulled(d, JsonFields.USER_ID) ? "null" : (d.user = user()));
            case ERROR_CODE -> sb.append(d.errorCode != null ? d.errorCode : (d.errorCode = errorCodeFor(d.level)));
            case QUERY_TYPE -> sb.append(d.queryType != null ? d.queryType : (d.queryType = rng.pick(Vocabulary.QUERY_TYPES)));
            case NODE -> sb.append(d.node != null ? d.node : (d.node = node()));
            case POD -> sb.append(d.pod != null ? d.pod : (d.pod = workloadPod()));
            case RESOURCE -> sb.append(d.resource != null ? d.resource : (d.resource = rng.pick(Vocabulary.RESOURCES)));
            case PERCENT -> {
                if (d.percent == null) {
                    d.percent = Math.round(rng.uniform(12, 68) * 10) / 10.0;
                }
                fixed(d.percent, 1);
            }
            default -> throw new IllegalStateException("not a field-bound placeholder: " + var);
        }
    }

    /** A placeholder that appears in the message only. */
    private void appendMessageVar(Draft d, Var var) {
        switch (var) {
            case BYTES -> sb.append(rng.between(180, 48_000));
            case ROWS -> sb.append(rng.chance(0.2) ? 0 : rng.between(1, 500));
            case TABLE -> sb.append(rng.pick(Vocabulary.TABLES));
            case COUNT -> sb.append(d.count != null ? d.count : rng.between(2, 40));
            case PORT -> sb.append(rng.pick(Vocabulary.PORTS));
            case PID -> sb.append(rng.between(1000, 65_000));
            case VERSION -> sb.append(rng.between(1, 4)).append('.').append(rng.between(0, 20)).append('.').append(rng.between(0, 9));
            case SECONDS -> fixed(rng.uniform(0.1, 120), 1);
            case CACHE_KEY -> sb.append("session:").append(hex(6));
            case ORDER_ID -> sb.append("ORD-").append(rng.between(100_000, 999_999));
            case AMOUNT -> fixed(rng.between(199, 99_999) / 100.0, 2);
            case CONTAINER -> sb.append(hex(12));
            case IMAGE -> sb.append(rng.pick(upstreams)).append(':').append(rng.between(1, 4)).append('.').append(rng.between(0, 20))
                    .append('.').append(rng.between(0, 9));
            case NAMESPACE -> sb.append(rng.pick(Vocabulary.NAMESPACES));
            case REPLICAS -> sb.append(rng.between(1, 10));
            case ATTEMPT -> sb.append(d.count != null ? d.count : rng.between(1, 5));
            case THREADS -> sb.append(rng.between(8, 256));
            case POOL_SIZE -> sb.append(rng.pick(new int[] {10, 20, 32, 50, 64, 100}));
            case QUEUE -> sb.append(rng.pick(Vocabulary.QUEUES));
            case TOPIC -> sb.append(rng.pick(Vocabulary.TOPICS));
            case UPSTREAM -> sb.append(d.upstream != null ? d.upstream : rng.pick(upstreams));
            case HOST -> sb.append("ip-10-0-").append(rng.between(0, 15)).append('-').append(rng.between(2, 254));
            case JOB -> sb.append(rng.pick(Vocabulary.JOBS));
            case SIZE_MB -> sb.append(rng.between(1, 4096));
            case PAYLOAD -> sb.append(d.payload != null ? d.payload : rng.pick(Vocabulary.SQL_PAYLOADS));
            case FIELD -> sb.append(d.field != null ? d.field : "value");
            case VALUE -> sb.append(d.value != null ? d.value : "null");
            case SERVICE -> sb.append(d.service);
            default -> throw new IllegalStateException("not a message placeholder: " + var);
        }
    }

    private static boolean nulled(Draft d, String jsonField) {
        return jsonField.equals(d.anomalyField);
    }

    private int statusFor(Level level) {
        return switch (level) {
            case DEBUG, INFO -> rng.pick(Vocabulary.STATUS_OK);
            case WARNING -> rng.pick(Vocabulary.STATUS_CLIENT_ERROR);
            case ERROR, CRITICAL -> rng.pick(Vocabulary.STATUS_SERVER_ERROR);
        };
    }

    private String errorCodeFor(Level level) {
        return level.isError() ? rng.pick(Vocabulary.ERROR_CODES) : rng.pick(Vocabulary.CLIENT_ERROR_CODES);
    }

    /** Typical latency by source: log-normal, with a long tail. */
    double baseLatency(Draft d) {
        return Math.max(0.05, rng.logNormal(medianLatency(d.source.kind()), 0.55));
    }

    /** The median response or query time of a source kind, in milliseconds. */
    static double medianLatency(io.synthlogs.config.SourceKind kind) {
        return switch (kind) {
            case WEB -> 85;
            case APPLICATION -> 60;
            case DATABASE -> 6;
            case INFRASTRUCTURE -> 40;
        };
    }

    String ip() {
        if (rng.chance(0.6)) {
            return "10." + rng.between(0, 31) + '.' + rng.between(0, 255) + '.' + rng.between(2, 254);
        }
        return rng.between(23, 223) + "." + rng.between(0, 255) + '.' + rng.between(0, 255) + '.' + rng.between(1, 254);
    }

    /** A public address an attack comes from. */
    String attackerIp() {
        return rng.pick(new int[] {45, 91, 103, 185, 193, 194}) + "." + rng.between(0, 255) + '.' + rng.between(0, 255)
                + '.' + rng.between(1, 254);
    }

    String user() {
        return "user_" + rng.between(1000, 9999);
    }

    String endpoint(String[] choices) {
        String path = rng.pick(choices);
        int hash = path.indexOf('#');
        if (hash < 0) {
            return path;
        }
        String number = path.startsWith("/static") ? hex(8) : Integer.toString(rng.between(1, 99_999));
        return path.substring(0, hash) + number + path.substring(hash + 1);
    }

    String node() {
        return "node-" + rng.between(1, 12);
    }

    String pod(String service) {
        return service + "-" + hex(9) + "-" + hex(5);
    }

    /** A pod of one of the application workloads: infrastructure reports on them, not on itself. */
    String workloadPod() {
        return pod(rng.pick(upstreams));
    }

    String uuid() {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        byte[] c = new byte[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[p++] = '-';
            }
            long word = i < 16 ? hi : lo;
            c[p++] = HEX[(int) (word >>> ((15 - (i & 15)) << 2)) & 0xF];
        }
        return new String(c, StandardCharsets.ISO_8859_1);
    }

    String hex(int digits) {
        return hex(rng, digits);
    }

    static String hex(Rng rng, int digits) {
        byte[] c = new byte[digits];
        long bits = 0;
        for (int i = 0; i < digits; i++) {
            if ((i & 15) == 0) {
                bits = rng.nextLong();
            }
            c[i] = HEX[(int) (bits & 0xF)];
            bits >>>= 4;
        }
        return new String(c, StandardCharsets.ISO_8859_1);
    }

    private void fixed(double value, int decimals) {
        long scale = decimals == 1 ? 10 : 100;
        long scaled = Math.round(value * scale);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / scale).append('.');
        long frac = scaled % scale;
        if (decimals == 2 && frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }
}
