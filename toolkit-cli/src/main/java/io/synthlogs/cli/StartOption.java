package io.synthlogs.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code --start}, shared by the generator and {@code serve}: an ISO-8601 instant or {@code now}. */
final class StartOption {
    private StartOption() {}

    /** The instant {@code given} names ({@code now} for "now"), or {@code null} when it was left out. */
    static Instant parse(String given, Instant now) {
        if (given == null) {
            return null;
        }
        if (given.trim().equalsIgnoreCase("now")) {
            return now;
        }
        try {
            return Instant.parse(given.trim());
        } catch (DateTimeParseException e) {
            throw new Errors.UsageException("--start: '" + given + "' is not 'now' or an ISO-8601 instant such as 2024-01-01T00:00:00Z");
        }
    }
}
