package io.synthlogs.engine;

import io.synthlogs.format.LineBuffer;
import java.util.Arrays;

/**
 * A word list with each word encoded once, so drawing a word into a line is a copy. Draws exactly as
 * {@link Rng#pick(Object[])} does on the same list.
 */
final class Words {
    private final EncodedText[] encoded;

    Words(String... words) {
        this.encoded = Arrays.stream(words).map(EncodedText::of).toArray(EncodedText[]::new);
    }

    /** Draws a word and appends it; returns its text flags. */
    int appendAny(LineBuffer out, Rng rng) {
        return append(out, rng.nextInt(encoded.length));
    }

    int append(LineBuffer out, int i) {
        return encoded[i].appendTo(out);
    }
}
