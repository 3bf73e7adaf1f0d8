package io.synthlogs;

import io.synthlogs.format.JsonFields;

/** Reads a LogEntry field by its JSON name, for tests about named fields. */
final class FieldValues {
    private FieldValues() {}

    static Object of(LogEntry e, String jsonName) {
        return switch (jsonName) {
            case JsonFields.USER_ID -> e.userId();
            case JsonFields.REQUEST_ID -> e.requestId();
            case JsonFields.IP_ADDRESS -> e.ipAddress();
            case JsonFields.STATUS_CODE -> e.statusCode();
            case JsonFields.RESPONSE_TIME_MS -> e.responseTimeMs();
            default -> throw new IllegalArgumentException(jsonName);
        };
    }
}
