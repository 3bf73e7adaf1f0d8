package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Prepared text is written exactly, whichever of the copy's paths its length takes, and never past its end. */
class FixedTextTest {
    @Test
    void texts_of_every_length_around_the_short_limit_are_written_exactly_one_after_another() {
        SplittableRandom random = new SplittableRandom(5);
        LineBuffer buffer = new LineBuffer(16);
        StringBuilder expected = new StringBuilder();
        for (int round = 0; round < 20; round++) {
            for (int n = 0; n <= 3 * FixedText.SHORT; n++) {
                String text = randomAscii(random, n);
                buffer.put(FixedText.ascii(text));
                expected.append(text);
                if (random.nextInt(4) == 0) {
                    buffer.append('|');
                    expected.append('|');
                }
            }
        }
        assertThat(new String(buffer.array(), 0, buffer.length(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void a_short_text_leaves_what_follows_it_to_the_next_write() {
        // The copy writes a whole padded block; only the text's own bytes count, the rest is overwritten.
        LineBuffer buffer = new LineBuffer(1);
        buffer.put(FixedText.ascii("ab")).number(7).put(FixedText.of(new byte[0])).append('!');
        assertThat(buffer.length()).isEqualTo(4);
        assertThat(buffer.toString()).isEqualTo("ab7!");
    }

    @Test
    void a_prefix_of_an_array_is_its_first_bytes() {
        byte[] bytes = "hello, world".getBytes(StandardCharsets.US_ASCII);
        assertThat(FixedText.of(bytes, 5).length()).isEqualTo(5);
        assertThat(new LineBuffer(8).put(FixedText.of(bytes, 5)).toString()).isEqualTo("hello");
    }

    private static String randomAscii(SplittableRandom random, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return s.toString();
    }
}
