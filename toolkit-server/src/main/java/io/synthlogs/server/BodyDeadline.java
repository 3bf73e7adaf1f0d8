package io.synthlogs.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * A time limit on reading a request body. Reading blocks a request thread, and Jetty's idle timeout
 * only bounds the pause between two bytes: a client sending a byte now and then (a "slowloris") could
 * hold a thread for as long as it liked, and enough of them every thread. Past the limit the
 * connection is closed, which fails the blocked read at once.
 */
final class BodyDeadline {
    /** A read that may block. */
    interface Read<T> {
        T run() throws IOException;
    }

    /** The body did not arrive in time; the connection is already closed, so no answer can go out. */
    static final class Expired extends IOException {
        private static final long serialVersionUID = 1L;

        Expired(Duration timeout) {
            super("the request body did not arrive within " + timeout.toMillis() + " ms");
        }
    }

    /** The states a read and its timer race for. */
    private static final int READING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    BodyDeadline(ScheduledExecutorService scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /**
     * Runs {@code read}, closing {@code ctx}'s connection if it has not finished within the limit. The
     * reader and the timer race for one state, so a read that finished is never cut afterwards, and
     * one the timer cut never counts as finished.
     */
    <T> T read(Context ctx, Read<T> read) throws IOException {
        AtomicInteger state = new AtomicInteger(READING);
        ScheduledFuture<?> guard = scheduler.schedule(() -> {
            if (state.compareAndSet(READING, EXPIRED)) {
                ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
                        .getEndPoint().close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            T result = read.run();
            if (!state.compareAndSet(READING, DONE)) {
                throw new Expired(timeout);
            }
            return result;
        } catch (IOException e) {
            throw state.get() == EXPIRED ? new Expired(timeout) : e;
        } finally {
            guard.cancel(false);
        }
    }
}
