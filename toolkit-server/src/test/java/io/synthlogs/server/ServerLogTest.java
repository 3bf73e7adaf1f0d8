package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What {@link ServerLog#assertQuiet} lets through: Jetty's known race, a few times, and nothing else. */
class ServerLogTest {
    /** As captured on 2026-11-24 from a failed run of the hostile query test. */
    private static final String JETTY_RACE = """
            [synthlogs-http-55] WARN org.eclipse.jetty.util.thread.QueuedThreadPool - Job failed
            java.lang.IllegalStateException: already released oeji.Retainable$ReferenceCounter@4c6d394c[rc=0]
            \tat org.eclipse.jetty.io.Retainable$ReferenceCounter.lambda$release$0(Retainable.java:228)
            \tat java.base/java.util.concurrent.atomic.AtomicInteger.updateAndGet(AtomicInteger.java:281)
            \tat org.eclipse.jetty.io.Retainable$ReferenceCounter.release(Retainable.java:225)
            \tat org.eclipse.jetty.io.Retainable$Wrapper.release(Retainable.java:151)
            \tat org.eclipse.jetty.io.ArrayByteBufferPool$PooledBuffer.release(ArrayByteBufferPool.java:805)
            \tat org.eclipse.jetty.server.internal.HttpConnection.releaseRequestBuffer(HttpConnection.java:340)
            \tat org.eclipse.jetty.server.internal.HttpConnection.onFillable(HttpConnection.java:483)
            \tat org.eclipse.jetty.server.internal.HttpConnection.run(HttpConnection.java:681)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool.runJob(QueuedThreadPool.java:1009)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.doRunJob(QueuedThreadPool.java:1240)
            \tat org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.run(QueuedThreadPool.java:1194)
            \tat java.base/java.lang.Thread.run(Thread.java:840)
            """;
    private static final String INFO = "[main] INFO io.javalin.Javalin - Listening on http://127.0.0.1:41234/\n";

    private final ByteArrayOutputStream reported = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(reported, true, StandardCharsets.UTF_8);

    @Test
    void jettys_double_release_is_tolerated_and_reported() {
        ServerLog.assertQuiet(INFO + JETTY_RACE + INFO + JETTY_RACE.replace("55", "61"), report);

        assertThat(reported.toString(StandardCharsets.UTF_8)).contains("tolerated 2", "jetty/jetty.project#12939");
    }

    @Test
    void more_than_a_few_double_releases_fail() {
        assertThatThrownBy(() -> ServerLog.assertQuiet(JETTY_RACE.repeat(ServerLog.TOLERATED_JETTY_RACES + 1), report))
                .hasMessageContaining("Jetty double releases");
    }

    @Test
    void any_other_warning_or_exception_still_fails() {
        assertThatThrownBy(() -> ServerLog.assertQuiet(JETTY_RACE
                + "[synthlogs-http-7] WARN org.eclipse.jetty.server.Response - writeError: status=500\n", report))
                .hasMessageContaining("writeError");
        // The same exception from our own code is not Jetty's race.
        assertThatThrownBy(() -> ServerLog.assertQuiet(JETTY_RACE.replace(
                "org.eclipse.jetty.server.internal.HttpConnection.releaseRequestBuffer", "io.synthlogs.server.Json.write"),
                report)).hasMessageContaining("already released");
    }

    @Test
    void a_quiet_log_passes() {
        ServerLog.assertQuiet(INFO, report);

        assertThat(reported.size()).isZero();
    }
}
