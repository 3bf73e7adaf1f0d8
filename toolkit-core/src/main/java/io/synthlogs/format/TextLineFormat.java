package io.synthlogs.format;

/**
 * The original tool's text layout:
 * {@code [ts] [LEVEL   ] [source/service] [a1b2c3d4] message (123.45ms) [502] [ANOMALY:type:0.85]},
 * optional parts only when present. The fixed parts are prepared once; the source and service are
 * encoded once per pair by {@link ConstantCache}.
 */
final class TextLineFormat {
    /** From after the timestamp to the source: {@code "] [LEVEL   ] ["}, one per level. */
    private static final FixedText[] LEVEL_BLOCKS = java.util.stream.Stream.of(
                    "DEBUG   ", "INFO    ", "WARNING ", "ERROR   ", "CRITICAL")
            .map(level -> FixedText.ascii("] [" + level + "] ["))
            .toArray(FixedText[]::new);
    private static final FixedText CLOSE_ORIGIN = FixedText.ascii("] ");
    private static final FixedText OPEN_LATENCY = FixedText.ascii(" (");
    private static final FixedText CLOSE_LATENCY = FixedText.ascii("ms)");
    private static final FixedText OPEN_STATUS = FixedText.ascii(" [");
    private static final FixedText OPEN_ANOMALY = FixedText.ascii(" [ANOMALY:");

    /** One instance: {@link ConstantCache} tells renderers apart by identity. */
    private static final ConstantCache.PairRenderer ORIGIN = TextLineFormat::origin;

    private TextLineFormat() {}

    static void append(LineBuffer out, LineFields e, boolean includeLabels) {
        out.append('[').timestamp(e.epochSecond(), e.micros()).put(LEVEL_BLOCKS[e.level().ordinal()]);
        out.constants().appendPair(out, e.source(), e.service(), ORIGIN);
        if (e.has(LineFields.REQUEST_ID)) {
            out.append('[');
            e.linePrefix(out, LineFields.REQUEST_ID, 8);
            out.put(CLOSE_ORIGIN);
        }
        e.line(out, LineFields.MESSAGE);
        if (e.hasLatency()) {
            out.put(OPEN_LATENCY).fixed(e.latency(), 2).put(CLOSE_LATENCY);
        }
        if (e.hasStatus()) {
            out.put(OPEN_STATUS).number(e.status()).append(']');
        }
        if (includeLabels && e.isAnomaly()) {
            out.put(OPEN_ANOMALY).ascii(e.labels().anomalyType().wireName()).append(':')
                    .fixed(e.labels().anomalyScore(), 2).append(']');
        }
    }

    /** {@code source/service] }, encoded once per source and service. */
    private static void origin(LineBuffer out, String source, String service) {
        out.lineText(source).append('/').lineText(service).put(CLOSE_ORIGIN);
    }
}
