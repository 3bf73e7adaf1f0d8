package io.synthlogs.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A growable byte buffer that renders log lines without intermediate strings: JSON-escaped UTF-8,
 * whole and fixed-point numbers, and microsecond ISO-8601 timestamps. Not thread-safe; reuse one per
 * writer.
 */
public final class LineBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private byte[] bytes;
    private int length;
    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] secondPrefix = new byte[20];
    private final ConstantCache constants;
    private char[] scratch = new char[256];

    public LineBuffer() {
        this(512);
    }

    public LineBuffer(int capacity) {
        this(capacity, true);
    }

    LineBuffer(int capacity, boolean withConstants) {
        bytes = new byte[Math.max(16, capacity)];
        constants = withConstants ? new ConstantCache() : null;
    }

    /** Encodings of recurring strings, kept with the buffer that a writer reuses line after line. */
    ConstantCache constants() {
        return constants;
    }

    public int length() {
        return length;
    }

    /** The backing array; valid up to {@link #length()}. */
    public byte[] array() {
        return bytes;
    }

    public void reset() {
        length = 0;
    }

    /** Drops everything after the first {@code newLength} bytes. */
    public void truncate(int newLength) {
        length = newLength;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    public LineBuffer append(byte b) {
        ensure(1);
        bytes[length++] = b;
        return this;
    }

    public LineBuffer append(char c) {
        return append((byte) c);
    }

    /** Appends text known to be ASCII (field names, constants). */
    @SuppressWarnings("deprecation")
    public LineBuffer ascii(String s) {
        int n = s.length();
        ensure(n);
        // The deprecated getBytes copies the low byte of each char: exactly right for ASCII, and fast.
        s.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    /** Appends bytes prepared once, such as a field name with its quotes and colon. */
    public LineBuffer bytes(byte[] prepared) {
        int n = prepared.length;
        ensure(n);
        if (n > 32) {
            System.arraycopy(prepared, 0, bytes, length, n);
            length += n;
            return this;
        }
        // Short copies are cheaper as a plain loop than as a call to the copy stub.
        byte[] dst = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            dst[at + i] = prepared[i];
        }
        length = at + n;
        return this;
    }

    /** Appends text as UTF-8, without escaping. */
    public LineBuffer utf8(String s) {
        int n = s.length();
        char[] chars = charsOf(s, n);
        ensure(n);
        byte[] dst = bytes;
        int at = length;
        int i = 0;
        // One tight pass over a char[] copy: no per-char bounds or encoding checks on the String.
        while (i < n) {
            char c = chars[i];
            if (c >= 0x80) {
                break;
            }
            dst[at++] = (byte) c;
            i++;
        }
        length = at;
        for (; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                append((byte) c);
            } else {
                i = encodeNonAscii(chars, n, i, false);
            }
        }
        return this;
    }

    /** Appends a JSON string literal: quoted, escaped, UTF-8. Lone surrogates become {@code \\uXXXX}. */
    public LineBuffer jsonString(String s) {
        int n = s.length();
        char[] chars = charsOf(s, n);
        ensure(n + 2);
        byte[] dst = bytes;
        int at = length;
        dst[at++] = '"';
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                break;
            }
            dst[at++] = (byte) c;
            i++;
        }
        length = at;
        for (; i < n; i++) {
            char c = chars[i];
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                append((byte) c);
            } else if (c < 0x80) {
                escapeAscii(c);
            } else {
                i = encodeNonAscii(chars, n, i, true);
            }
        }
        return append((byte) '"');
    }

    private char[] charsOf(String s, int n) {
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        s.getChars(0, n, scratch, 0);
        return scratch;
    }

    private void escapeAscii(char c) {
        ensure(6);
        bytes[length++] = '\\';
        switch (c) {
            case '"' -> bytes[length++] = '"';
            case '\\' -> bytes[length++] = '\\';
            case '\n' -> bytes[length++] = 'n';
            case '\r' -> bytes[length++] = 'r';
            case '\t' -> bytes[length++] = 't';
            case '\b' -> bytes[length++] = 'b';
            case '\f' -> bytes[length++] = 'f';
            default -> unicodeEscape(c);
        }
    }

    private void unicodeEscape(char c) {
        ensure(5);
        bytes[length++] = 'u';
        bytes[length++] = HEX[(c >> 12) & 0xF];
        bytes[length++] = HEX[(c >> 8) & 0xF];
        bytes[length++] = HEX[(c >> 4) & 0xF];
        bytes[length++] = HEX[c & 0xF];
    }

    /** Encodes the non-ASCII char at {@code i} (and its low surrogate); returns the last index used. */
    private int encodeNonAscii(char[] s, int n, int i, boolean json) {
        char c = s[i];
        ensure(6);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
            int cp = Character.toCodePoint(c, s[i + 1]);
            bytes[length++] = (byte) (0xF0 | (cp >> 18));
            bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[length++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            if (json) {
                bytes[length++] = '\\';
                unicodeEscape(c);
            } else {
                bytes[length++] = '?';
            }
            return i;
        }
        bytes[length++] = (byte) (0xE0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    /** Appends a whole number in decimal. */
    public LineBuffer number(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int digits = digits(value);
        int end = length + digits;
        for (int p = end - 1; p >= length; p--) {
            long q = value / 10;
            bytes[p] = (byte) ('0' + (value - q * 10));
            value = q;
        }
        length = end;
        return this;
    }

    private static int digits(long value) {
        int digits = 1;
        long bound = 10;
        while (digits < 19 && value >= bound) {
            digits++;
            bound *= 10;
        }
        return digits;
    }

    /** Appends {@code value} rounded to {@code decimals} (0–6) places, always with that many places. */
    public LineBuffer fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 9e12) {
            return ascii(Double.toString(value));
        }
        // Constant divisors, so the compiler turns each division into a multiplication.
        switch (decimals) {
            case 1 -> {
                long scaled = Math.round(value * 10);
                sign(scaled).number(Math.abs(scaled) / 10).append((byte) '.').padded(Math.abs(scaled) % 10, 1);
            }
            case 2 -> {
                long scaled = Math.round(value * 100);
                sign(scaled).number(Math.abs(scaled) / 100).append((byte) '.').padded(Math.abs(scaled) % 100, 2);
            }
            default -> {
                long scaled = Math.round(value * POW10[decimals]);
                sign(scaled).number(Math.abs(scaled) / POW10[decimals]);
                if (decimals > 0) {
                    append((byte) '.').padded(Math.abs(scaled) % POW10[decimals], decimals);
                }
            }
        }
        return this;
    }

    private LineBuffer sign(long scaled) {
        return scaled < 0 ? append((byte) '-') : this;
    }

    private static void digits(byte[] into, int at, int value, int width) {
        for (int p = at + width - 1; p >= at; p--) {
            into[p] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private LineBuffer padded(long value, int width) {
        ensure(width);
        for (int p = length + width - 1; p >= length; p--) {
            long q = value / 10;
            bytes[p] = (byte) ('0' + (value - q * 10));
            value = q;
        }
        length += width;
        return this;
    }

    /** Appends {@code 2024-01-15T10:30:45.123456Z}: UTC, microseconds, always 27 bytes. */
    public LineBuffer timestamp(Instant instant) {
        long second = instant.getEpochSecond();
        if (second != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) {
                // Outside four-digit years: rare enough to format directly.
                ascii(String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.", t.getYear(),
                        t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
                padded(instant.getNano() / 1000, 6);
                return append((byte) 'Z');
            }
            digits(secondPrefix, 0, t.getYear(), 4);
            secondPrefix[4] = '-';
            digits(secondPrefix, 5, t.getMonthValue(), 2);
            secondPrefix[7] = '-';
            digits(secondPrefix, 8, t.getDayOfMonth(), 2);
            secondPrefix[10] = 'T';
            digits(secondPrefix, 11, t.getHour(), 2);
            secondPrefix[13] = ':';
            digits(secondPrefix, 14, t.getMinute(), 2);
            secondPrefix[16] = ':';
            digits(secondPrefix, 17, t.getSecond(), 2);
            secondPrefix[19] = '.';
            cachedSecond = second;
        }
        ensure(27);
        System.arraycopy(secondPrefix, 0, bytes, length, secondPrefix.length);
        length += secondPrefix.length;
        padded(instant.getNano() / 1000, 6);
        return append((byte) 'Z');
    }
}
