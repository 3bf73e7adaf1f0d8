package io.synthlogs.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * How one stream client is served: lines per batch, seconds between batches, its own anomaly rate
 * ({@code null}: the configured one), labels on or off, and how many batches (0: no end).
 */
record StreamParams(int batchSize, double interval, Double anomalyRate, boolean includeLabels, long maxBatches) {
    static final int MAX_BATCH = 1000;
    static final double MIN_INTERVAL = 0.05;
    static final double MAX_INTERVAL = 60;
    static final int DEFAULT_BATCH = 10;
    static final List<String> QUERY_FIELDS =
            List.of("batch_size", "interval", "anomaly_rate", "include_labels", "max_batches", "token");
    static final List<String> WS_FIELDS = List.of("batch_size", "interval", "anomaly_rate", "include_labels");

    /** The defaults: 10 lines every {@code generator.interval} seconds (clamped to 0.05..60), labels on. */
    static StreamParams defaults(double configuredInterval) {
        double interval = Math.min(MAX_INTERVAL, Math.max(MIN_INTERVAL, configuredInterval));
        return new StreamParams(DEFAULT_BATCH, interval, null, true, 0);
    }

    /** Parses a query string's parameters over the defaults; wrong values are {@link ApiError}s. */
    static StreamParams fromQuery(Map<String, List<String>> query, StreamParams defaults) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        query.forEach((name, values) -> {
            String v = values.isEmpty() ? "" : values.get(values.size() - 1);
            node.set(name, guess(v));
        });
        Fields f = Fields.of(node, "", QUERY_FIELDS);
        Long max = f.longValue("max_batches", 0, Long.MAX_VALUE);
        return defaults.with(f).withMaxBatches(max == null ? defaults.maxBatches : max);
    }

    /** These parameters with the fields present in {@code f} replaced. */
    StreamParams with(Fields f) {
        Integer batch = f.integer("batch_size", 1, MAX_BATCH);
        Double secs = f.number("interval", MIN_INTERVAL, MAX_INTERVAL);
        Double rate = f.number("anomaly_rate", 0, 1);
        // An explicit null goes back to the configured rate.
        boolean rateCleared = f.raw("anomaly_rate") != null && f.raw("anomaly_rate").isNull();
        Boolean labels = f.bool("include_labels");
        return new StreamParams(batch == null ? batchSize : batch, secs == null ? interval : secs,
                rate != null ? rate : rateCleared ? null : anomalyRate, labels == null ? includeLabels : labels, maxBatches);
    }

    StreamParams withMaxBatches(long value) {
        return new StreamParams(batchSize, interval, anomalyRate, includeLabels, value);
    }

    long intervalMillis() {
        return Math.round(interval * 1000);
    }

    /** The WebSocket view of these parameters. */
    Map<String, Object> toJson() {
        return Json.obj("batch_size", batchSize, "interval", interval, "anomaly_rate", anomalyRate,
                "include_labels", includeLabels);
    }

    /** A query value as the JSON value it spells: number, boolean, else string. */
    private static com.fasterxml.jackson.databind.JsonNode guess(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Json.MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(v));
        }
        try {
            if (v.matches("-?\\d{1,18}")) {
                return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(v));
            }
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && v.matches("[-+0-9.eE]+")) {
                return Json.MAPPER.getNodeFactory().numberNode(d);
            }
        } catch (NumberFormatException e) {
            // not a number: keep it as text, and the field check names the problem
        }
        return Json.MAPPER.getNodeFactory().textNode(v);
    }
}
