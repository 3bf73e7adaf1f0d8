package io.synthlogs.format;

import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One line's values in the form the formats write from: the free-text fields as byte ranges of one
 * reused arena, each with the {@link LineBuffer#text flags} that say whether it can be copied as it is;
 * vocabulary strings, numbers and labels as values. The engine renders straight into it, so a line
 * reaches its output without a {@link LogEntry} or a string being built; {@link #set} fills it from a
 * {@code LogEntry} instead. Reused line after line; not thread-safe.
 *
 * <p>Internal API: the engine writes it, {@link LogFormat} reads it.
 */
public final class LineFields {
    public static final int MESSAGE = 0;
    public static final int REQUEST_ID = 1;
    public static final int TRACE_ID = 2;
    public static final int SPAN_ID = 3;
    public static final int IP_ADDRESS = 4;
    public static final int ENDPOINT = 5;
    public static final int USER_ID = 6;
    public static final int NODE = 7;
    public static final int POD = 8;
    private static final int SLOTS = 9;
    private static final int ABSENT = -1;
    /** A slot's count when its value is {@link #bits}, not arena bytes. */
    private static final int BITS = -2;

    private final LineBuffer arena;
    /** Whether the arena holds this line only, and so starts over with each line. */
    private final boolean ownArena;
    /** Per slot: where its bytes start in the arena, how many ({@link #ABSENT} if none), and their text flags. */
    private final int[] slots = new int[3 * SLOTS];
    /** Per slot, for a count of {@link #BITS}: the two longs of random bits it shows as hex. */
    private final long[] bits = new long[2 * SLOTS];

    private long index;
    private long epochSecond;
    private int micros;
    private Level level;
    private String source;
    private String service;
    private String method;
    private String errorCode;
    private String queryType;
    private String resource;
    private boolean hasStatus;
    private int status;
    private boolean hasLatency;
    private double latency;
    private boolean hasPercent;
    private double percent;
    private Labels labels;

    public LineFields() {
        this(new LineBuffer(1024), true);
    }

    /**
     * Fields whose bytes go to the end of {@code shared}, after the lines before it, so that a block
     * of lines is one contiguous run of bytes. Whoever owns {@code shared} resets it.
     */
    public LineFields(LineBuffer shared) {
        this(shared, false);
    }

    private LineFields(LineBuffer arena, boolean ownArena) {
        this.arena = arena;
        this.ownArena = ownArena;
        clear();
    }

    /** Forgets the previous line. */
    public void clear() {
        if (ownArena) {
            arena.reset();
        }
        for (int slot = 0; slot < SLOTS; slot++) {
            slots[3 * slot + 1] = ABSENT;
        }
        method = errorCode = queryType = resource = null;
        hasStatus = hasLatency = hasPercent = false;
        labels = null;
    }

    /** Where the engine writes free text; {@link #close} then marks what it wrote as a field. */
    public LineBuffer arena() {
        return arena;
    }

    /** Makes the arena bytes from {@code start} to its end the value of {@code slot}. */
    public void close(int slot, int start, int textFlags) {
        slots[3 * slot] = start;
        slots[3 * slot + 1] = arena.length() - start;
        slots[3 * slot + 2] = textFlags;
    }

    /** Writes {@code value} into the arena as the value of {@code slot}; returns its flags. */
    public int put(int slot, String value) {
        int start = arena.length();
        int f = arena.text(value);
        close(slot, start, f);
        return f;
    }

    /** Appends the value of {@code slot} to the arena again (a field the message quotes); returns its flags. */
    public int repeat(int slot) {
        if (isBits(slot)) {
            hex(arena, slot);
            return LineBuffer.PLAIN;
        }
        arena.copyWithin(from(slot), count(slot));
        return flags(slot);
    }

    /**
     * Makes random bits the value of an id slot, written as hex only where a format shows it (the
     * text layout shows no trace and eight digits of a request id; JSON writes them straight into its
     * output): {@link #REQUEST_ID} as the UUID of {@code high} and {@code low}, {@link #TRACE_ID} as 32
     * digits, {@link #SPAN_ID} as the 16 of {@code high}.
     */
    public void bits(int slot, long high, long low) {
        slots[3 * slot + 1] = BITS;
        bits[2 * slot] = high;
        bits[2 * slot + 1] = low;
    }

    public boolean has(int slot) {
        return count(slot) != ABSENT;
    }

    private boolean isBits(int slot) {
        return count(slot) == BITS;
    }

    private void hex(LineBuffer out, int slot) {
        long high = bits[2 * slot];
        long low = bits[2 * slot + 1];
        switch (slot) {
            case REQUEST_ID -> out.uuid(high, low);
            case SPAN_ID -> out.hex(high, 16);
            default -> out.hex(high, 16).hex(low, 16);
        }
    }

    private int from(int slot) {
        return slots[3 * slot];
    }

    private int count(int slot) {
        return slots[3 * slot + 1];
    }

    private int flags(int slot) {
        return slots[3 * slot + 2];
    }

    public LineFields position(long lineIndex, long second, int microOfSecond) {
        this.index = lineIndex;
        this.epochSecond = second;
        this.micros = microOfSecond;
        return this;
    }

    public LineFields origin(Level lineLevel, String lineSource, String lineService) {
        this.level = lineLevel;
        this.source = lineSource;
        this.service = lineService;
        return this;
    }

    /** The fields drawn from small vocabularies; {@code null} where absent. */
    public LineFields vocabulary(String lineMethod, String lineErrorCode, String lineQueryType, String lineResource) {
        this.method = lineMethod;
        this.errorCode = lineErrorCode;
        this.queryType = lineQueryType;
        this.resource = lineResource;
        return this;
    }

    public LineFields status(int value) {
        hasStatus = true;
        status = value;
        return this;
    }

    public LineFields latency(double value) {
        hasLatency = true;
        latency = value;
        return this;
    }

    public LineFields percent(double value) {
        hasPercent = true;
        percent = value;
        return this;
    }

    public LineFields labels(Labels lineLabels) {
        this.labels = lineLabels;
        return this;
    }

    public Labels labels() {
        return labels;
    }

    public boolean isAnomaly() {
        return labels != null && labels.isAnomaly();
    }

    /** Fills these fields from {@code entry}. */
    public LineFields set(LogEntry entry) {
        clear();
        Instant t = entry.timestamp();
        position(entry.index(), t.getEpochSecond(), t.getNano() / 1000);
        origin(entry.level(), entry.source(), entry.service());
        vocabulary(entry.method(), entry.errorCode(), entry.queryType(), entry.resource());
        putIfPresent(MESSAGE, entry.message());
        putIfPresent(REQUEST_ID, entry.requestId());
        putIfPresent(TRACE_ID, entry.traceId());
        putIfPresent(SPAN_ID, entry.spanId());
        putIfPresent(IP_ADDRESS, entry.ipAddress());
        putIfPresent(ENDPOINT, entry.endpoint());
        putIfPresent(USER_ID, entry.userId());
        putIfPresent(NODE, entry.node());
        putIfPresent(POD, entry.pod());
        if (entry.statusCode() != null) {
            status(entry.statusCode());
        }
        if (entry.responseTimeMs() != null) {
            latency(entry.responseTimeMs());
        }
        if (entry.usagePercent() != null) {
            percent(entry.usagePercent());
        }
        return labels(entry.labels());
    }

    private void putIfPresent(int slot, String value) {
        if (value != null) {
            put(slot, value);
        }
    }

    /** These fields as a {@link LogEntry}. */
    public LogEntry toEntry() {
        return new LogEntry(index, Instant.ofEpochSecond(epochSecond, micros * 1000L), level, source, service,
                string(MESSAGE), string(REQUEST_ID), string(TRACE_ID), string(SPAN_ID), string(IP_ADDRESS), method,
                string(ENDPOINT), hasStatus ? Integer.valueOf(status) : null, hasLatency ? Double.valueOf(latency) : null,
                string(USER_ID), errorCode, queryType, string(NODE), string(POD), resource,
                hasPercent ? Double.valueOf(percent) : null, labels);
    }

    private String string(int slot) {
        if (isBits(slot)) {
            LineBuffer hex = new LineBuffer(36);
            hex(hex, slot);
            return new String(hex.array(), 0, hex.length(), StandardCharsets.ISO_8859_1);
        }
        return has(slot) ? LineBuffer.decode(arena.array(), from(slot), count(slot), flags(slot)) : null;
    }

    // What the formats read.

    void json(LineBuffer out, int slot) {
        if (isBits(slot)) {
            hex(out.append('"'), slot);
            out.append('"');
            return;
        }
        out.jsonBytes(arena.array(), from(slot), count(slot), flags(slot));
    }

    void line(LineBuffer out, int slot) {
        if (isBits(slot)) {
            hex(out, slot);
            return;
        }
        out.lineBytes(arena.array(), from(slot), count(slot), flags(slot));
    }

    /** The first {@code chars} characters of {@code slot} in a text line. */
    void linePrefix(LineBuffer out, int slot, int chars) {
        if (isBits(slot)) {
            int start = out.length();
            hex(out, slot);
            out.truncate(Math.min(out.length(), start + chars));
            return;
        }
        if ((flags(slot) & LineBuffer.NON_ASCII) == 0) {
            out.lineBytes(arena.array(), from(slot), Math.min(chars, count(slot)), flags(slot));
        } else {
            String s = string(slot);
            out.lineText(s.substring(0, Math.min(chars, s.length())));
        }
    }

    long epochSecond() {
        return epochSecond;
    }

    int micros() {
        return micros;
    }

    Level level() {
        return level;
    }

    String source() {
        return source;
    }

    String service() {
        return service;
    }

    String method() {
        return method;
    }

    String errorCode() {
        return errorCode;
    }

    String queryType() {
        return queryType;
    }

    String resource() {
        return resource;
    }

    boolean hasStatus() {
        return hasStatus;
    }

    int status() {
        return status;
    }

    boolean hasLatency() {
        return hasLatency;
    }

    double latency() {
        return latency;
    }

    boolean hasPercent() {
        return hasPercent;
    }

    double percent() {
        return percent;
    }
}
