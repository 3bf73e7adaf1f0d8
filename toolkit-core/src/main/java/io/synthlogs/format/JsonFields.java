package io.synthlogs.format;

/** The JSON wire names of log fields and labels: written by the JSON format, read by clients and docs. */
public final class JsonFields {
    public static final String TIMESTAMP = "timestamp";
    public static final String LEVEL = "level";
    public static final String SOURCE = "source";
    public static final String SERVICE = "service";
    public static final String MESSAGE = "message";
    public static final String REQUEST_ID = "request_id";
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String IP_ADDRESS = "ip_address";
    public static final String RESPONSE_TIME_MS = "response_time_ms";
    public static final String STATUS_CODE = "status_code";
    public static final String ENDPOINT = "endpoint";
    public static final String METHOD = "method";
    public static final String ERROR_CODE = "error_code";
    public static final String USER_ID = "user_id";
    public static final String QUERY_TYPE = "query_type";
    public static final String NODE = "node";
    public static final String POD = "pod";
    public static final String RESOURCE = "resource";
    public static final String USAGE_PERCENT = "usage_percent";

    public static final String LABELS = "_labels";
    public static final String IS_ANOMALY = "is_anomaly";
    public static final String ANOMALY_TYPE = "anomaly_type";
    public static final String ANOMALY_SCORE = "anomaly_score";
    public static final String ANOMALY_SUBTYPE = "anomaly_subtype";
    public static final String EPISODE_ID = "episode_id";
    public static final String SIGNAL = "signal";
    public static final String EVENT_ID = "event_id";
    public static final String EVENT_TEMPLATE = "event_template";
    public static final String ANOMALY_FIELD = "anomaly_field";

    private JsonFields() {}
}
