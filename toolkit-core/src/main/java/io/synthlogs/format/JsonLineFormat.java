package io.synthlogs.format;

import static io.synthlogs.format.JsonFields.*;

import io.synthlogs.Labels;
import io.synthlogs.LogEntry;

/** One JSON object per line, the original tool's fields first, then ours, then {@code _labels}. */
final class JsonLineFormat {
    private JsonLineFormat() {}

    static void append(LineBuffer out, LogEntry e, boolean includeLabels) {
        String nulled = e.labels() == null ? null : e.labels().field();
        out.ascii("{\"" + TIMESTAMP + "\":\"").timestamp(e.timestamp()).append('"');
        string(out, LEVEL, e.level().name(), null);
        string(out, SOURCE, e.source(), null);
        string(out, SERVICE, e.service(), null);
        string(out, MESSAGE, e.message(), null);
        string(out, REQUEST_ID, e.requestId(), nulled);
        string(out, TRACE_ID, e.traceId(), nulled);
        string(out, SPAN_ID, e.spanId(), nulled);
        string(out, IP_ADDRESS, e.ipAddress(), nulled);
        if (e.responseTimeMs() != null) {
            out.ascii(",\"" + RESPONSE_TIME_MS + "\":").fixed(e.responseTimeMs(), 2);
        } else {
            nullIfNamed(out, RESPONSE_TIME_MS, nulled);
        }
        if (e.statusCode() != null) {
            out.ascii(",\"" + STATUS_CODE + "\":").number(e.statusCode());
        } else {
            nullIfNamed(out, STATUS_CODE, nulled);
        }
        string(out, ENDPOINT, e.endpoint(), nulled);
        string(out, METHOD, e.method(), nulled);
        string(out, ERROR_CODE, e.errorCode(), nulled);
        string(out, USER_ID, e.userId(), nulled);
        string(out, QUERY_TYPE, e.queryType(), nulled);
        string(out, NODE, e.node(), nulled);
        string(out, POD, e.pod(), nulled);
        string(out, RESOURCE, e.resource(), nulled);
        if (e.usagePercent() != null) {
            out.ascii(",\"" + USAGE_PERCENT + "\":").fixed(e.usagePercent(), 1);
        } else {
            nullIfNamed(out, USAGE_PERCENT, nulled);
        }
        if (includeLabels && e.labels() != null) {
            labels(out, e.labels());
        }
        out.append('}');
    }

    private static void labels(LineBuffer out, Labels l) {
        out.ascii(",\"" + LABELS + "\":{\"" + IS_ANOMALY + "\":").ascii(l.isAnomaly() ? "true" : "false");
        out.ascii(",\"" + ANOMALY_TYPE + "\":\"").ascii(l.anomalyType().wireName()).append('"');
        out.ascii(",\"" + ANOMALY_SCORE + "\":").fixed(l.anomalyScore(), 2);
        out.ascii(",\"" + ANOMALY_SUBTYPE + "\":");
        orNull(out, l.subtype());
        out.ascii(",\"" + EPISODE_ID + "\":");
        orNull(out, l.episodeId());
        out.ascii(",\"" + SIGNAL + "\":").ascii(l.signal() ? "true" : "false");
        out.ascii(",\"" + EVENT_ID + "\":");
        orNull(out, l.eventId());
        out.ascii(",\"" + EVENT_TEMPLATE + "\":");
        orNull(out, l.eventTemplate());
        if (l.field() != null) {
            out.ascii(",\"" + ANOMALY_FIELD + "\":").jsonString(l.field());
        }
        out.append('}');
    }

    private static void string(LineBuffer out, String name, String value, String nulled) {
        if (value != null) {
            out.ascii(",\"").ascii(name).ascii("\":").jsonString(value);
        } else {
            nullIfNamed(out, name, nulled);
        }
    }

    /** A field a data anomaly nulled on purpose is written as an explicit {@code null}. */
    private static void nullIfNamed(LineBuffer out, String name, String nulled) {
        if (name.equals(nulled)) {
            out.ascii(",\"").ascii(name).ascii("\":null");
        }
    }

    private static void orNull(LineBuffer out, String value) {
        if (value == null) {
            out.ascii("null");
        } else {
            out.jsonString(value);
        }
    }
}
