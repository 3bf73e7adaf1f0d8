package io.synthlogs.format;

import java.util.Arrays;

/**
 * Lines rendered one after the other into one shared arena: a batch generated in one place and
 * written in another (on another thread, or after a lock is released) without a {@code LogEntry} or
 * a string per line. Not thread-safe; hand it over whole.
 */
public final class LineBlock {
    /** About what a labeled line's free text takes; the arena grows when lines need more. */
    private static final int BYTES_PER_LINE = 320;

    private final LineBuffer arena;
    private LineFields[] lines;
    private int size;

    public LineBlock(int expectedLines) {
        int capacity = Math.max(1, expectedLines);
        arena = new LineBuffer(capacity * BYTES_PER_LINE);
        lines = new LineFields[capacity];
    }

    /** Fields for one more line, to render into; its bytes go after those of the lines before. */
    public LineFields add() {
        if (size == lines.length) {
            lines = Arrays.copyOf(lines, lines.length * 2);
        }
        if (lines[size] == null) {
            lines[size] = new LineFields(arena);
        }
        return lines[size++];
    }

    public int size() {
        return size;
    }

    public LineFields get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return lines[index];
    }

    /** Empties the block for reuse; the fields of its lines are reused too. */
    public void clear() {
        size = 0;
        arena.reset();
    }
}
