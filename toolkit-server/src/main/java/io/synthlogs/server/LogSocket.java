package io.synthlogs.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import io.synthlogs.Injection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code WS /ws/logs}: batches of the shared stream every interval, and the client's commands
 * {@code configure}, {@code inject_anomaly}, {@code pause} and {@code resume}. A malformed message is
 * answered with {@code {"type":"error"}} and the connection stays open.
 */
final class LogSocket {
    private static final Logger LOG = LoggerFactory.getLogger(LogSocket.class);
    private static final long CLOSE_WAIT_MILLIS = 2000;
    static final List<String> ACTIONS = List.of("configure", "inject_anomaly", "pause", "resume");

    private final GeneratorSession session;
    private final StreamRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final int maxMessageBytes;
    private final long pingAfterNanos;
    private final Map<String, WsClient> clients = new ConcurrentHashMap<>();

    LogSocket(GeneratorSession session, StreamRegistry registry, ScheduledExecutorService scheduler, int maxMessageBytes,
            long pingAfterNanos) {
        this.pingAfterNanos = pingAfterNanos;
        this.session = session;
        this.registry = registry;
        this.scheduler = scheduler;
        this.maxMessageBytes = maxMessageBytes;
    }

    void configure(WsConfig ws) {
        ws.onConnect(this::connected);
        ws.onMessage(this::message);
        ws.onBinaryMessage(ctx -> {
            WsClient client = clients.get(ctx.sessionId());
            if (client != null) {
                client.send(error(new ApiError(415, "binary messages are not understood; send JSON as a text message",
                        null, "a JSON text message")));
            }
        });
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
    }

    private void connected(WsConnectContext ctx) {
        StreamParams params = StreamParams.defaults(session.config().generator().interval());
        WsClient client = new WsClient(ctx.session, session, scheduler, params, pingAfterNanos);
        try {
            client.slot = registry.open(() -> client.close(1001, "the server is stopping"));
        } catch (ApiError e) {
            client.send(error(e));
            client.close(1013, "too many open streams");
            return;
        }
        clients.put(ctx.sessionId(), client);
        client.send(Json.write(Json.obj("type", "connected", "seed", session.seed(), "config", params.toJson())));
        client.schedule(0);
    }

    private void message(WsMessageContext ctx) {
        WsClient client = clients.get(ctx.sessionId());
        if (client == null) {
            return;
        }
        try {
            client.send(Json.write(answer(client, ctx.message())));
        } catch (ApiError e) {
            client.send(error(e));
        } catch (RuntimeException e) {
            LOG.warn("WebSocket message failed", e);
            client.send(Json.write(Json.obj("type", "error", "message", "internal error: " + e.getMessage())));
        }
    }

    private Map<String, Object> answer(WsClient client, String text) {
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxMessageBytes) {
            throw new ApiError(413, "message of " + size + " bytes exceeds the limit of " + maxMessageBytes + " bytes",
                    null, "at most " + maxMessageBytes + " bytes");
        }
        Fields any = Fields.parse(text, List.of("action", "config", "anomaly_type", "duration_logs", "service",
                "subtype"));
        String action = any.text("action", ACTIONS);
        if (action == null) {
            throw ApiError.badRequest("action", "the message needs an action", ACTIONS);
        }
        JsonNode node = any.node();
        switch (action) {
            case "configure" -> {
                Fields top = Fields.of(node, "", List.of("action", "config"));
                if (!top.has("config")) {
                    throw ApiError.badRequest("config", "configure needs a config object", StreamParams.WS_FIELDS);
                }
                Fields f = Fields.of(node.get("config"), "config.", StreamParams.WS_FIELDS);
                RestHandlers.requestRate(f, session.config());
                StreamParams next = client.params.with(f);
                client.params = next;
                client.schedule(next.intervalMillis());
                return Json.obj("type", "config_updated", "config", next.toJson());
            }
            case "inject_anomaly" -> {
                List<String> allowed = new java.util.ArrayList<>(RestHandlers.INJECT_FIELDS);
                allowed.add("action");
                Injection injection = RestHandlers.inject(session, Fields.of(node, "", allowed));
                Map<String, Object> m = Json.obj("type", "anomaly_injected");
                m.putAll(GeneratorSession.injectionJson(injection));
                return m;
            }
            case "pause", "resume" -> {
                Fields.of(node, "", List.of("action"));
                client.paused = action.equals("pause");
                return Json.obj("type", client.paused ? "paused" : "resumed");
            }
            default -> throw ApiError.badRequest("action", "unknown action '" + action + "'" + "; allowed: "
                    + String.join(", ", ACTIONS), ACTIONS);
        }
    }

    static String error(ApiError e) {
        Map<String, Object> m = Json.obj("type", "error", "message", e.getMessage());
        m.putAll(e.body());
        m.remove("error");
        return Json.write(m);
    }

    private void closed(String sessionId) {
        WsClient client = clients.remove(sessionId);
        if (client != null) {
            client.stop();
        }
    }

    /** Closes every connection; used on shutdown after the registry has been told. */
    void closeAll() {
        CompletableFuture<?>[] sent = clients.values().stream().map(c -> c.close(1001, "the server is stopping"))
                .toArray(CompletableFuture[]::new);
        // Stopping Jetty drops connections at once: let the close frames (1001) go out first, briefly.
        try {
            CompletableFuture.allOf(sent).get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // A client that cannot take its close frame in time loses it; the others got theirs.
        }
    }

}
