package io.synthlogs.engine;

import io.synthlogs.AnomalyType;
import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import io.synthlogs.config.SynthConfig;
import java.time.Instant;

/**
 * The line under construction. The traffic model or an anomaly pattern sets what matters (source,
 * template, the fields an anomaly shapes); rendering fills the rest. Reused line after line.
 */
final class Draft {
    SynthConfig.Source source;
    String service;
    Template template;
    Level level;

    String requestId;
    String traceId;
    String spanId;
    String ip;
    String method;
    String endpoint;
    Integer status;
    Double latency;
    String user;
    String errorCode;
    String queryType;
    String node;
    String pod;
    String resource;
    Double percent;

    /** Message-only values an anomaly fixes; {@code null} means "draw one". */
    String upstream;
    String payload;
    String field;
    String value;
    Integer count;

    AnomalyType type;
    String subtype;
    String episodeId;
    double score;
    boolean signal;
    /** A field that a data anomaly nulled or corrupted on purpose. */
    String anomalyField;

    void clear() {
        source = null;
        service = null;
        template = null;
        level = null;
        requestId = traceId = spanId = ip = method = endpoint = user = errorCode = queryType = node = pod = resource = null;
        status = null;
        latency = null;
        percent = null;
        upstream = payload = field = value = null;
        count = null;
        type = AnomalyType.NONE;
        subtype = null;
        episodeId = null;
        score = 0;
        signal = false;
        anomalyField = null;
    }

    LogEntry toEntry(long index, Instant timestamp, String message) {
        Labels labels = type == AnomalyType.NONE
                ? template.normalLabels
                : new Labels(true, type, score, subtype, episodeId, signal, template.eventId, template.eventTemplate,
                        anomalyField);
        return new LogEntry(index, timestamp, level, source.name(), service, message, requestId, traceId, spanId, ip,
                method, endpoint, status, latency, user, errorCode, queryType, node, pod, resource, percent, labels);
    }
}
