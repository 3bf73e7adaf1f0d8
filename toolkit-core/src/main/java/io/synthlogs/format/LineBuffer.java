package io.synthlogs.format;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** {@link #text} found nothing that needs care: printable ASCII without quotes or backslashes. */
    public static final int PLAIN = 0;
    /** A quote, a backslash or a control character: JSON must escape it. */
    public static final int JSON_SPECIAL = 1;
    /** Bytes of multi-byte UTF-8 characters. */
    public static final int NON_ASCII = 2;
    /** A line feed or carriage return: the text format must escape it to stay one line. */
    public static final int LINE_BREAK = 4;
    /** An unpaired surrogate, kept in its three-byte form so the text round-trips. */
    public static final int LONE_SURROGATE = 8;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Eight bytes in one store; much faster than eight, once compiled. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** "00" to "99": numbers are written two digits at a time. */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    /**
     * 0 to 999 (octets, status codes, ports, counts: most numbers in a line), each as its digits in the
     * low bytes of an int, first digit lowest, and their count in the top byte: one store writes it.
     */
    private static final int SMALL = 1000;
    private static final int[] SMALL_NUMBERS = new int[SMALL];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int i = 0; i < SMALL; i++) {
            byte[] digits = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
            int packed = digits.length << 24;
            for (int k = 0; k < digits.length; k++) {
                packed |= digits[k] << (8 * k);
            }
            SMALL_NUMBERS[i] = packed;
        }
    }

    private byte[] bytes;
    private int length;
    private long cachedSecond = Long.MIN_VALUE;
    private final byte[] secondPrefix = new byte[20];
    /** Made on first use: most buffers (arenas, scratch, one-off strings) never format a line. */
    private ConstantCache constants;
    private char[] scratch = new char[256];
    private LineFields scratchFields;

    public LineBuffer() {
        this(512);
    }

    public LineBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Encodings of recurring strings, kept with the buffer that a writer reuses line after line. */
    ConstantCache constants() {
        if (constants == null) {
            constants = new ConstantCache();
        }
        return constants;
    }

    /** Fields to convert a {@code LogEntry} into, kept with the buffer it is rendered into. */
    LineFields scratchFields() {
        if (scratchFields == null) {
            scratchFields = new LineFields();
        }
        return scratchFields;
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
            grow(extra);
        }
    }

    private void grow(int extra) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
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

    /** Appends text prepared once. */
    public LineBuffer put(FixedText text) {
        byte[] src = text.padded;
        int size = src.length;
        ensure(size);
        byte[] dst = bytes;
        int at = length;
        if (size == FixedText.SHORT) {
            LONGS.set(dst, at, (long) LONGS.get(src, 0));
            LONGS.set(dst, at + 8, (long) LONGS.get(src, 8));
            LONGS.set(dst, at + 16, (long) LONGS.get(src, 16));
            LONGS.set(dst, at + 24, (long) LONGS.get(src, 24));
        } else {
            System.arraycopy(src, 0, dst, at, size);
        }
        length = at + text.length;
        return this;
    }

    /**
     * Copies {@code n} bytes to the end, capacity already ensured. Field names and ids are short, and
     * the copy stub costs more than the copy for them: up to 32 bytes are moved as two or four
     * overlapping 8-byte words (measured: a fifth faster per JSON line than a byte loop).
     */
    private void copy(byte[] src, int from, int n) {
        byte[] dst = bytes;
        int at = length;
        if (n >= 8 && n <= 16) {
            long head = (long) LONGS.get(src, from);
            long tail = (long) LONGS.get(src, from + n - 8);
            LONGS.set(dst, at, head);
            LONGS.set(dst, at + n - 8, tail);
        } else if (n > 16 && n <= 32) {
            long a = (long) LONGS.get(src, from);
            long b = (long) LONGS.get(src, from + 8);
            long c = (long) LONGS.get(src, from + n - 16);
            long d = (long) LONGS.get(src, from + n - 8);
            LONGS.set(dst, at, a);
            LONGS.set(dst, at + 8, b);
            LONGS.set(dst, at + n - 16, c);
            LONGS.set(dst, at + n - 8, d);
        } else if (n < 8) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = src[from + i];
            }
        } else {
            System.arraycopy(src, from, dst, at, n);
        }
        length = at + n;
    }

    /**
     * Appends {@code s} as UTF-8, unpaired surrogates in their three-byte form, and returns what it
     * contained as an OR of {@link #JSON_SPECIAL}, {@link #NON_ASCII}, {@link #LINE_BREAK} and
     * {@link #LONE_SURROGATE}: {@link #jsonBytes} and {@link #lineBytes} copy a {@link #PLAIN} run at once.
     */
    public int text(String s) {
        int n = s.length();
        char[] chars = charsOf(s, n);
        ensure(n);
        byte[] dst = bytes;
        int at = length;
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
        int flags = PLAIN;
        for (; i < n; i++) {
            char c = chars[i];
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    flags |= JSON_SPECIAL | (c == '\n' || c == '\r' ? LINE_BREAK : 0);
                }
                append((byte) c);
            } else {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(chars[i + 1]);
                flags |= NON_ASCII | (Character.isSurrogate(c) && !paired ? LONE_SURROGATE : 0);
                i = encodeNonAscii(chars, n, i);
            }
        }
        return flags;
    }

    /**
     * Appends bytes written by {@link #text} as a JSON string literal: quoted, escaped where
     * {@code flags} says it must be, unpaired surrogates as {@code \\uXXXX}.
     */
    public LineBuffer jsonBytes(byte[] src, int from, int count, int flags) {
        ensure(count + 2);
        bytes[length++] = '"';
        if ((flags & (JSON_SPECIAL | LONE_SURROGATE)) == 0) {
            copy(src, from, count);
        } else if ((flags & LONE_SURROGATE) == 0) {
            escapeRuns(src, from, count);
        } else {
            // Quotes are common (access logs quote the request line) and few: the runs between the
            // bytes to escape are copied whole.
            int end = from + count;
            int run = from;
            for (int i = from; i < end; i++) {
                int b = src[i] & 0xFF;
                if (b >= 0x20 && b != '"' && b != '\\' && !surrogateAt(src, i, end, b)) {
                    continue;
                }
                ensure(i - run + 6);
                copy(src, run, i - run);
                if (b < 0x80) {
                    escapeAscii((char) b);
                } else {
                    bytes[length++] = '\\';
                    unicodeEscape(surrogate(src, i));
                    i += 2;
                }
                run = i + 1;
            }
            ensure(end - run + 1);
            copy(src, run, end - run);
        }
        return append((byte) '"');
    }

    /**
     * The JSON escaping of valid UTF-8 (no lone surrogate): a third of all messages quote something
     * (access logs quote the request line), so the bytes to escape are found eight at a time and the
     * runs between them copied whole.
     */
    private void escapeRuns(byte[] src, int from, int count) {
        int end = from + count;
        int run = from;
        while (true) {
            int special = nextSpecial(src, run, end);
            ensure(special - run + 7);
            copy(src, run, special - run);
            if (special == end) {
                return;
            }
            escapeAscii((char) src[special]);
            run = special + 1;
        }
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** The index of the first quote, backslash or control byte from {@code i}, or {@code end}. */
    private static int nextSpecial(byte[] src, int i, int end) {
        for (; i + 8 <= end; i += 8) {
            long v = (long) LONGS.get(src, i);
            // Per byte, the top bit set where it is a quote, a backslash or below 0x20 (exact for the
            // lowest such byte, which is the one that counts: bytes of 0x80 and above never match).
            long quote = v ^ (ONES * '"');
            long backslash = v ^ (ONES * '\\');
            long hits = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (v - ONES * 0x20)) & ~v & HIGHS;
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b < 0x20 || b == '"' || b == '\\') {
                return i;
            }
        }
        return end;
    }

    /**
     * Appends bytes written by {@link #text} as part of a text line: line breaks as {@code \\n} and
     * {@code \\r}, unpaired surrogates as {@code ?}, everything else as it is.
     */
    public LineBuffer lineBytes(byte[] src, int from, int count, int flags) {
        if ((flags & (LINE_BREAK | LONE_SURROGATE)) == 0) {
            ensure(count);
            copy(src, from, count);
            return this;
        }
        int end = from + count;
        for (int i = from; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                append((byte) '\\').append((byte) (b == '\n' ? 'n' : 'r'));
            } else if (surrogateAt(src, i, end, b)) {
                append((byte) '?');
                i += 2;
            } else {
                append((byte) b);
            }
        }
        return this;
    }

    /** Appends {@code count} bytes that this buffer already holds at {@code from}. */
    public LineBuffer copyWithin(int from, int count) {
        ensure(count);
        System.arraycopy(bytes, from, bytes, length, count);
        length += count;
        return this;
    }

    /** Whether a three-byte surrogate form starts at {@code i}: {@code ED A0..BF xx}, never valid UTF-8. */
    private static boolean surrogateAt(byte[] src, int i, int end, int b) {
        return b == 0xED && i + 2 < end && (src[i + 1] & 0xE0) == 0xA0;
    }

    private static char surrogate(byte[] src, int i) {
        return (char) (((src[i] & 0x0F) << 12) | ((src[i + 1] & 0x3F) << 6) | (src[i + 2] & 0x3F));
    }

    /**
     * Decodes bytes written by {@link #text} back to the string it was given, unpaired surrogates
     * included.
     */
    public static String decode(byte[] src, int from, int count, int flags) {
        if ((flags & NON_ASCII) == 0) {
            return new String(src, from, count, StandardCharsets.ISO_8859_1);
        }
        if ((flags & LONE_SURROGATE) == 0) {
            return new String(src, from, count, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(count);
        int end = from + count;
        for (int i = from; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
            } else if (b < 0xE0) {
                sb.append((char) (((b & 0x1F) << 6) | (src[++i] & 0x3F)));
            } else if (b < 0xF0) {
                sb.append(surrogate(src, i));
                i += 2;
            } else {
                sb.appendCodePoint(((b & 0x07) << 18) | ((src[i + 1] & 0x3F) << 12) | ((src[i + 2] & 0x3F) << 6)
                        | (src[i + 3] & 0x3F));
                i += 3;
            }
        }
        return sb.toString();
    }

    /** Appends {@code digits} (at most 16) hex digits of {@code bits}, lowest nibble first. */
    public LineBuffer hex(long bits, int digits) {
        ensure(16);
        int at = length;
        LONGS.set(bytes, at, hexDigits((int) bits));
        if (digits > 8) {
            LONGS.set(bytes, at + 8, hexDigits((int) (bits >>> 32)));
        }
        length = at + digits;
        return this;
    }

    /** Appends {@code hi} and {@code lo} as a UUID in its canonical 8-4-4-4-12 form. */
    public LineBuffer uuid(long hi, long lo) {
        ensure(40);
        byte[] dst = bytes;
        int at = length;
        // Eight digits at a time, highest nibble first; where a dash splits eight, the last four are
        // written again one place further on.
        BIG_ENDIAN_LONGS.set(dst, at, hexDigits((int) (hi >>> 32)));
        dst[at + 8] = '-';
        long mid = hexDigits((int) hi);
        BIG_ENDIAN_LONGS.set(dst, at + 9, mid);
        BIG_ENDIAN_LONGS.set(dst, at + 14, mid << 32);
        dst[at + 13] = '-';
        dst[at + 18] = '-';
        long top = hexDigits((int) (lo >>> 32));
        BIG_ENDIAN_LONGS.set(dst, at + 19, top);
        BIG_ENDIAN_LONGS.set(dst, at + 24, top << 32);
        dst[at + 23] = '-';
        BIG_ENDIAN_LONGS.set(dst, at + 28, hexDigits((int) lo));
        length = at + 36;
        return this;
    }

    /**
     * The eight nibbles of {@code v} as hex digit bytes, nibble {@code i} in byte {@code i} of the
     * result, computed for all eight at once in one long: stored little-endian it reads lowest nibble
     * first, big-endian highest first. (Measured: a tenth faster per line than a table per nibble.)
     */
    private static long hexDigits(int v) {
        long x = v & 0xFFFFFFFFL;
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        long letters = ((x + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
        return x + 0x3030303030303030L + letters * ('a' - '0' - 10);
    }

    /** Appends a JSON string literal: quoted, escaped, UTF-8; unpaired surrogates become {@code \\uXXXX}. */
    public LineBuffer jsonString(String s) {
        append((byte) '"');
        int start = length;
        int flags = text(s);
        if ((flags & (JSON_SPECIAL | LONE_SURROGATE)) == 0) {
            return append((byte) '"');
        }
        byte[] raw = takeBack(start);
        length = start - 1;
        return jsonBytes(raw, 0, raw.length, flags);
    }

    /** Appends {@code s} as part of a text line: UTF-8, line breaks as {@code \\n} and {@code \\r}, unpaired surrogates as {@code ?}. */
    public LineBuffer lineText(String s) {
        int start = length;
        int flags = text(s);
        if ((flags & (LINE_BREAK | LONE_SURROGATE)) == 0) {
            return this;
        }
        byte[] raw = takeBack(start);
        return lineBytes(raw, 0, raw.length, flags);
    }

    /** Removes and returns what was appended since {@code start}, to write it again transformed (the rare case). */
    private byte[] takeBack(int start) {
        byte[] raw = Arrays.copyOfRange(bytes, start, length);
        length = start;
        return raw;
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

    /**
     * Encodes the non-ASCII char at {@code i} (with its low surrogate, if paired; an unpaired surrogate
     * gets the three bytes of its code unit); returns the last index used.
     */
    private int encodeNonAscii(char[] s, int n, int i) {
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
        bytes[length++] = (byte) (0xE0 | (c >> 12));
        bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    /** Appends a whole number in decimal. */
    public LineBuffer number(long value) {
        if (value >= 0 && value < SMALL) {
            // Four bytes stored, up to three kept: the fourth lies past the end and is overwritten next.
            int packed = SMALL_NUMBERS[(int) value];
            ensure(4);
            INTS.set(bytes, length, packed);
            length += packed >>> 24;
            return this;
        }
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        ensure(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int end = length + digits(value);
        writeDigits(value, end, end - length);
        length = end;
        return this;
    }

    /** Writes the last {@code width} digits of {@code value} so that they end at {@code end}, two at a time. */
    private void writeDigits(long value, int end, int width) {
        byte[] dst = bytes;
        int p = end;
        while (width >= 2) {
            long q = value / 100;
            int r = (int) (value - q * 100) << 1;
            dst[--p] = DIGIT_PAIRS[r + 1];
            dst[--p] = DIGIT_PAIRS[r];
            value = q;
            width -= 2;
        }
        if (width == 1) {
            dst[--p] = (byte) ('0' + value % 10);
        }
    }

    private static int digits(long value) {
        if (value < 10) {
            return 1;
        }
        if (value < 100) {
            return 2;
        }
        int digits = 3;
        long bound = 1000;
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
        writeDigits(value, length + width, width);
        length += width;
        return this;
    }

    /** Appends {@code 2024-01-15T10:30:45.123456Z}: UTC, microseconds, always 27 bytes. */
    public LineBuffer timestamp(Instant instant) {
        return timestamp(instant.getEpochSecond(), instant.getNano() / 1000);
    }

    /** Appends the timestamp {@code micros} microseconds after the epoch second {@code second}. */
    public LineBuffer timestamp(long second, int micros) {
        if (second != cachedSecond) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
            if (t.getYear() < 0 || t.getYear() > 9999) {
                // Outside four-digit years (a very slow clock can get there): rare enough to format
                // directly, in ISO-8601's expanded form (+12163-…) that Instant.parse reads back.
                String iso = Instant.ofEpochSecond(second).toString();
                ascii(iso.substring(0, iso.length() - 1)).append((byte) '.');
                padded(micros, 6);
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
        padded(micros, 6);
        return append((byte) 'Z');
    }
}
