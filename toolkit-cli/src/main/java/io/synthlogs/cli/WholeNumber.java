package io.synthlogs.cli;

import java.math.BigInteger;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Whole-number options that are not configuration keys ({@code --seed}, {@code --port}), with errors
 * that say what is allowed instead of picocli's "is not a long". (The generator's numbers are
 * configuration keys and get the configuration's messages: {@link SynthlogsCommand}.)
 */
final class WholeNumber {
    private WholeNumber() {}

    static long parse(String text, long min, long max) {
        String allowed = "; allowed: a whole number within [" + min + ", " + max + "]";
        BigInteger value;
        try {
            value = new BigInteger(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number" + allowed);
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException(text.strip() + " is not within [" + min + ", " + max + "]");
        }
        return value.longValue();
    }

    /** A seed: any long. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parse(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** A TCP port; 0 picks a free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            return (int) parse(text, 0, 65_535);
        }
    }
}
