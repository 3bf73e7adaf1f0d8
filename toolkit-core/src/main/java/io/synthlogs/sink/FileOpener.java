package io.synthlogs.sink;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/** Opens a file for a sink to write; tests put failing disks in. */
interface FileOpener {
    SeekableByteChannel open(Path path) throws IOException;
}
