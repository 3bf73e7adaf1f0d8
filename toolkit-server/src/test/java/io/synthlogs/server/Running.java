package io.synthlogs.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real server on 127.0.0.1, port 0, and a {@link HttpClient} to talk to it. Close it after the test. */
final class Running implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant FIXED_START = Instant.parse("2024-01-01T00:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(20);

    final SynthServer server;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

    private Running(ServerOptions options) {
        this.server = SynthServer.create(options);
        int port = server.start();
        this.base = "http://127.0.0.1:" + port;
    }

    /** Seed 42, fixed start, bundled config. */
    static Running start() {
        return start(options());
    }

    static Running start(ServerOptions.Builder options) {
        return new Running(options.build());
    }

    static ServerOptions.Builder options() {
        return ServerOptions.builder().seed(42L).start(FIXED_START).port(0);
    }

    record Reply(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Reply post(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    Reply put(String path, String json, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    Reply send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a stream and returns the response with its lines, read lazily. */
    HttpResponse<Stream<String>> lines(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    }

    /** The JSON of each batch event (no {@code event:} name) of a finite SSE stream. */
    List<JsonNode> events(String path, String... headers) throws Exception {
        HttpResponse<Stream<String>> r = lines(path, headers);
        List<JsonNode> out = new ArrayList<>();
        boolean named = false;
        try (Stream<String> s = r.body()) {
            for (String line : (Iterable<String>) s::iterator) {
                if (line.startsWith("event: ")) {
                    named = true;
                } else if (line.isEmpty()) {
                    named = false;
                } else if (line.startsWith("data: ") && !named) {
                    out.add(JSON.readTree(line.substring(6)));
                }
            }
        }
        return out;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** A WebSocket client that queues every text message as JSON. */
    Ws ws(String path, String... headers) throws Exception {
        Ws ws = new Ws();
        WebSocket.Builder b = http.newWebSocketBuilder();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        ws.socket = b.buildAsync(URI.create("ws" + base.substring(4) + path), ws).get(20, TimeUnit.SECONDS);
        return ws;
    }

    static final class Ws implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        volatile int closeCode = -1;
        volatile String closeReason;
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        /** Why the client's side of the connection failed, if it did (a protocol error, a reset). */
        volatile Throwable error;

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            this.error = error;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closeReason = reason;
            return null;
        }

        /** Sends {@code text}; a failure says how the server closed the connection, if it did. */
        void send(String text) {
            try {
                socket.sendText(text, true).join();
            } catch (java.util.concurrent.CompletionException e) {
                String close = (closeCode == -1 ? "the server sent no close frame"
                        : "the server closed with " + closeCode + " '" + closeReason + "'")
                        + (error == null ? "" : "; the connection failed first: " + error);
                throw new IllegalStateException("sending " + text + " failed (" + e.getCause() + "); " + close + "; "
                        + messages.size() + " messages unread, the first: " + messages.stream().limit(3).toList(), e);
            }
        }

        /** The next message of this type, skipping others. */
        JsonNode next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode m = messages.poll(1, TimeUnit.SECONDS);
                if (m != null && m.path("type").asText().equals(type)) {
                    return m;
                }
            }
            throw new AssertionError("no '" + type + "' message arrived");
        }

        @Override
        public void close() {
            if (!socket.isOutputClosed()) {
                // The server may close first (stream limit, shutdown): then there is nothing to close.
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(closedAlready -> socket).join();
            }
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
