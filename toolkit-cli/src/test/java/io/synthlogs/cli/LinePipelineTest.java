package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.Episode;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LogFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines generated on the pipeline's thread are the lines of one generator on one thread. */
class LinePipelineTest {
    private static final Scenario SCENARIO = Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.3, "test").build(), 11);

    @Test
    void blocks_hold_the_same_lines_and_episodes_as_one_thread() throws Exception {
        int total = 5_000; // not a whole number of blocks
        LogGenerator alone = LogGenerator.of(SCENARIO);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            expected.add(render(alone.next()));
        }
        List<Episode> expectedEpisodes = alone.episodesSoFar();

        List<String> lines = new ArrayList<>();
        List<Episode> episodes = new ArrayList<>();
        Episode open = null;
        try (LinePipeline pipeline = new LinePipeline(LogGenerator.of(SCENARIO), total)) {
            while (lines.size() < total) {
                LinePipeline.Block block = pipeline.take();
                for (int i = 0; i < block.count(); i++) {
                    lines.add(render(block.line(i).toEntry()));
                }
                episodes.addAll(block.closed());
                open = block.openAtEnd();
                pipeline.recycle(block);
            }
        }
        if (open != null) {
            episodes.add(open);
        }
        assertThat(lines).isEqualTo(expected);
        assertThat(episodes).hasSizeGreaterThan(5).isEqualTo(expectedEpisodes);
    }

    @Test
    void each_block_knows_the_episode_open_at_its_end() throws Exception {
        try (LinePipeline pipeline = new LinePipeline(LogGenerator.of(SCENARIO), 20_000)) {
            int seen = 0;
            boolean sawOpen = false;
            while (seen < 20_000) {
                LinePipeline.Block block = pipeline.take();
                seen += block.count();
                if (block.openAtEnd() != null) {
                    sawOpen = true;
                    // Cut after this block, the open episode has no line beyond it and is marked truncated.
                    assertThat(block.openAtEnd().lastIndex()).isLessThan(seen);
                    assertThat(block.openAtEnd().parameters()).containsEntry("truncated", true);
                }
                pipeline.recycle(block);
            }
            assertThat(sawOpen).isTrue();
        }
    }

    @Test
    void a_failure_while_generating_reaches_the_taker_instead_of_a_hang() {
        LogGenerator generator = LogGenerator.of(SCENARIO);
        generator.onEpisode(episode -> {
            throw new IllegalStateException("listener failed on " + episode.id());
        });
        try (LinePipeline pipeline = new LinePipeline(generator, 10_000_000)) {
            assertThatThrownBy(() -> {
                while (true) {
                    pipeline.recycle(pipeline.take());
                }
            }).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("listener failed on ep-");
        }
    }

    @Test
    void closing_early_stops_the_generating_thread() throws Exception {
        LinePipeline pipeline = new LinePipeline(LogGenerator.of(SCENARIO), Long.MAX_VALUE);
        pipeline.take();
        long started = System.nanoTime();
        pipeline.close();
        // close() waits up to 5 s for the thread to end: returning sooner means it ended.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private static String render(io.synthlogs.LogEntry entry) {
        LineBuffer out = new LineBuffer();
        LogFormat.JSON.append(out, entry, true);
        return out.toString();
    }
}
