package io.synthlogs.sink;

import java.io.IOException;
import java.util.Arrays;

/**
 * Keeps every line of a file within one 4 KiB page, so that even {@code kill -9} leaves whole lines:
 * Linux can stop a killed process's write only between pages, and with a line break at every page
 * boundary that the lines cross, each possible stop is at the end of a line. A line is held back until
 * the next one's length is known; if the next would cross into the following page, spaces go before
 * the held line's break to fill its page (JSON allows the whitespace; a text line gains trailing
 * spaces). A line longer than a page cannot be kept within one and is left as it is.
 *
 * <p>A flush cannot wait for the next line: the held line is written as it is, and if the next one
 * then needs padding, the write that adds it starts on the written line's break, which lies in the
 * same page as the padding (so the kernel cannot cut that part of the write either).
 */
final class PageAligner {
    static final int PAGE = 4096;
    /**
     * How full a page-aligned file's write buffer gets. Filled to the brim, every write would be
     * exactly 64 whole pages at a multiple of 256 KiB, and the kernel copies such writes into the
     * page cache far slower (measured on this project's VM: 3.2-4.0 s of system time for 5 M JSON
     * lines instead of 1.2-1.4 s); a fill short of a page boundary makes writes start mid-page again.
     */
    static final int BATCH_FILL = LineBatcher.CAPACITY - PAGE / 2;
    /** The next line's length when it is not known yet (at a flush). */
    static final int UNKNOWN = -1;

    private byte[] held = new byte[1024];
    private int heldLength = -1;
    /** The line written last went out unpadded at a flush: the next line decides its padding. */
    private boolean padPending;
    private byte[] patch = new byte[PAGE];

    boolean holding() {
        return heldLength >= 0;
    }

    /** The held line's length, line break included. */
    int heldLength() {
        return heldLength;
    }

    /** Holds a copy of the line; the held line must have been released. */
    void hold(byte[] bytes, int offset, int length) {
        if (holding()) {
            throw new IllegalStateException("a line is held already");
        }
        if (held.length < length) {
            held = new byte[Math.max(length, 2 * held.length)];
        }
        System.arraycopy(bytes, offset, held, 0, length);
        heldLength = length;
    }

    /**
     * The spaces a line ending at file offset {@code end} needs so that a line of {@code next} bytes
     * after it starts on a page boundary, or 0 if it fits in the rest of the page (or cannot fit in any).
     */
    static int padding(long end, int next) {
        int used = (int) (end % PAGE);
        return used == 0 || used + next <= PAGE || next > PAGE ? 0 : PAGE - used;
    }

    /** Whether the line written last may still need padding: see {@link #padWritten}. */
    boolean padPending() {
        return padPending;
    }

    /** At a flush: adds the held line as it is; the next line decides its padding. */
    void releaseUnpadded(LineBatcher batcher) throws IOException {
        release(batcher, 0);
        padPending = true;
    }

    /**
     * Pads the line written last, which went out at a flush, with {@code spaces} (0: none needed):
     * the next write starts on its line break and moves it to the end of the page.
     */
    void padWritten(LineBatcher batcher, int spaces) throws IOException {
        padPending = false;
        if (spaces > 0) {
            Arrays.fill(patch, 0, spaces, (byte) ' ');
            patch[spaces] = '\n';
            batcher.reopenLastLine();
            batcher.add(patch, 0, spaces + 1);
        }
    }

    /** A new file: nothing written to pad. */
    void newFile() {
        padPending = false;
    }

    /** Adds the held line to {@code batcher} with {@code spaces} before its line break, and lets it go. */
    void release(LineBatcher batcher, int spaces) throws IOException {
        int length = heldLength + spaces;
        if (spaces > 0) {
            if (held.length < length) {
                held = Arrays.copyOf(held, length);
            }
            Arrays.fill(held, heldLength - 1, length - 1, (byte) ' ');
            held[length - 1] = '\n';
        }
        heldLength = -1;
        batcher.add(held, 0, length);
    }
}
