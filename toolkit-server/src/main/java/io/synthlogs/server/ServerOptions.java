package io.synthlogs.server;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link SynthServer} is built from. Build one with {@link #builder()}; every option has a default.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.builder()
 *         .config(ConfigLoader.load(Path.of("config.yaml")))
 *         .seed(42L)
 *         .port(8000)
 *         .token("s3cret")
 *         .build();
 * }</pre>
 *
 * @param config the starting configuration; never {@code null}
 * @param seed the root seed, or {@code null} to let the server pick one (reported in {@code /api/status})
 * @param host the address to bind; {@code 127.0.0.1} unless told otherwise
 * @param port the port to bind; 0 picks a free one
 * @param token when not {@code null}, every {@code /api} and {@code /ws} call needs it as a bearer token
 * @param limits stream, message and body limits; never {@code null}
 * @param start the simulated clock's first instant, or {@code null} for the config's
 *     {@code timestamps.start}, else {@code 2024-01-01T00:00:00Z} when a seed is given (so that the
 *     seed alone reproduces the stream), else the current time truncated to microseconds
 */
public record ServerOptions(
        SynthConfig config, Long seed, String host, int port, String token, ServerLimits limits, Instant start) {
    /** The default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port, as in the original tool. */
    public static final int DEFAULT_PORT = 8000;

    public ServerOptions {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank; leave it out to disable authentication");
        }
    }

    /** A builder holding the defaults: bundled config, random seed, 127.0.0.1:8000, no token. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects options; {@link #build()} validates them. */
    public static final class Builder {
        private SynthConfig config;
        private Long seed;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String token;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private Instant start;

        private Builder() {}

        /** The starting configuration (default: the bundled {@code config.yaml}). */
        public Builder config(SynthConfig value) {
            this.config = value;
            return this;
        }

        /** The root seed; {@code null} lets the server pick one. */
        public Builder seed(Long value) {
            this.seed = value;
            return this;
        }

        /** The address to bind (default {@code 127.0.0.1}); {@code 0.0.0.0} exposes the server: use a token. */
        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** The port; 0 picks a free one (what tests use). */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** A bearer token for {@code /api} and {@code /ws}; {@code null} disables authentication. */
        public Builder token(String value) {
            this.token = value;
            return this;
        }

        /** Stream, message and body limits (default {@link ServerLimits#DEFAULTS}). */
        public Builder limits(ServerLimits value) {
            this.limits = value;
            return this;
        }

        /** A fixed first timestamp, e.g. for reproducible runs; {@code null} means "now". */
        public Builder start(Instant value) {
            this.start = value;
            return this;
        }

        /** The options; throws {@link IllegalArgumentException} naming a bad port or a blank token. */
        public ServerOptions build() {
            return new ServerOptions(config == null ? ConfigLoader.defaults() : config, seed, host, port, token, limits,
                    start);
        }
    }
}
