package io.synthlogs.format;

import static io.synthlogs.format.FixedText.ascii;
import static io.synthlogs.format.JsonFields.*;

import io.synthlogs.Labels;

/**
 * One JSON object per line, the original tool's fields first, then ours, then {@code _labels}. Field
 * names are encoded once; strings that repeat by identity (levels, services, templates) are encoded
 * once per writer by {@link ConstantCache}.
 */
final class JsonLineFormat {
    private static final FixedText OPEN = ascii("{\"" + TIMESTAMP + "\":\"");
    /** After the timestamp, up to the source's value: one copy per level. */
    private static final FixedText[] LEVEL_TO_SOURCE = java.util.Arrays.stream(io.synthlogs.Level.values())
            .map(l -> ascii("\",\"" + LEVEL + "\":\"" + l.name() + "\",\"" + SOURCE + "\":"))
            .toArray(FixedText[]::new);
    private static final FixedText SERVICE_KEY = key(",\"", SERVICE);
    private static final FixedText MESSAGE_KEY = key(",\"", MESSAGE);
    private static final FixedText REQUEST_ID_KEY = key(",\"", REQUEST_ID);
    private static final FixedText TRACE_ID_KEY = key(",\"", TRACE_ID);
    private static final FixedText SPAN_ID_KEY = key(",\"", SPAN_ID);
    private static final FixedText IP_ADDRESS_KEY = key(",\"", IP_ADDRESS);
    private static final FixedText RESPONSE_TIME_KEY = key(",\"", RESPONSE_TIME_MS);
    private static final FixedText STATUS_CODE_KEY = key(",\"", STATUS_CODE);
    private static final FixedText ENDPOINT_KEY = key(",\"", ENDPOINT);
    private static final FixedText METHOD_KEY = key(",\"", METHOD);
    private static final FixedText ERROR_CODE_KEY = key(",\"", ERROR_CODE);
    private static final FixedText USER_ID_KEY = key(",\"", USER_ID);
    private static final FixedText QUERY_TYPE_KEY = key(",\"", QUERY_TYPE);
    private static final FixedText NODE_KEY = key(",\"", NODE);
    private static final FixedText POD_KEY = key(",\"", POD);
    private static final FixedText RESOURCE_KEY = key(",\"", RESOURCE);
    private static final FixedText USAGE_PERCENT_KEY = key(",\"", USAGE_PERCENT);
    private static final FixedText LABELS_OPEN = ascii(",\"" + LABELS + "\":{\"" + IS_ANOMALY + "\":");
    private static final FixedText ANOMALY_TYPE_KEY = key(",\"", ANOMALY_TYPE);
    private static final FixedText ANOMALY_SCORE_KEY = key(",\"", ANOMALY_SCORE);
    private static final FixedText ANOMALY_SUBTYPE_KEY = key(",\"", ANOMALY_SUBTYPE);
    private static final FixedText EPISODE_ID_KEY = key(",\"", EPISODE_ID);
    private static final FixedText SIGNAL_KEY = key(",\"", SIGNAL);
    private static final FixedText EVENT_ID_KEY = key(",\"", EVENT_ID);
    private static final FixedText EVENT_TEMPLATE_KEY = key(",\"", EVENT_TEMPLATE);
    private static final FixedText ANOMALY_FIELD_KEY = key(",\"", ANOMALY_FIELD);
    private static final FixedText TRUE = ascii("true");
    private static final FixedText FALSE = ascii("false");
    private static final FixedText NULL = ascii("null");

    /** The renderers of what {@link ConstantCache} keeps, one instance each: the cache tells them apart by identity. */
    private static final ConstantCache.PairRenderer ORIGIN = JsonLineFormat::origin;
    private static final java.util.function.BiConsumer<LineBuffer, Labels> NORMAL_LABELS =
            (block, l) -> labels(block, block.constants(), l);

    private JsonLineFormat() {}

    private static FixedText key(String before, String name) {
        return ascii(before + name + "\":");
    }

    static void append(LineBuffer out, LineFields e, boolean includeLabels) {
        ConstantCache constants = out.constants();
        String nulled = e.labels() == null ? null : e.labels().field();
        out.put(OPEN).timestamp(e.epochSecond(), e.micros());
        out.put(LEVEL_TO_SOURCE[e.level().ordinal()]);
        constants.appendPair(out, e.source(), e.service(), ORIGIN);
        e.json(out, LineFields.MESSAGE);
        string(out, e, LineFields.REQUEST_ID, REQUEST_ID_KEY, REQUEST_ID, nulled);
        string(out, e, LineFields.TRACE_ID, TRACE_ID_KEY, TRACE_ID, nulled);
        string(out, e, LineFields.SPAN_ID, SPAN_ID_KEY, SPAN_ID, nulled);
        string(out, e, LineFields.IP_ADDRESS, IP_ADDRESS_KEY, IP_ADDRESS, nulled);
        if (e.hasLatency()) {
            out.put(RESPONSE_TIME_KEY).fixed(e.latency(), 2);
        } else {
            nullIfNamed(out, RESPONSE_TIME_KEY, RESPONSE_TIME_MS, nulled);
        }
        if (e.hasStatus()) {
            out.put(STATUS_CODE_KEY).number(e.status());
        } else {
            nullIfNamed(out, STATUS_CODE_KEY, STATUS_CODE, nulled);
        }
        string(out, e, LineFields.ENDPOINT, ENDPOINT_KEY, ENDPOINT, nulled);
        constant(out, constants, METHOD_KEY, e.method());
        constant(out, constants, ERROR_CODE_KEY, e.errorCode());
        string(out, e, LineFields.USER_ID, USER_ID_KEY, USER_ID, nulled);
        constant(out, constants, QUERY_TYPE_KEY, e.queryType());
        string(out, e, LineFields.NODE, NODE_KEY, NODE, nulled);
        string(out, e, LineFields.POD, POD_KEY, POD, nulled);
        constant(out, constants, RESOURCE_KEY, e.resource());
        if (e.hasPercent()) {
            out.put(USAGE_PERCENT_KEY).fixed(e.percent(), 1);
        }
        if (includeLabels && e.labels() != null) {
            if (e.labels().isAnomaly()) {
                labels(out, constants, e.labels());
            } else {
                // A normal line's labels are one shared instance per template: encode them once.
                constants.appendBlock(out, e.labels(), NORMAL_LABELS);
            }
        }
        out.append('}');
    }

    /** {@code "source","service":"service","message":}, encoded once per source and service. */
    private static void origin(LineBuffer out, String source, String service) {
        out.jsonString(source).put(SERVICE_KEY).jsonString(service).put(MESSAGE_KEY);
    }

    private static void labels(LineBuffer out, ConstantCache constants, Labels l) {
        out.put(LABELS_OPEN).put(l.isAnomaly() ? TRUE : FALSE);
        out.put(ANOMALY_TYPE_KEY).append('"').ascii(l.anomalyType().wireName()).append('"');
        out.put(ANOMALY_SCORE_KEY).fixed(l.anomalyScore(), 2);
        out.put(ANOMALY_SUBTYPE_KEY);
        orNull(out, constants, l.subtype());
        out.put(EPISODE_ID_KEY);
        orNull(out, constants, l.episodeId());
        out.put(SIGNAL_KEY).put(l.signal() ? TRUE : FALSE);
        out.put(EVENT_ID_KEY);
        orNull(out, constants, l.eventId());
        out.put(EVENT_TEMPLATE_KEY);
        orNull(out, constants, l.eventTemplate());
        if (l.field() != null) {
            out.put(ANOMALY_FIELD_KEY);
            constants.append(out, l.field());
        }
        out.append('}');
    }

    private static void string(LineBuffer out, LineFields e, int slot, FixedText key, String name, String nulled) {
        if (e.has(slot)) {
            out.put(key);
            e.json(out, slot);
        } else {
            nullIfNamed(out, key, name, nulled);
        }
    }

    /** A value from a small fixed vocabulary; never nulled by a data anomaly. */
    private static void constant(LineBuffer out, ConstantCache constants, FixedText key, String value) {
        if (value != null) {
            out.put(key);
            constants.append(out, value);
        }
    }

    /** A field a data anomaly nulled on purpose is written as an explicit {@code null}. */
    private static void nullIfNamed(LineBuffer out, FixedText key, String name, String nulled) {
        if (name.equals(nulled)) {
            out.put(key).put(NULL);
        }
    }

    private static void orNull(LineBuffer out, ConstantCache constants, String value) {
        if (value == null) {
            out.put(NULL);
        } else {
            constants.append(out, value);
        }
    }
}
