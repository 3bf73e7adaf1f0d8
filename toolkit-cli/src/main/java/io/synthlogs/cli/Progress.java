package io.synthlogs.cli;

import io.synthlogs.config.SynthConfig;
import java.io.PrintWriter;

/** A progress bar on stderr for long finite runs to files when a person is watching a terminal. */
class Progress {
    private static final long LONG_RUN = 200_000;
    private static final int WIDTH = 30;

    private final long total;
    private final PrintWriter err;
    private int shownPercent = -1;

    private Progress(long total, PrintWriter err) {
        this.total = total;
        this.err = err;
    }

    static Progress forRun(long total, SynthConfig.Destination destination, PrintWriter err) {
        return forRun(total, destination, stderrIsTerminal(), err);
    }

    /**
     * Whether standard error is a terminal. {@code System.console()} says only that standard input and
     * output are: with {@code 2>err.txt} the bar's carriage returns would fill the file. Linux tells
     * through {@code /proc}; elsewhere the console has to do.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** A bar when {@code watched} (someone at a terminal), the run is long and its lines go to files; else nothing. */
    static Progress forRun(long total, SynthConfig.Destination destination, boolean watched, PrintWriter err) {
        if (!watched || total < LONG_RUN || destination != SynthConfig.Destination.FILE) {
            return new Progress(0, err) {
                @Override
                void update(long lines) {}

                @Override
                void done() {}
            };
        }
        return new Progress(total, err);
    }

    void update(long lines) {
        int percent = (int) (lines * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        err.printf("\r[%s%s] %3d%% %,d/%,d lines", "#".repeat(filled), " ".repeat(WIDTH - filled), percent, lines, total);
        err.flush();
    }

    void done() {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }
}
