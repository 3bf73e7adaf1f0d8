package io.synthlogs.format;

import io.synthlogs.LogEntry;

/**
 * The original tool's text layout:
 * {@code [ts] [LEVEL   ] [source/service] [a1b2c3d4] message (123.45ms) [502] [ANOMALY:type:0.85]},
 * optional parts only when present.
 */
final class TextLineFormat {
    private static final String[] PADDED_LEVELS = {"DEBUG   ", "INFO    ", "WARNING ", "ERROR   ", "CRITICAL"};

    private TextLineFormat() {}

    static void append(LineBuffer out, LogEntry e, boolean includeLabels) {
        out.append('[').timestamp(e.timestamp()).ascii("] [").ascii(PADDED_LEVELS[e.level().ordinal()]).ascii("] [");
        out.utf8(oneLine(e.source())).append('/').utf8(oneLine(e.service())).ascii("] ");
        if (e.requestId() != null) {
            String id = e.requestId();
            out.append('[').utf8(oneLine(id.length() > 8 ? id.substring(0, 8) : id)).ascii("] ");
        }
        out.utf8(oneLine(e.message()));
        if (e.responseTimeMs() != null) {
            out.ascii(" (").fixed(e.responseTimeMs(), 2).ascii("ms)");
        }
        if (e.statusCode() != null) {
            out.ascii(" [").number(e.statusCode()).append(']');
        }
        if (includeLabels && e.isAnomaly()) {
            out.ascii(" [ANOMALY:").ascii(e.labels().anomalyType().wireName()).append(':')
                    .fixed(e.labels().anomalyScore(), 2).append(']');
        }
    }

    /** Text lines must stay one line whatever a payload contains. */
    private static String oneLine(String message) {
        if (message.indexOf('\n') < 0 && message.indexOf('\r') < 0) {
            return message;
        }
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
