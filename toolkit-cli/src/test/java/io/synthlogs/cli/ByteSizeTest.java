package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizeTest {
    /** 1 KB = 1024 bytes; a limit's fraction of a byte is dropped, never rounded past the limit. */
    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"1, 1", "1B, 1", "1.9, 1", "64KB, 65536", "64k, 65536", "0.3KB, 307", "1.5KB, 1536", "10MB, 10485760",
        "1 GiB, 1073741824"})
    void sizes_in_bytes(String text, long bytes) {
        assertThat(new ByteSize().convert(text)).isEqualTo(bytes);
    }
}
