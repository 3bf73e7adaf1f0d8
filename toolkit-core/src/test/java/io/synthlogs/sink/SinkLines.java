package io.synthlogs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Lines for the file sinks' tests, and what a page-aligned sink's files must be. */
final class SinkLines {
    private SinkLines() {}

    static void write(LineSink sink, List<String> lines) throws IOException {
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            sink.writeLine(bytes, 0, bytes.length);
        }
    }

    /** JSON-like lines of 12 to {@code maxLength} bytes and more, some not ASCII, none ending in a space. */
    static List<String> lines(int count, int maxLength) {
        Random random = new Random(11);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pad = random.nextInt(10) == 0 ? "é".repeat(random.nextInt(maxLength / 2)) : "x".repeat(random.nextInt(maxLength));
            lines.add("{\"n\":" + i + ",\"p\":\"" + pad + "\"}\n");
        }
        return lines;
    }

    /**
     * A line break ends every page the file fills, so a write cut at any page boundary leaves whole
     * lines; padding spaces appear only where they fill a page.
     */
    static void assertAligned(Path file, byte[] bytes) {
        for (int end = PageAligner.PAGE; end <= bytes.length; end += PageAligner.PAGE) {
            assertThat(bytes[end - 1]).as(file + ": the byte before offset " + end).isEqualTo((byte) '\n');
        }
        for (int i = 1; i < bytes.length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == ' ') {
                assertThat((i + 1) % PageAligner.PAGE).as(file + ": padding that does not end a page, at " + i).isZero();
            }
        }
    }

    /**
     * Every line of the file no longer than a page (its padding aside) lies within one page, padding
     * included; longer ones cannot. (Lines around a long one must be padded all the same.)
     */
    static void assertShortLinesWithinPages(Path file, byte[] bytes) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int content = i;
                while (content > start && bytes[content - 1] == ' ') {
                    content--;
                }
                if (content - start + 1 <= PageAligner.PAGE) {
                    assertThat(i / PageAligner.PAGE).as(file + ": the line at " + start + " crosses a page")
                            .isEqualTo(start / PageAligner.PAGE);
                }
                start = i + 1;
            }
        }
    }

    static String withoutPadding(String content) {
        return content.replaceAll(" +\n", "\n");
    }
}
