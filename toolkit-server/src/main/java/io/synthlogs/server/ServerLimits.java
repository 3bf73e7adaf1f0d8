package io.synthlogs.server;

/**
 * The server's safety limits. Every limit is reported to the client when hit: HTTP 429 or 413 with a
 * JSON body, or a WebSocket {@code {"type":"error"}} message.
 *
 * <pre>{@code
 * ServerLimits limits = ServerLimits.defaults().withMaxStreams(8);
 * }</pre>
 *
 * @param maxStreams concurrent SSE, NDJSON and WebSocket streams together; more get 429
 * @param maxWsMessageBytes largest WebSocket text message a client may send; larger ones get an error
 *     message (and beyond four times this Jetty closes the connection with 1009)
 * @param maxBodyBytes largest HTTP request body; larger ones get 413
 * @param maxEpisodesKept closed episodes kept for {@code /api/episodes}; older ones are dropped and counted
 * @param wsIdleTimeout a WebSocket with no traffic either way for this long is closed (1001); the server
 *     pings a quiet client (a paused one) at a third of it, so only a client that vanished times out
 * @param bodyTimeout a request body must have arrived whole this long after the handler started reading
 *     it, or the connection is closed: a client trickling its body (a "slowloris") cannot hold a request
 *     thread for longer
 */
public record ServerLimits(int maxStreams, int maxWsMessageBytes, int maxBodyBytes, int maxEpisodesKept,
        java.time.Duration wsIdleTimeout, java.time.Duration bodyTimeout) {
    /**
     * 64 streams, 64 KiB WebSocket messages, 64 KiB bodies, 10 000 episodes, a 10-minute WebSocket idle
     * timeout, 10 seconds for a body.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(64, 64 * 1024, 64 * 1024, 10_000,
            java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(10));

    public ServerLimits {
        positive("maxStreams", maxStreams);
        positive("maxWsMessageBytes", maxWsMessageBytes);
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxEpisodesKept", maxEpisodesKept);
        if (wsIdleTimeout == null || wsIdleTimeout.toMillis() < 300) {
            throw new IllegalArgumentException("wsIdleTimeout must be at least 300 ms, got " + wsIdleTimeout);
        }
        if (bodyTimeout == null || bodyTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("bodyTimeout must be at least 100 ms, got " + bodyTimeout);
        }
    }

    /** The defaults: see {@link #DEFAULTS}. */
    public static ServerLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with another stream limit. */
    public ServerLimits withMaxStreams(int value) {
        return new ServerLimits(value, maxWsMessageBytes, maxBodyBytes, maxEpisodesKept, wsIdleTimeout, bodyTimeout);
    }

    /** These limits with another WebSocket message limit. */
    public ServerLimits withMaxWsMessageBytes(int value) {
        return new ServerLimits(maxStreams, value, maxBodyBytes, maxEpisodesKept, wsIdleTimeout, bodyTimeout);
    }

    /** These limits with another body limit. */
    public ServerLimits withMaxBodyBytes(int value) {
        return new ServerLimits(maxStreams, maxWsMessageBytes, value, maxEpisodesKept, wsIdleTimeout, bodyTimeout);
    }

    /** These limits with another WebSocket idle timeout. */
    public ServerLimits withWsIdleTimeout(java.time.Duration value) {
        return new ServerLimits(maxStreams, maxWsMessageBytes, maxBodyBytes, maxEpisodesKept, value, bodyTimeout);
    }

    /** These limits with another time allowed for a request body. */
    public ServerLimits withBodyTimeout(java.time.Duration value) {
        return new ServerLimits(maxStreams, maxWsMessageBytes, maxBodyBytes, maxEpisodesKept, wsIdleTimeout, value);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
