package io.synthlogs.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection's stream. A shared scheduler ticks it every interval; sends are
 * asynchronous, and while a batch is still on its way no new one is generated for this client, so a
 * slow client receives fewer batches instead of piling them up or holding a thread.
 */
final class WsClient {
    private static final Logger LOG = LoggerFactory.getLogger(WsClient.class);

    private final Session socket;
    private final GeneratorSession session;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean sending = new AtomicBoolean();
    /** A client quiet for this long is pinged, so that the idle timeout closes only vanished ones. */
    private final long pingAfterNanos;
    private volatile long lastSent = System.nanoTime();
    private ScheduledFuture<?> next;
    private CompletableFuture<Void> closing;
    private boolean stopped;
    private long batches;
    volatile StreamParams params;
    volatile boolean paused;
    StreamRegistry.Slot slot;

    WsClient(Session socket, GeneratorSession session, ScheduledExecutorService scheduler, StreamParams params,
            long pingAfterNanos) {
        this.pingAfterNanos = pingAfterNanos;
        this.socket = socket;
        this.session = session;
        this.scheduler = scheduler;
        this.params = params;
    }

    /** (Re)schedules the next batch {@code delayMillis} from now. */
    synchronized void schedule(long delayMillis) {
        if (stopped) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            next = scheduler.schedule(this::tick, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stopped = true; // the server is stopping
        }
    }

    private void tick() {
        try {
            if (!socket.isOpen()) {
                stop();
                return;
            }
            StreamParams p = params;
            if (paused && System.nanoTime() - lastSent >= pingAfterNanos) {
                lastSent = System.nanoTime();
                socket.sendPing(java.nio.ByteBuffer.allocate(0), Callback.NOOP);
            }
            if (!paused && sending.compareAndSet(false, true)) {
                lastSent = System.nanoTime();
                GeneratorSession.Batch batch = session.generate(p.batchSize(), p.anomalyRate());
                String message = Json.batch(Json.buffer(batch.lines().size()), "logs", ++batches, batch,
                        p.includeLabels()).toString();
                int lines = batch.lines().size();
                socket.sendText(message, Callback.from(() -> {
                    session.delivered(lines);
                    sending.set(false);
                }, failure -> {
                    sending.set(false);
                    stop();
                }));
            }
        } catch (ApiError e) {
            // The configuration changed so that this client's rate cannot be met: say so once and pause;
            // a configure with another rate, then resume, goes on.
            sending.set(false);
            paused = true;
            send(LogSocket.error(e));
            send(Json.write(Json.obj("type", "paused")));
        } catch (RuntimeException e) {
            LOG.warn("WebSocket stream tick failed", e);
            sending.set(false);
        } finally {
            schedule(params.intervalMillis());
        }
    }

    /** Sends a control message (config_updated, error, …) without waiting. */
    void send(String text) {
        if (socket.isOpen()) {
            socket.sendText(text, Callback.NOOP);
        }
    }

    /**
     * Stops the stream and sends a close frame; the future completes once the frame is written (or
     * could not be). Calling again returns the first call's future.
     */
    synchronized CompletableFuture<Void> close(int code, String reason) {
        stop();
        if (closing == null) {
            closing = new CompletableFuture<>();
            if (socket.isOpen()) {
                socket.close(code, reason, Callback.from(() -> closing.complete(null), closing::completeExceptionally));
            } else {
                closing.complete(null);
            }
        }
        return closing;
    }

    /** Ends the stream: no more ticks, the slot is given back. */
    synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel(false);
        }
        if (slot != null) {
            slot.close();
        }
    }
}
