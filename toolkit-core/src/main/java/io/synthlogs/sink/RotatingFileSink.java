package io.synthlogs.sink;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lines to files named {@code <stem>_<stamp>_<n><extension>}, starting a new file before a line would
 * push the current one past {@code maxBytes}. With {@code maxFiles > 0} only the newest files of this
 * run are kept; files of other runs are never touched. Lines are never split: concatenated in counter
 * order, the files equal the stream. A failed write truncates the file back to its last whole line.
 * The system calls run on a {@link BackgroundWriter} thread, overlapping with generation; a rotation
 * does not wait for them: the writer closes a file once its last block is written. Page-aligned, no
 * line crosses a 4 KiB page of its file, so that even {@code kill -9} leaves whole lines (see
 * {@link PageAligner}); then each file's newest line waits for the next line, a paced run's pause
 * or the close, and the files equal the stream once the padding spaces before line breaks are
 * removed.
 */
public final class RotatingFileSink implements LineSink {
    private final Path directory;
    /** {@code <stem>_<stamp>_}, or with a suffix after the stamp when that was taken. */
    private String prefix;
    private final String extension;
    private final long maxBytes;
    private final int maxFiles;
    /** This run's files that still exist, oldest first; the last is being written. */
    private final List<FileTarget> kept = new ArrayList<>();
    private final BackgroundWriter writer = new BackgroundWriter("synthlogs-file-writer");
    private final FileOpener opener;
    private final boolean pageAligned;
    /**
     * A line that keeps the file within this size takes the fast path of {@link #writeLine}: the
     * size limit, and page-aligned also the end of the page being filled.
     */
    private long fastUpTo;

    private int counter = -1;
    private FileTarget file;
    private LineBatcher batcher;
    private long size;
    private boolean closed;
    /** A rotation or the close failed (a failed write marks its file). */
    private boolean failed;
    private Path failedFile;

    /**
     * @param stamp distinguishes this run's files, e.g. {@code 20240115_103045}; if files with it exist
     *     already, a suffix is added so this run never overwrites them
     */
    public RotatingFileSink(Path directory, String stem, String extension, long maxBytes, int maxFiles, String stamp)
            throws IOException {
        this(directory, stem, extension, maxBytes, maxFiles, stamp, false);
    }

    /** As above; {@code pageAligned}: no line crosses a page of its file, so even {@code kill -9} leaves whole lines. */
    public RotatingFileSink(Path directory, String stem, String extension, long maxBytes, int maxFiles, String stamp,
            boolean pageAligned) throws IOException {
        this(directory, stem, extension, maxBytes, maxFiles, stamp, pageAligned,
                path -> Files.newByteChannel(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    RotatingFileSink(Path directory, String stem, String extension, long maxBytes, int maxFiles, String stamp,
            boolean pageAligned, FileOpener opener) throws IOException {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.directory = directory;
        this.extension = extension;
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
        this.opener = opener;
        this.pageAligned = pageAligned;
        try {
            Files.createDirectories(directory);
            for (int tries = 1; ; tries++) {
                prefix = uniquePrefix(directory, stem + "_" + stamp);
                try {
                    open();
                    break;
                } catch (FileAlreadyExistsException e) {
                    // Another run took the name between the look and the creation: the next suffix.
                    if (tries == 100) {
                        throw e;
                    }
                }
            }
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
        return kept.stream().map(f -> f.path).toList();
    }

    /** How many files this run has opened, those rotation deleted included. */
    public int opened() {
        return counter + 1;
    }

    /** The file being written now. */
    public Path current() {
        return file.path;
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) throws IOException {
        // Small enough for C2 to inline at FreqInlineSize=60: rotations and padding are a call away.
        if (size + length > fastUpTo) {
            writeOtherwise(bytes, offset, length);
            return;
        }
        batcher.add(bytes, offset, length);
        size += length;
    }

    /**
     * A line that starts a new file (unless the file is empty: a line longer than the limit), or
     * page-aligned, one that would cross into the next page: the line before gets the padding that
     * makes it start that page, or if padding and line would not fit in this file, the next file.
     */
    private void writeOtherwise(byte[] bytes, int offset, int length) throws IOException {
        int spaces = pageAligned ? PageAligner.padding(size, length) : 0;
        if (size > 0 && size + spaces + length > maxBytes) {
            rotate();
        } else if (spaces > 0) {
            batcher.padLastLine(spaces);
            size += spaces;
        }
        batcher.add(bytes, offset, length);
        size += length;
        fastUpTo = fastUpTo();
    }

    private long fastUpTo() {
        return pageAligned ? Math.min(maxBytes, PageAligner.pageEnd(size)) : maxBytes;
    }

    @Override
    public void flush() throws IOException {
        batcher.flush();
    }

    /**
     * {@inheritDoc} Page-aligned, the newest line is first padded to the end of its page, so that it
     * goes out now rather than when the next line comes. Where the page ends past the size limit it
     * goes out as it is: a line that would cross that page would pass the limit too, so it starts the
     * next file and needs no padding here.
     */
    @Override
    public void awaitWritten() throws IOException {
        if (pageAligned) {
            size += batcher.seal(size, maxBytes);
            fastUpTo = fastUpTo();
        }
        batcher.awaitWritten();
    }

    /** How many lines the files have been given whole, in all; a line still buffered is not counted. */
    public long linesWritten() {
        return batcher.linesWritten();
    }

    /**
     * Whether this sink failed: a write or the closing of a file (the file is marked before the
     * failure is reported), a rotation or the close. Written beside another sink, it tells whose
     * failure a run ended on.
     */
    public boolean failed() {
        return failed || kept.stream().anyMatch(f -> f.failed);
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                batcher.finish();
            } finally {
                writer.close();
            }
            // The writer has written its last block and closed the files before this one.
            file.close();
            prune();
        } catch (IOException e) {
            failed = true;
            kept.stream().filter(f -> f.failed).findFirst().ifPresent(f -> failedFile = f.path);
            if (!Thread.currentThread().isInterrupted()) {
                removeEmptyFiles();
                keepNewest();
            }
            throw e;
        } finally {
            // Closed already, unless a failure or an interrupt came first.
            for (FileTarget f : kept) {
                f.closeQuietly();
            }
        }
    }

    /** After {@link #close} reported a failure: the file whose write failed, if a write did. */
    public Optional<Path> failedFile() {
        return Optional.ofNullable(failedFile);
    }

    /**
     * After a failure, every file of this run left empty: opened after the failed one (a rotation
     * does not wait for the writer, and the writer writes nothing after its first failure), or the
     * failed one cut back to nothing. Called once the writer has stopped.
     */
    private void removeEmptyFiles() {
        for (int i = kept.size() - 1; i >= 0; i--) {
            if (kept.get(i).written == 0) {
                FileTarget empty = kept.remove(i);
                empty.closeQuietly();
                try {
                    Files.deleteIfExists(empty.path);
                } catch (IOException ignored) {
                    // Only ever an empty leftover: the failure that matters is being thrown.
                }
            }
        }
    }

    private void rotate() throws IOException {
        try {
            batcher.writeAll();
            writer.release(file);
            open();
            prune();
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Deletes the oldest file while {@code maxFiles} newer ones are whole (written and closed by the
     * writer): a failure can then never leave fewer files with data than before it. The writer lags a
     * rotation or so behind, so during a run there are a file or two more than {@code maxFiles}; at a
     * clean end, exactly {@code maxFiles}.
     */
    private void prune() throws IOException {
        if (maxFiles > 0) {
            while (kept.size() > maxFiles && kept.get(0).whole && wholeAfterOldest() >= maxFiles) {
                Files.deleteIfExists(kept.remove(0).path);
            }
        }
    }

    private long wholeAfterOldest() {
        return kept.stream().skip(1).filter(f -> f.whole).count();
    }

    /**
     * After a failure, once the empty files are gone: the newest {@code maxFiles} files with data stay
     * (the failed one, cut back to whole lines, among them), older whole ones go.
     */
    private void keepNewest() {
        while (maxFiles > 0 && kept.size() > maxFiles && kept.get(0).whole) {
            try {
                Files.deleteIfExists(kept.remove(0).path);
            } catch (IOException ignored) {
                // One file more than asked for; the failure that matters is being thrown.
            }
        }
    }

    private void open() throws IOException {
        Path path = directory.resolve(prefix + (counter + 1) + extension);
        file = new FileTarget(path, opener.open(path));
        counter++;
        kept.add(file);
        // One batcher for all the files: its direct buffers outlive a rotation.
        if (batcher == null) {
            batcher = new LineBatcher(file, writer, pageAligned ? PageAligner.BATCH_FILL : LineBatcher.CAPACITY, pageAligned);
        } else {
            batcher.retarget(file);
        }
        size = 0;
        fastUpTo = fastUpTo();
    }
}
