package io.synthlogs.sink;

/**
 * Keeps every line of a file within one 4 KiB page, so that even {@code kill -9} leaves whole lines:
 * Linux can stop a killed process's write only between pages, and with a line break at every page
 * boundary that the lines cross, each possible stop is at the end of a line. A line that would cross
 * into the next page starts it instead: spaces go before the line break of the line before it, up to
 * the end of its page (JSON allows the whitespace; a text line gains trailing spaces). A line longer
 * than a page cannot be kept within one and is left as it is.
 *
 * <p>The spaces go in when the next line comes, so the newest line stays in the write buffer until
 * then (see {@link LineBatcher}): a line break once written is never moved, since a reader following
 * the file may have read it. Before a paced run's pause the newest line is padded to the end of its
 * page at once ({@link #sealing}), so that a reader sees every line of the batch without waiting for
 * the next.
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

    private PageAligner() {}

    /**
     * The spaces a file of {@code size} bytes, ending in a line break, needs before that break so
     * that a line of {@code next} bytes after it starts on a page boundary, or 0 if the line fits in
     * the rest of the page (or cannot fit in any).
     */
    static int padding(long size, int next) {
        int used = (int) (size % PAGE);
        return used == 0 || used + next <= PAGE || next > PAGE ? 0 : PAGE - used;
    }

    /**
     * The spaces that end the page a file of {@code size} bytes has begun, so that whatever line comes
     * next starts a page; 0 at a page boundary.
     */
    static int sealing(long size) {
        int used = (int) (size % PAGE);
        return used == 0 ? 0 : PAGE - used;
    }

    /** The end of the page that a file of {@code size} bytes has begun, or the next one's at a boundary. */
    static long pageEnd(long size) {
        return (size / PAGE + 1) * PAGE;
    }
}
