package io.synthlogs;

import java.time.Instant;

/**
 * One generated log line with its structured fields and ground truth.
 *
 * <p>Accessors follow the JSON field names in camelCase. Fields that do not apply to a line are
 * {@code null} and left out of its JSON, except where a data anomaly nulls a field on purpose: then
 * {@code labels().field()} names it and JSON shows it as {@code null}.
 *
 * @param index 0-based position of the line in its stream
 * @param timestamp simulated time, microsecond precision
 * @param level severity
 * @param source the source ({@code web-server}, {@code application}, …)
 * @param service the service within the source ({@code nginx}, {@code auth-service}, …)
 * @param message the rendered message; agrees with the structured fields
 * @param requestId UUID of the request, on request-handling lines
 * @param traceId 32 hex digits, on request-handling lines
 * @param spanId 16 hex digits, on request-handling lines
 * @param ipAddress client address
 * @param method HTTP method
 * @param endpoint request path
 * @param statusCode HTTP status
 * @param responseTimeMs response or query time in milliseconds, two decimals
 * @param userId the user acting
 * @param errorCode an application error code such as {@code ERR_TIMEOUT}
 * @param queryType database statement kind ({@code SELECT}, …)
 * @param node infrastructure node
 * @param pod infrastructure pod
 * @param resource the resource a usage line reports ({@code memory}, {@code cpu}, {@code disk}, {@code connections})
 * @param usagePercent usage of that resource in percent, one decimal
 * @param labels the ground truth; {@code null} only on {@link #withoutLabels() unlabeled} copies
 */
public record LogEntry(
        long index,
        Instant timestamp,
        Level level,
        String source,
        String service,
        String message,
        String requestId,
        String traceId,
        String spanId,
        String ipAddress,
        String method,
        String endpoint,
        Integer statusCode,
        Double responseTimeMs,
        String userId,
        String errorCode,
        String queryType,
        String node,
        String pod,
        String resource,
        Double usagePercent,
        Labels labels) {

    /** This line without its ground truth, for feeding a detector. */
    public LogEntry withoutLabels() {
        if (labels == null) {
            return this;
        }
        return new LogEntry(index, timestamp, level, source, service, message, requestId, traceId, spanId,
                ipAddress, method, endpoint, statusCode, responseTimeMs, userId, errorCode, queryType, node, pod,
                resource, usagePercent, null);
    }

    /** Whether the ground truth marks this line anomalous; false on unlabeled copies. */
    public boolean isAnomaly() {
        return labels != null && labels.isAnomaly();
    }
}
