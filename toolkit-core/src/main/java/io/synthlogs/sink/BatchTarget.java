package io.synthlogs.sink;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;

/** Where a sink's batches of whole lines go. */
interface BatchTarget {
    /** Writes all of {@code batch}'s remaining bytes. */
    void write(ByteBuffer batch) throws IOException;

    void flush() throws IOException;

    /** Lets go of what the target holds, after its last write; a stream a sink was given is its owner's to close. */
    default void close() throws IOException {}

    /** As {@link #close}, when some of its writes were never made (an earlier write failed): it is not whole. */
    default void closeIncomplete() throws IOException {
        close();
    }

    /**
     * Writes to {@code out}; a file stream (standard output among them) through its channel, which
     * takes a direct buffer's bytes as they are: a stream's write copies a large block into memory it
     * allocates for the call.
     */
    static BatchTarget of(OutputStream out) {
        WritableByteChannel channel = out instanceof FileOutputStream file ? file.getChannel() : Channels.newChannel(out);
        return new BatchTarget() {
            @Override
            public void write(ByteBuffer batch) throws IOException {
                while (batch.hasRemaining()) {
                    channel.write(batch);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }
}
