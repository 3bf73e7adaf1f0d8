package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures what the server logs while open: slf4j-simple writes to whatever {@code System.err} is at
 * the time, so this tees it into a buffer (the console still sees everything). Close to restore.
 */
final class ServerLog implements AutoCloseable {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original = System.err;

    ServerLog() {
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
    }

    /**
     * A race inside Jetty 12's HTTP/1 connection, open upstream (jetty/jetty.project#12939): after an
     * exchange, {@code HttpConnection.onFillable} fails, releases its request buffer a second time, and
     * the buffer's reference counter refuses with this exception, which the thread pool logs. Seen here
     * once in twelve runs of the hostile query test under CPU load (about 1 request in 100,000), every
     * client answered; not reproduced in 85,000 such requests sent outside that test. Not our code, so
     * not a reason to fail; tolerated a few times, reported each time.
     */
    static final Pattern JETTY_DOUBLE_RELEASE = Pattern.compile(
            "\\[[^\\]\\n]+\\] WARN org\\.eclipse\\.jetty\\.util\\.thread\\.QueuedThreadPool - Job failed\\R"
                    + "java\\.lang\\.IllegalStateException: already released "
                    + "oeji\\.Retainable\\$ReferenceCounter@\\p{XDigit}+\\[rc=0\\]\\R"
                    + "(?:\\tat (?!org\\.eclipse\\.jetty\\.server\\.internal\\.HttpConnection\\.releaseRequestBuffer).*\\R)*"
                    + "\\tat org\\.eclipse\\.jetty\\.server\\.internal\\.HttpConnection\\.releaseRequestBuffer.*\\R"
                    + "(?:\\tat .*\\R)*");
    /** More than this many {@link #JETTY_DOUBLE_RELEASE}s in one capture is a regression, whoever's. */
    static final int TOLERATED_JETTY_RACES = 2;

    /**
     * Nothing logged at WARN or ERROR, and no stack trace, but for up to {@link #TOLERATED_JETTY_RACES}
     * occurrences of {@link #JETTY_DOUBLE_RELEASE}.
     */
    void assertQuiet() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        assertQuiet(text, original);
    }

    static void assertQuiet(String text, PrintStream report) {
        Matcher races = JETTY_DOUBLE_RELEASE.matcher(text);
        int count = 0;
        while (races.find()) {
            count++;
        }
        if (count > 0) {
            report.println("server log: tolerated " + count + " of Jetty's double release of a request buffer"
                    + " (jetty/jetty.project#12939)");
        }
        assertThat(count).as("Jetty double releases in the server log").isLessThanOrEqualTo(TOLERATED_JETTY_RACES);
        String rest = races.replaceAll("");
        assertThat(rest.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
                .limit(20).toList()).as("server log").isEmpty();
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public void write(int c) {
            write(new byte[] {(byte) c}, 0, 1);
        }

        @Override
        public void write(byte[] buf, int off, int len) {
            try {
                console.write(buf, off, len);
            } catch (java.io.IOException e) {
                // the console is best effort
            }
            synchronized (copy) {
                copy.write(buf, off, len);
            }
        }
    }
}
