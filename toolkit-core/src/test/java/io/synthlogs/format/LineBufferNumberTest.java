package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whole numbers as {@link Long#toString} writes them, whichever of the number writer's paths they take. */
class LineBufferNumberTest {
    @Test
    void every_number_near_the_small_number_table_is_written_exactly() {
        for (long n = -1_100; n <= 101_000; n++) {
            assertThat(written(n)).as("%d", n).isEqualTo(Long.toString(n));
        }
    }

    @Test
    void extremes_and_random_longs_are_written_exactly() {
        SplittableRandom random = new SplittableRandom(3);
        long[] edges = {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE};
        for (long n : edges) {
            assertThat(written(n)).isEqualTo(Long.toString(n));
        }
        for (int i = 0; i < 100_000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertThat(written(n)).as("%d", n).isEqualTo(Long.toString(n));
        }
    }

    @Test
    void numbers_written_one_after_another_at_a_full_buffer_keep_every_digit() {
        // A one-byte buffer grows on each write; a small number stores four bytes at a time.
        LineBuffer buffer = new LineBuffer(1);
        StringBuilder expected = new StringBuilder();
        for (int n = 0; n < 1_200; n++) {
            buffer.number(n).append(',');
            expected.append(n).append(',');
        }
        assertThat(new String(buffer.array(), 0, buffer.length(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    private static String written(long n) {
        LineBuffer buffer = new LineBuffer(8);
        buffer.append('[').number(n).append(']');
        String s = new String(buffer.array(), 0, buffer.length(), StandardCharsets.US_ASCII);
        return s.substring(1, s.length() - 1);
    }
}
