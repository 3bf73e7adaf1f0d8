package io.synthlogs.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LogFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/stream} (server-sent events) and {@code GET /api/stream/ndjson}. Both are written by
 * hand rather than by Javalin's SSE handler, which answers only requests sending
 * {@code Accept: text/event-stream}: a plain {@code curl} must stream too.
 *
 * <p>Each stream runs on its request thread: it takes a batch from the shared session (briefly, under
 * its lock), writes it outside the lock and waits. A vanished client fails the next write and ends
 * the loop; a slow one only holds its own thread; shutdown wakes every waiting stream.
 */
final class StreamHandlers {
    /** Comments keep idle connections (and proxies) alive during long intervals. */
    private static final long KEEPALIVE_MILLIS = 10_000;

    private final GeneratorSession session;
    private final StreamRegistry registry;

    StreamHandlers(GeneratorSession session, StreamRegistry registry) {
        this.session = session;
        this.registry = registry;
    }

    private static void startResponse(HttpServletResponse res, boolean sse) {
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType(sse ? "text/event-stream" : "application/x-ndjson");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
    }

    void sse(Context ctx) throws IOException {
        stream(ctx, true);
    }

    void ndjson(Context ctx) throws IOException {
        stream(ctx, false);
    }

    private void stream(Context ctx, boolean sse) throws IOException {
        StreamParams params = StreamParams.fromQuery(ctx.queryParamMap(),
                StreamParams.defaults(session.config().generator().interval()));
        if (params.anomalyRate() != null) {
            ConfigPatch.withRate(session.config(), params.anomalyRate()); // a rate it cannot meet is a 400, before any byte
        }
        if (ctx.method() == HandlerType.HEAD) {
            // What GET would answer, and no stream: a 429 at the limit (a slot taken and given back at
            // once), else the headers a stream starts with, sent without a length, as a stream's are.
            registry.open(() -> {}).close();
            startResponse(ctx.res(), sse);
            ctx.res().flushBuffer();
            return;
        }
        try (StreamRegistry.Slot slot = registry.open(() -> {})) {
            HttpServletResponse res = ctx.res();
            startResponse(res, sse);
            OutputStream out = res.getOutputStream();
            if (sse) {
                write(out, ": synthlogs stream, seed " + session.seed() + "\n\n");
            } else {
                out.flush();
            }
            for (long n = 1; params.maxBatches() == 0 || n <= params.maxBatches(); n++) {
                GeneratorSession.Batch batch;
                try {
                    batch = session.generate(params.batchSize(), params.anomalyRate());
                } catch (ApiError e) {
                    // The configuration changed under this stream so that its rate cannot be met: end it
                    // with the reason, framed like everything else on it.
                    String error = Json.write(e.body());
                    write(out, sse ? "event: error\ndata: " + error + "\n\n" : error + "\n");
                    break;
                }
                write(out, sse ? event(n, batch, params) : lines(batch, params));
                session.delivered(batch.lines().size());
                boolean last = params.maxBatches() != 0 && n == params.maxBatches();
                if (last && sse) {
                    // Told apart from a dropped connection, which an EventSource would reopen from batch 1.
                    write(out, "event: end\ndata: {\"batches\":" + n + "}\n\n");
                }
                if (last || !pause(slot, out, params.intervalMillis(), sse)) {
                    break;
                }
            }
            // Complete the response before the slot is given back: shutdown waits for the slots, then
            // stops Jetty, which would cut a response still open.
            out.close();
        } catch (IOException e) {
            // The client went away: the stream is over, nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits one interval; false when the server is stopping. Writes keep-alive comments on SSE. */
    private static boolean pause(StreamRegistry.Slot slot, OutputStream out, long millis, boolean sse)
            throws InterruptedException, IOException {
        long left = millis;
        while (left > 0) {
            long step = Math.min(left, KEEPALIVE_MILLIS);
            if (!slot.await(step)) {
                return false;
            }
            left -= step;
            if (left > 0 && sse) {
                write(out, ": keep-alive\n\n");
            }
        }
        return !slot.stopping();
    }

    private static LineBuffer event(long n, GeneratorSession.Batch batch, StreamParams params) {
        LineBuffer out = Json.buffer(batch.lines().size()).ascii("id: ").number(n).ascii("\ndata: ");
        return Json.batch(out, null, n, batch, params.includeLabels()).ascii("\n\n");
    }

    private static LineBuffer lines(GeneratorSession.Batch batch, StreamParams params) {
        LineBuffer out = Json.buffer(batch.lines().size());
        for (int i = 0; i < batch.lines().size(); i++) {
            LogFormat.JSON.append(out, batch.lines().get(i), params.includeLabels());
            out.append((byte) '\n');
        }
        return out;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void write(OutputStream out, LineBuffer bytes) throws IOException {
        bytes.writeTo(out);
        out.flush();
    }
}
