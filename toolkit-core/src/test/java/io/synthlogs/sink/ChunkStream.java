package io.synthlogs.sink;

import java.io.OutputStream;

/** A test's output stream, defined by its array write alone: the sinks never write single bytes. */
abstract class ChunkStream extends OutputStream {
    @Override
    public final void write(int b) {
        throw new UnsupportedOperationException("the sinks write whole arrays");
    }
}
