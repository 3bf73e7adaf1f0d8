package io.synthlogs.cli;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.Suggest;
import java.util.List;
import picocli.CommandLine;

/**
 * Turns failures into one-paragraph messages on stderr and exit codes: 2 for usage and configuration
 * errors, 1 for failures while running (unwritable path, full disk). No stack traces for either.
 */
final class Errors {
    static final int USAGE = 2;
    static final int RUNTIME = 1;

    private Errors() {}

    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("synthlogs: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = suggestions(unmatched, cli);
            if (!suggestions.isEmpty()) {
                cli.getErr().println("Did you mean " + String.join(" or ", suggestions) + "?");
            }
        }
        cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return USAGE;
    }

    /**
     * Picocli's suggestions, or else the option closest by edit distance: picocli finds {@code --total}
     * for {@code --totl} but nothing for {@code --prot}.
     */
    private static List<String> suggestions(CommandLine.UnmatchedArgumentException unmatched, CommandLine cli) {
        if (!unmatched.getSuggestions().isEmpty()) {
            return unmatched.getSuggestions();
        }
        // Long options only: any two-letter option is one edit from every other (-x is not a typo of -c).
        List<String> longNames = cli.getCommandSpec().optionsMap().keySet().stream().filter(n -> n.startsWith("--")).toList();
        return unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("--")).findFirst()
                .map(arg -> Suggest.closest(arg.replaceFirst("=.*", ""), longNames))
                .map(List::of).orElse(List.of());
    }

    static int execution(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (e instanceof ConfigException || e instanceof UsageException) {
            cli.getErr().println("synthlogs: " + e.getMessage());
            return USAGE;
        }
        if (e instanceof RunFailure failure) {
            cli.getErr().println("synthlogs: " + failure.getMessage());
            return RUNTIME;
        }
        cli.getErr().println("synthlogs: unexpected failure: " + e);
        e.printStackTrace(cli.getErr());
        return RUNTIME;
    }

    /** A mistake in how the command was called that picocli itself cannot see. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** A failure while running, already phrased for the user. */
    static final class RunFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RunFailure(String message) {
            super(message);
        }
    }
}
