package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines to files named {@code <stem>_<stamp>_<n><extension>}, starting a new file before a line would
 * push the current one past {@code maxBytes}. With {@code maxFiles > 0} only the newest files of this
 * run are kept; files of other runs are never touched. Lines are never split: concatenated in counter
 * order, the files equal the stream. A failed write truncates the file back to its last whole line.
 * The system calls run on a {@link BackgroundWriter} thread, overlapping with generation.
 */
public final class RotatingFileSink implements LineSink {
    private final Path directory;
    private final String prefix;
    private final String extension;
    private final long maxBytes;
    private final int maxFiles;
    private final List<Path> kept = new ArrayList<>();
    private final BackgroundWriter writer = new BackgroundWriter("synthlogs-file-writer");

    private int counter = -1;
    private FileChannel channel;
    private CountingChannel stream;
    private LineBatcher batcher;
    private long size;

    /**
     * @param stamp distinguishes this run's files, e.g. {@code 20240115_103045}; if files with it exist
     *     already, a suffix is added so this run never overwrites them
     */
    public RotatingFileSink(Path directory, String stem, String extension, long maxBytes, int maxFiles, String stamp)
            throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.directory = directory;
        this.extension = extension;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        try {
            Files.createDirectories(directory);
            this.prefix = uniquePrefix(directory, stem + "_" + stamp);
            open();
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static String uniquePrefix(Path directory, String base) throws IOException {
        String candidate = base;
        for (int k = 2; taken(directory, candidate + "_"); k++) {
            candidate = base + "-" + k;
        }
        return candidate + "_";
    }

    private static boolean taken(Path directory, String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*")) {
            return files.iterator().hasNext();
        }
    }

    /** The files of this run that still exist, oldest first. */
    public List<Path> files() {
        return List.copyOf(kept);
    }

    /** The file being written now. */
    public Path current() {
        return kept.get(kept.size() - 1);
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) throws IOException {
        if (size > 0 && size + length > maxBytes) {
            rotate();
        }
        try {
            batcher.add(bytes, offset, length);
        } catch (IOException e) {
            throw rollBack(e);
        }
        size += length;
    }

    @Override
    public void flush() throws IOException {
        rollingBackOnFailure(batcher::flush);
    }

    @Override
    public void awaitWritten() throws IOException {
        rollingBackOnFailure(batcher::awaitWritten);
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs {@code step}; if it fails, the file is cut back to its last whole line and the failure rethrown. */
    private void rollingBackOnFailure(Step step) throws IOException {
        try {
            step.run();
        } catch (IOException e) {
            throw rollBack(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            flush();
            writer.close();
        } catch (IOException e) {
            throw rollBack(e);
        } finally {
            try {
                writer.close();
            } catch (IOException alreadyReported) {
                // Reported (and rolled back) above.
            }
            channel.close();
            channel = null;
        }
    }

    private void rotate() throws IOException {
        flush();
        try {
            writer.sync();
        } catch (IOException e) {
            throw rollBack(e);
        }
        channel.close();
        open();
        if (maxFiles > 0) {
            while (kept.size() > maxFiles) {
                Files.deleteIfExists(kept.remove(0));
            }
        }
    }

    private void open() throws IOException {
        counter++;
        Path file = directory.resolve(prefix + counter + extension);
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        kept.add(file);
        stream = new CountingChannel(channel);
        // One batcher for all the files: its direct buffers outlive a rotation.
        if (batcher == null) {
            batcher = new LineBatcher(stream, writer);
        } else {
            batcher.retarget(stream);
        }
        size = 0;
    }

    /** Cuts a partly written block off, so the file ends with a whole line. */
    private IOException rollBack(IOException cause) {
        try {
            try {
                writer.sync();
            } catch (IOException alreadyReported) {
                // The writer stops at its first failure; what it wrote before stays.
            }
            channel.truncate(stream.written);
        } catch (IOException suppressed) {
            cause.addSuppressed(suppressed);
        }
        return cause;
    }

    /** Writes to the file and counts the bytes that reached it. */
    private static final class CountingChannel implements BatchTarget {
        private final FileChannel channel;
        volatile long written;

        CountingChannel(FileChannel channel) {
            this.channel = channel;
        }

        /** Counts a batch once all of it is written: a rollback cuts a partly written one off. */
        @Override
        public void write(ByteBuffer batch) throws IOException {
            int length = batch.remaining();
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
            written += length;
        }

        @Override
        public void flush() {
            // Each write reached the file already.
        }
    }
}
