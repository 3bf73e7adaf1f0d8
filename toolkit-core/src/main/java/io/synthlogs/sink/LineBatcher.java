package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Collects whole lines in one large buffer and hands them on in single writes, so each write holds
 * only complete lines. One write per 256 KiB (or the size given), not per line. The buffer of a
 * batcher with a writer thread is direct: a file channel writes it without copying it first. Given
 * a {@link BackgroundWriter}, a full buffer is handed over whole and a spare one taken in its place.
 *
 * <p>A batcher for a page-aligned file keeps the last line added in its buffer when it writes the
 * others (see {@link PageAligner}): the next line may still need padding put before that line's
 * break, and a line break once written is never rewritten, since a reader following the file may
 * have read it. {@link #writeAll} (the end of a file) writes that line too. A line too long for a
 * buffer gets a larger one, so that it is kept back like any other.
 */
final class LineBatcher {
    static final int CAPACITY = 1 << 18;
    /** A page of spaces but for its last byte, a line break: any padding and the break after it. */
    private static final byte[] SPACES_AND_BREAK = new byte[PageAligner.PAGE];

    static {
        Arrays.fill(SPACES_AND_BREAK, (byte) ' ');
        SPACES_AND_BREAK[PageAligner.PAGE - 1] = '\n';
    }

    private BatchTarget target;
    private final BackgroundWriter writer;
    /** How far a buffer is filled before it is written: its limit. */
    private final int fill;
    private final boolean keepsLastLine;
    private ByteBuffer buffer;
    /** Where the last line added starts in the buffer; -1 once it is written. */
    private int lastLine = -1;
    /** Lines in the buffer. */
    private int buffered;

    /**
     * Writes to {@code target} on the caller's thread, in writes of at most {@code capacity} bytes
     * (but for a longer line, written alone). Its buffer is on the heap, freed with the batcher: such
     * batchers serve small files (a manifest, a test's lines), and a file channel copies a heap
     * buffer through its thread's cached direct one.
     */
    LineBatcher(BatchTarget target, int capacity, boolean keepsLastLine) {
        this(target, null, ByteBuffer.allocate(capacity), capacity, keepsLastLine);
    }

    /** Writes to {@code target} on the writer's thread, which hands back buffers of {@link #CAPACITY}. */
    LineBatcher(BatchTarget target, BackgroundWriter writer) {
        this(target, writer, CAPACITY, false);
    }

    /** As above, writing a buffer once {@code fill} bytes (at most {@link #CAPACITY}) are in it. */
    LineBatcher(BatchTarget target, BackgroundWriter writer, int fill, boolean keepsLastLine) {
        this(target, writer, ByteBuffer.allocateDirect(CAPACITY), fill, keepsLastLine);
    }

    private LineBatcher(BatchTarget target, BackgroundWriter writer, ByteBuffer buffer, int fill, boolean keepsLastLine) {
        if (fill < 1 || fill > buffer.capacity()) {
            throw new IllegalArgumentException("fill must be within [1, " + buffer.capacity() + "], got " + fill);
        }
        this.target = target;
        this.writer = writer;
        this.fill = fill;
        this.keepsLastLine = keepsLastLine;
        this.buffer = buffer.limit(fill);
    }

    /**
     * Sends later lines to {@code next}; what is buffered must have been written (see
     * {@link #finish}), so that no line reaches a target other than the one it was added for.
     */
    void retarget(BatchTarget next) {
        if (buffer.position() != 0) {
            throw new IllegalStateException("lines still buffered for the previous target");
        }
        target = next;
    }

    void add(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            drain();
            if (length > buffer.remaining()) {
                writeAll(); // a line kept back, and one too long to join it
            }
            if (length > buffer.remaining() && !keepsLastLine) {
                // A line larger than a whole batch goes on its own, in a buffer of its own.
                send(ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length)), 1, false);
                return;
            }
            if (length > buffer.remaining()) {
                grow(length + PageAligner.PAGE); // room for the line and the padding it may get
            }
        }
        lastLine = buffer.position();
        buffer.put(bytes, offset, length);
        buffered++;
    }

    /**
     * Puts {@code spaces} (fewer than a page) before the line break that ends the last line added,
     * which a batcher that keeps its last line holds until the next line or the end of the file.
     */
    void padLastLine(int spaces) throws IOException {
        if (lastLine < 0) {
            throw new IllegalStateException("no line buffered to pad: pad only in a file with lines, before its end");
        }
        if (spaces > buffer.remaining()) {
            drain(); // the last line moves to the front of an empty buffer
        }
        if (spaces > buffer.remaining()) {
            grow(buffer.position() + PageAligner.PAGE); // a kept line that nearly fills a buffer alone
        }
        buffer.position(buffer.position() - 1).put(SPACES_AND_BREAK, PageAligner.PAGE - 1 - spaces, spaces + 1);
    }

    /**
     * Writes every buffered line, the kept one padded first to the end of its page unless that would
     * take the file ({@code size} bytes so far) past {@code limit}; returns the spaces added. Before a
     * pause: the newest line goes out now, and whatever comes next starts a page.
     */
    int seal(long size, long limit) throws IOException {
        int spaces = lastLine < 0 ? 0 : PageAligner.sealing(size);
        if (spaces > 0 && size + spaces <= limit) {
            padLastLine(spaces);
        } else {
            spaces = 0;
        }
        writeAll();
        return spaces;
    }

    /** Writes the buffered lines (but the last, if this batcher keeps it) without flushing the target. */
    void drain() throws IOException {
        if (!keepsLastLine || lastLine < 0) {
            writeAll();
            return;
        }
        if (lastLine == 0) {
            return; // only the kept line
        }
        byte[] kept = new byte[buffer.position() - lastLine];
        buffer.get(lastLine, kept);
        buffer.position(lastLine);
        send(buffer.flip(), buffered - 1, true);
        if (kept.length > buffer.remaining()) {
            grow(kept.length + PageAligner.PAGE);
        }
        lastLine = 0;
        buffer.put(kept);
        buffered = 1;
    }

    /**
     * Replaces the buffer by one of {@code capacity} bytes holding what it holds, all of it fill: for
     * the rare line a page-aligned file must keep back that does not fit in a batch. The writer
     * thread recycles only buffers of {@link #CAPACITY}; this one goes once written.
     */
    private void grow(int capacity) {
        ByteBuffer larger = buffer.isDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        buffer = larger.put(buffer.flip());
    }

    /** Writes every buffered line, a kept one too: the end of a file. */
    void writeAll() throws IOException {
        if (buffer.position() > 0) {
            send(buffer.flip(), buffered, true);
        }
        lastLine = -1;
        buffered = 0;
    }

    /** Writes {@code block}, holding {@code lines} lines; {@code ours}: the buffer, which is then replaced or cleared. */
    private void send(ByteBuffer block, int lines, boolean ours) throws IOException {
        if (writer != null) {
            if (ours) {
                buffer = writer.handOver(target, block, lines).limit(fill);
            } else {
                writer.queue(target, block, lines);
            }
        } else {
            target.write(block);
            if (ours) {
                buffer.clear().limit(fill);
            }
        }
    }

    /** Writes what {@link #drain} writes and flushes the target. */
    void flush() throws IOException {
        drain();
        if (writer == null) {
            target.flush();
        } else {
            writer.flush(target);
        }
    }

    /** Writes every line, a kept one too, and flushes the target: the end of a file. */
    void finish() throws IOException {
        writeAll();
        flush();
    }

    /** Flushes and waits until the writer's thread has written everything: see {@link LineSink#awaitWritten}. */
    void awaitWritten() throws IOException {
        flush();
        if (writer != null) {
            writer.sync();
        }
    }

    /** Lines the writer's thread has given the target whole since the batcher began. */
    long linesWritten() {
        return writer.linesWritten();
    }
}
