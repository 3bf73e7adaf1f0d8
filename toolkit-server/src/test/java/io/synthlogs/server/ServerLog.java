package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

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

    /** Nothing logged at WARN or ERROR, and no stack trace. */
    void assertQuiet() {
        String text;
        synchronized (captured) {
            text = captured.toString(StandardCharsets.UTF_8);
        }
        assertThat(text.lines().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ") || l.contains("Exception"))
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
