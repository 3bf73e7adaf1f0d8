package io.synthlogs.engine;

import java.util.Locale;

/** The placeholders a message template may use; field-bound ones also set a structured field. */
enum Var {
    IP(true), METHOD(true), ENDPOINT(true), STATUS(true), LATENCY(true), REQUEST_ID(true), USER(true),
    ERROR_CODE(true), QUERY_TYPE(true), NODE(true), POD(true), RESOURCE(true), PERCENT(true),
    BYTES, ROWS, TABLE, COUNT, PORT, PID, VERSION, SECONDS, CACHE_KEY, ORDER_ID, AMOUNT, CONTAINER, IMAGE,
    NAMESPACE, REPLICAS, ATTEMPT, THREADS, POOL_SIZE, QUEUE, TOPIC, UPSTREAM, HOST, JOB, SIZE_MB, PAYLOAD,
    FIELD, VALUE, SERVICE, NODES, CLIENT_PORT;

    static {
        // Template keeps the placeholders it uses as bits of one long.
        if (values().length > Long.SIZE) {
            throw new AssertionError("more than 64 placeholders: Template.varBits needs a wider set");
        }
    }

    private final boolean fieldBound;

    Var() {
        this(false);
    }

    Var(boolean fieldBound) {
        this.fieldBound = fieldBound;
    }

    boolean fieldBound() {
        return fieldBound;
    }

    /** Whether a line using this placeholder handles a request, and so carries request and trace ids. */
    boolean requestScoped() {
        return switch (this) {
            case METHOD, ENDPOINT, STATUS, LATENCY, REQUEST_ID, USER, QUERY_TYPE -> true;
            default -> false;
        };
    }

    static Var parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
