package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SynthConfig;

/**
 * The line under construction. The traffic model or an anomaly pattern sets what matters (source,
 * template, the values an anomaly shapes); the renderer draws the rest and writes the line. Reused
 * line after line.
 */
final class Draft {
    /** An absent whole number. */
    static final int NONE = Integer.MIN_VALUE;

    SynthConfig.Source source;
    String service;
    Template template;
    Level level;

    /** Values an anomaly fixes; {@code null}, {@link #NONE} or NaN mean "draw one if the template shows it". */
    String requestId;
    String ip;
    String method;
    String endpoint;
    int status;
    double latency;
    String user;
    String errorCode;
    String queryType;
    String node;
    String pod;
    String resource;
    double percent;

    /** Message-only values an anomaly fixes. */
    String upstream;
    String payload;
    String field;
    String value;
    int count;
    /** The port the message names for the upstream; {@link #NONE}: any. */
    int port;
    /** Seconds a message quotes ("after 12.5s"); NaN: draw them. */
    double seconds;

    /** Seconds of simulated time since the episode's first line, set before a pattern fills a line. */
    double elapsed;

    double score;
    boolean signal;
    /** A field that a data anomaly nulled or corrupted on purpose. */
    String anomalyField;

    void clear() {
        source = null;
        service = null;
        template = null;
        level = null;
        requestId = ip = method = endpoint = user = errorCode = queryType = node = pod = resource = null;
        status = NONE;
        latency = Double.NaN;
        percent = Double.NaN;
        upstream = payload = field = value = null;
        count = NONE;
        port = NONE;
        seconds = Double.NaN;
        elapsed = 0;
        score = 0;
        signal = false;
        anomalyField = null;
    }
}
