package io.synthlogs.format;

import static io.synthlogs.format.JsonFields.*;

import io.synthlogs.Labels;
import java.nio.charset.StandardCharsets;

/**
 * One JSON object per line, the original tool's fields first, then ours, then {@code _labels}. Field
 * names are encoded once; strings that repeat by identity (levels, services, templates) are encoded
 * once per writer by {@link ConstantCache}.
 */
final class JsonLineFormat {
    private static final byte[] OPEN = ascii("{\"" + TIMESTAMP + "\":\"");
    /** After the timestamp, up to the source's value: one copy per level. */
    private static final byte[][] LEVEL_TO_SOURCE = java.util.Arrays.stream(io.synthlogs.Level.values())
            .map(l -> ascii("\",\"" + LEVEL + "\":\"" + l.name() + "\",\"" + SOURCE + "\":"))
            .toArray(byte[][]::new);
    private static final byte[] SERVICE_KEY = key(",\"", SERVICE);
    private static final byte[] MESSAGE_KEY = key(",\"", MESSAGE);
    private static final byte[] REQUEST_ID_KEY = key(",\"", REQUEST_ID);
    private static final byte[] TRACE_ID_KEY = key(",\"", TRACE_ID);
    private static final byte[] SPAN_ID_KEY = key(",\"", SPAN_ID);
    private static final byte[] IP_ADDRESS_KEY = key(",\"", IP_ADDRESS);
    private static final byte[] RESPONSE_TIME_KEY = key(",\"", RESPONSE_TIME_MS);
    private static final byte[] STATUS_CODE_KEY = key(",\"", STATUS_CODE);
    private static final byte[] ENDPOINT_KEY = key(",\"", ENDPOINT);
    private static final byte[] METHOD_KEY = key(",\"", METHOD);
    private static final byte[] ERROR_CODE_KEY = key(",\"", ERROR_CODE);
    private static final byte[] USER_ID_KEY = key(",\"", USER_ID);
    private static final byte[] QUERY_TYPE_KEY = key(",\"", QUERY_TYPE);
    private static final byte[] NODE_KEY = key(",\"", NODE);
    private static final byte[] POD_KEY = key(",\"", POD);
    private static final byte[] RESOURCE_KEY = key(",\"", RESOURCE);
    private static final byte[] USAGE_PERCENT_KEY = key(",\"", USAGE_PERCENT);
    private static final byte[] LABELS_OPEN = ascii(",\"" + LABELS + "\":{\"" + IS_ANOMALY + "\":");
    private static final byte[] ANOMALY_TYPE_KEY = key(",\"", ANOMALY_TYPE);
    private static final byte[] ANOMALY_SCORE_KEY = key(",\"", ANOMALY_SCORE);
    private static final byte[] ANOMALY_SUBTYPE_KEY = key(",\"", ANOMALY_SUBTYPE);
    private static final byte[] EPISODE_ID_KEY = key(",\"", EPISODE_ID);
    private static final byte[] SIGNAL_KEY = key(",\"", SIGNAL);
    private static final byte[] EVENT_ID_KEY = key(",\"", EVENT_ID);
    private static final byte[] EVENT_TEMPLATE_KEY = key(",\"", EVENT_TEMPLATE);
    private static final byte[] ANOMALY_FIELD_KEY = key(",\"", ANOMALY_FIELD);
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private JsonLineFormat() {}

    private static byte[] key(String before, String name) {
        return ascii(before + name + "\":");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void append(LineBuffer out, LineFields e, boolean includeLabels) {
        ConstantCache constants = out.constants();
        String nulled = e.labels() == null ? null : e.labels().field();
        out.bytes(OPEN).timestamp(e.epochSecond(), e.micros());
        out.bytes(LEVEL_TO_SOURCE[e.level().ordinal()]);
        constants.appendPair(out, e.source(), e.service(), JsonLineFormat::origin);
        e.json(out, LineFields.MESSAGE);
        string(out, e, LineFields.REQUEST_ID, REQUEST_ID_KEY, REQUEST_ID, nulled);
        string(out, e, LineFields.TRACE_ID, TRACE_ID_KEY, TRACE_ID, nulled);
        string(out, e, LineFields.SPAN_ID, SPAN_ID_KEY, SPAN_ID, nulled);
        string(out, e, LineFields.IP_ADDRESS, IP_ADDRESS_KEY, IP_ADDRESS, nulled);
        if (e.hasLatency()) {
            out.bytes(RESPONSE_TIME_KEY).fixed(e.latency(), 2);
        } else {
            nullIfNamed(out, RESPONSE_TIME_KEY, RESPONSE_TIME_MS, nulled);
        }
        if (e.hasStatus()) {
            out.bytes(STATUS_CODE_KEY).number(e.status());
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
            out.bytes(USAGE_PERCENT_KEY).fixed(e.percent(), 1);
        }
        if (includeLabels && e.labels() != null) {
            if (e.labels().isAnomaly()) {
                labels(out, constants, e.labels());
            } else {
                // A normal line's labels are one shared instance per template: encode them once.
                constants.appendBlock(out, e.labels(), (block, l) -> labels(block, block.constants(), l));
            }
        }
        out.append('}');
    }

    /** {@code "source","service":"service","message":}, encoded once per source and service. */
    private static void origin(LineBuffer out, String source, String service) {
        out.jsonString(source).bytes(SERVICE_KEY).jsonString(service).bytes(MESSAGE_KEY);
    }

    private static void labels(LineBuffer out, ConstantCache constants, Labels l) {
        out.bytes(LABELS_OPEN).bytes(l.isAnomaly() ? TRUE : FALSE);
        out.bytes(ANOMALY_TYPE_KEY).append('"').ascii(l.anomalyType().wireName()).append('"');
        out.bytes(ANOMALY_SCORE_KEY).fixed(l.anomalyScore(), 2);
        out.bytes(ANOMALY_SUBTYPE_KEY);
        orNull(out, constants, l.subtype());
        out.bytes(EPISODE_ID_KEY);
        orNull(out, constants, l.episodeId());
        out.bytes(SIGNAL_KEY).bytes(l.signal() ? TRUE : FALSE);
        out.bytes(EVENT_ID_KEY);
        orNull(out, constants, l.eventId());
        out.bytes(EVENT_TEMPLATE_KEY);
        orNull(out, constants, l.eventTemplate());
        if (l.field() != null) {
            out.bytes(ANOMALY_FIELD_KEY);
            constants.append(out, l.field());
        }
        out.append('}');
    }

    private static void string(LineBuffer out, LineFields e, int slot, byte[] key, String name, String nulled) {
        if (e.has(slot)) {
            out.bytes(key);
            e.json(out, slot);
        } else {
            nullIfNamed(out, key, name, nulled);
        }
    }

    /** A value from a small fixed vocabulary; never nulled by a data anomaly. */
    private static void constant(LineBuffer out, ConstantCache constants, byte[] key, String value) {
        if (value != null) {
            out.bytes(key);
            constants.append(out, value);
        }
    }

    /** A field a data anomaly nulled on purpose is written as an explicit {@code null}. */
    private static void nullIfNamed(LineBuffer out, byte[] key, String name, String nulled) {
        if (name.equals(nulled)) {
            out.bytes(key).bytes(NULL);
        }
    }

    private static void orNull(LineBuffer out, ConstantCache constants, String value) {
        if (value == null) {
            out.bytes(NULL);
        } else {
            constants.append(out, value);
        }
    }
}
