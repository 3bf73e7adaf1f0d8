package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.JsonFields;
import java.util.List;
import java.util.Map;

/**
 * Records with one named field broken: nulled ({@code null_values}), pushed out of range
 * ({@code out_of_range}) or malformed ({@code format_error}). The structured field itself carries the
 * bad value, the message quotes it, and {@code labels.field} names it.
 */
final class DataAnomaly implements AnomalyPattern {
    private static final String[] NULLABLE = {
        JsonFields.USER_ID, JsonFields.REQUEST_ID, JsonFields.IP_ADDRESS, JsonFields.STATUS_CODE, JsonFields.RESPONSE_TIME_MS};
    private static final String[] RANGED = {JsonFields.RESPONSE_TIME_MS, JsonFields.STATUS_CODE};
    private static final String[] FORMATTED = {JsonFields.IP_ADDRESS, JsonFields.REQUEST_ID, JsonFields.USER_ID};

    private final String subtype;
    private final String field;
    private final SynthConfig.Source source;
    private final String service;
    private final Template[] templates;

    private DataAnomaly(String subtype, String field, SynthConfig.Source source, String service, Template[] templates) {
        this.subtype = subtype;
        this.field = field;
        this.source = source;
        this.service = service;
        this.templates = templates;
    }

    static DataAnomaly create(PatternContext ctx, Rng rng, String subtype, String service) {
        SynthConfig.Source source = service != null ? ctx.sourceHolding(service)
                : subtype.equals("format_error") ? ctx.anySourceOf(rng, SourceKind.APPLICATION, SourceKind.DATABASE)
                : ctx.sourceOf(rng, SourceKind.APPLICATION);
        if (source == null) {
            return null;
        }
        String target = service != null ? service : PatternContext.service(source, rng, "order", "payment", "inventory");
        Template[] templates = Template.speaking(ctx.templates(source.kind(), "data:" + subtype), target, source.services());
        if (templates.length == 0) {
            return null;
        }
        String field = rng.pick(switch (subtype) {
            case "null_values" -> NULLABLE;
            case "out_of_range" -> RANGED;
            default -> FORMATTED;
        });
        return new DataAnomaly(subtype, field, source, target, templates);
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        d.source = source;
        d.service = service;
        d.template = rng.pick(templates);
        d.field = field;
        d.anomalyField = field;
        d.signal = true;
        d.score = 0.75;
        d.value = switch (subtype) {
            case "null_values" -> "null";
            case "out_of_range" -> outOfRange(d, rng);
            default -> malformed(d, rng);
        };
    }

    private String outOfRange(Draft d, Rng rng) {
        if (field.equals(JsonFields.STATUS_CODE)) {
            d.status = rng.pick(new int[] {0, 999, 1200, 99, 7});
            return Integer.toString(d.status);
        }
        double ms = rng.chance(0.5) ? -rng.between(1, 5000) : rng.between(5_000_000, 90_000_000);
        d.latency = ms;
        // A whole number of milliseconds: what "%.2f" shows, without a Formatter on every such line.
        return (long) ms + ".00";
    }

    private String malformed(Draft d, Rng rng) {
        String bad = switch (field) {
            case JsonFields.IP_ADDRESS -> rng.between(256, 999) + "." + rng.between(0, 255) + "." + rng.between(0, 255);
            case JsonFields.REQUEST_ID -> "req-" + Values.hex(rng, 7) + "-" + rng.between(0, 99);
            default -> "usr::" + rng.between(100, 999) + "%$";
        };
        switch (field) {
            case JsonFields.IP_ADDRESS -> d.ip = bad;
            case JsonFields.REQUEST_ID -> d.requestId = bad;
            default -> d.user = bad;
        }
        return bad;
    }

    @Override
    public List<String> services() {
        return List.of(service);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("field", field);
    }
}
