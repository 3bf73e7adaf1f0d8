package io.synthlogs.format;

/**
 * The original tool's text layout:
 * {@code [ts] [LEVEL   ] [source/service] [a1b2c3d4] message (123.45ms) [502] [ANOMALY:type:0.85]},
 * optional parts only when present.
 */
final class TextLineFormat {
    private static final String[] PADDED_LEVELS = {"DEBUG   ", "INFO    ", "WARNING ", "ERROR   ", "CRITICAL"};

    private TextLineFormat() {}

    static void append(LineBuffer out, LineFields e, boolean includeLabels) {
        out.append('[').timestamp(e.epochSecond(), e.micros()).ascii("] [").ascii(PADDED_LEVELS[e.level().ordinal()])
                .ascii("] [");
        out.lineText(e.source()).append('/').lineText(e.service()).ascii("] ");
        if (e.has(LineFields.REQUEST_ID)) {
            out.append('[');
            e.linePrefix(out, LineFields.REQUEST_ID, 8);
            out.ascii("] ");
        }
        e.line(out, LineFields.MESSAGE);
        if (e.hasLatency()) {
            out.ascii(" (").fixed(e.latency(), 2).ascii("ms)");
        }
        if (e.hasStatus()) {
            out.ascii(" [").number(e.status()).append(']');
        }
        if (includeLabels && e.isAnomaly()) {
            out.ascii(" [ANOMALY:").ascii(e.labels().anomalyType().wireName()).append(':')
                    .fixed(e.labels().anomalyScore(), 2).append(']');
        }
    }
}
