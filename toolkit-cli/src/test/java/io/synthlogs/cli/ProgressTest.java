package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.SynthConfig.Destination;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bar a person at a terminal sees on stderr during a long run to files, and nobody else. */
class ProgressTest {
    private final StringWriter err = new StringWriter();

    @Test
    void a_watched_long_run_to_files_shows_each_percent_once_and_clears_the_bar_at_the_end() {
        Progress progress = Progress.forRun(1_000_000, Destination.FILE, true, new PrintWriter(err));
        progress.update(0);
        progress.update(500_000);
        progress.update(500_001); // still 50 %: nothing new
        progress.update(1_000_000);
        String shown = err.toString();
        assertThat(shown.split("\r", -1)).hasSize(4);
        assertThat(shown).contains("[" + " ".repeat(30) + "]   0%")
                .contains("[" + "#".repeat(15) + " ".repeat(15) + "]  50%")
                .contains("[" + "#".repeat(30) + "] 100%");
        progress.done();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(70) + "\r");
    }

    @Test
    void unwatched_short_or_stdout_runs_show_nothing() {
        for (Progress progress : new Progress[] {
            Progress.forRun(1_000_000, Destination.FILE, false, new PrintWriter(err)),
            Progress.forRun(1_000, Destination.FILE, true, new PrintWriter(err)),
            Progress.forRun(1_000_000, Destination.STDOUT, true, new PrintWriter(err)),
            Progress.forRun(1_000_000, Destination.BOTH, true, new PrintWriter(err))}) {
            progress.update(500_000);
            progress.done();
        }
        assertThat(err.toString()).isEmpty();
    }
}
