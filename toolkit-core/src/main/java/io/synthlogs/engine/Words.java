package io.synthlogs.engine;

import io.synthlogs.format.LineBuffer;
import java.util.Arrays;

/**
 * A word list with each word encoded once, so drawing a word into a line is a copy. Draws exactly as
 * {@link Rng#pick(Object[])} does on the same list.
 */
final class Words {
    private final String[] words;
    private final byte[][] encoded;
    private final int[] flags;

    Words(String... words) {
        this.words = words.clone();
        this.encoded = new byte[words.length][];
        this.flags = new int[words.length];
        LineBuffer buffer = new LineBuffer(64);
        for (int i = 0; i < words.length; i++) {
            buffer.reset();
            flags[i] = buffer.text(words[i]);
            encoded[i] = Arrays.copyOf(buffer.array(), buffer.length());
        }
    }

    int size() {
        return words.length;
    }

    String get(int i) {
        return words[i];
    }

    /** Draws a word and appends it; returns its text flags. */
    int appendAny(LineBuffer out, Rng rng) {
        return append(out, rng.nextInt(words.length));
    }

    int append(LineBuffer out, int i) {
        out.bytes(encoded[i]);
        return flags[i];
    }
}
