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
        ensure(prepared.length);
        System.arraycopy(prepared, 0, bytes, length, prepared.length);
        length += prepared.length;
        return this;
    }

    /** Appends text as UTF-8, without escaping. */
    public LineBuffer utf8(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (length == bytes.length) {
                    ensure(1);
                }
                bytes[length++] = (byte) c;
            } else {
                i = encodeNonAscii(s, i, false);
            }
        }
        return this;
    }

    /** Appends a JSON string literal: quoted, escaped, UTF-8. Lone surrogates become {@code \\uXXXX}. */
    public LineBuffer jsonString(String s) {
        int n = s.length();
        ensure(n + 2);
        bytes[length++] = '"';
        if (plainAscii(s, n)) {
            ascii(s);
            return append((byte) '"');
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                if (length == bytes.length) {
                    ensure(1);
                }
                bytes[length++] = (byte) c;
            } else if (c < 0x80) {
                escapeAscii(c);
            } else {
                i = encodeNonAscii(s, i, true);
            }
        }
        return append((byte) '"');
    }

    /** Whether {@code s} is printable ASCII without quotes or backslashes: most log text. */
    private static boolean plainAscii(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
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
    private int encodeNonAscii(String s, int i, boolean json) {
        char c = s.charAt(i);
        ensure(6);
        if (c < 0x800) {
            bytes[length++] = (byte) (0xC0 | (c >> 6));
            bytes[length++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, s.charAt(i + 1));
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
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int p = end - 1; p >= length; p--) {
            bytes[p] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        length = end;
        return this;
    }

    /** Appends {@code value} rounded to {@code decimals} (0–6) places, always with that many places. */
    public LineBuffer fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 9e12) {
            return ascii(Double.toString(value));
        }
        long scaled = Math.round(value * POW10[decimals]);
        if (scaled < 0) {
            append((byte) '-');
            scaled = -scaled;
        }
        number(scaled / POW10[decimals]);
        if (decimals > 0) {
            append((byte) '.');
            padded(scaled % POW10[decimals], decimals);
        }
        return this;
    }

    private void padded(long value, int width) {
        ensure(width);
        for (int p = length + width - 1; p >= length; p--) {
            bytes[p] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        length += width;
    }

    /** Appends {@code 2024-01-15T10:30:45.123456Z}: UTC, microseconds, always 27 bytes. */
    public LineBuffer timestamp(Instant instant) {
        long second = instant.getEpochSecond();
        if (second != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            String prefix = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.",
                    t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
            if (prefix.length() != secondPrefix.length) {
                // Years outside 0000–9999: rare enough to format directly.
                ascii(prefix);
                padded(instant.getNano() / 1000, 6);
                return append((byte) 'Z');
            }
            for (int i = 0; i < secondPrefix.length; i++) {
                secondPrefix[i] = (byte) prefix.charAt(i);
            }
            cachedSecond = second;
        }
        ensure(27);
        System.arraycopy(secondPrefix, 0, bytes, length, secondPrefix.length);
        length += secondPrefix.length;
        padded(instant.getNano() / 1000, 6);
        return append((byte) 'Z');
    }
}
