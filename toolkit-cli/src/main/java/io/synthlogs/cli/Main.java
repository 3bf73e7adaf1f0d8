package io.synthlogs.cli;

import picocli.CommandLine;

/** Entry point of the {@code synthlogs} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code: 0 done, 1 runtime failure, 2 usage or config error. */
    public static int run(String... args) {
        try {
            return commandLine(new SynthlogsCommand()).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // Errors pass picocli's handlers; they still get one line, not a stack trace.
            System.err.println("synthlogs: internal error: " + e + " (please report it with the command line)");
            return Errors.RUNTIME;
        }
    }

    static CommandLine commandLine(Object command) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler(Errors::usage);
        cli.setExecutionExceptionHandler(Errors::execution);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // As in most command-line tools, the last of a repeated option wins: a wrapper script's
        // defaults can be overridden after them (--page-aligned … --no-page-aligned, -n 10 … -n 20).
        cli.setOverwrittenOptionsAllowed(true);
        if (command instanceof SynthlogsCommand synthlogs) {
            EffectiveDefaults.register(cli, synthlogs.config);
        }
        return cli;
    }
}
