package io.synthlogs.cli;

import io.synthlogs.config.SynthConfig.FileOutput;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses a file size such as {@code 64KB}, {@code 10MB}, {@code 1.5GB} or a plain byte count (1 KB =
 * 1024 bytes), from one byte to the largest rotation size the configuration allows.
 */
final class ByteSize implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|K|KIB|MB|M|MIB|GB|G|GIB)?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size; use a number with an optional unit: B, KB, MB or GB (e.g. 64KB, 10MB)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        long factor = switch (unit.charAt(0)) {
            case 'K' -> 1L << 10;
            case 'M' -> FileOutput.BYTES_PER_MB;
            case 'G' -> 1L << 30;
            default -> 1L;
        };
        double bytes = number * factor;
        if (bytes < 1) {
            throw new CommandLine.TypeConversionException("'" + value + "' is less than one byte");
        }
        if (bytes > FileOutput.MAX_ROTATION_MB * FileOutput.BYTES_PER_MB) {
            throw new CommandLine.TypeConversionException("'" + value + "' is more than the largest file size, "
                    + (long) FileOutput.MAX_ROTATION_MB + "MB");
        }
        // A limit: a fraction of a byte (0.3KB is 307.2 bytes) is dropped, never rounded past it.
        return (long) Math.floor(bytes);
    }
}
