package io.synthlogs.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes prepared once (a field name with its quotes and colon, a template's fixed text, a word of a
 * word list), padded so that {@link LineBuffer#put writing them} is four word copies whatever their
 * length: lines mix texts of every length in no set order, and a copy that branches on the length
 * mispredicts. Measured: generating a line 231 -> 220 ns.
 *
 * <p>Internal API: the engine and the formats build it.
 */
public final class FixedText {
    /** Texts up to this many bytes, nearly all of them, are copied as four words. */
    static final int SHORT = 32;

    /** The bytes, then zeros: {@link #SHORT} bytes in all, or a multiple of eight beyond. */
    final byte[] padded;
    final int length;

    private FixedText(byte[] bytes, int length) {
        this.padded = Arrays.copyOf(bytes, Math.max(SHORT, (length + 7) & ~7));
        this.length = length;
    }

    /** The first {@code length} bytes of {@code bytes}. */
    public static FixedText of(byte[] bytes, int length) {
        return new FixedText(bytes, length);
    }

    public static FixedText of(byte[] bytes) {
        return new FixedText(bytes, bytes.length);
    }

    public static FixedText ascii(String s) {
        return of(s.getBytes(StandardCharsets.US_ASCII));
    }

    public int length() {
        return length;
    }
}
