package io.synthlogs.cli;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.server.ServerOptions;
import io.synthlogs.server.SynthServer;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synthlogs serve}: the REST, SSE and WebSocket server with its docs and dashboard. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Serves logs over REST, SSE and WebSocket, with OpenAPI docs at /docs and a live dashboard at /ui.",
            "Binds 127.0.0.1 unless --host says otherwise; stops cleanly on Ctrl-C or SIGTERM (exit 0)."
        })
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: 127.0.0.1; 0.0.0.0 for all).")
    String host = ServerOptions.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "PORT", converter = WholeNumber.Port.class,
            description = "Port (default: 8000; 0 picks a free one).")
    int port = ServerOptions.DEFAULT_PORT;

    @Mixin
    ConfigOption config;

    @Option(names = "--seed", paramLabel = "N", converter = WholeNumber.Seed.class,
            description = "Seed of the shared generator (default: random, shown in /api/status).")
    Long seed;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Timestamp of the first line (ISO-8601, or 'now'). With --seed alone: 2024-01-01T00:00:00Z, so a seed alone reproduces the stream.")
    String start;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' (or ?token= on a GET) on /api and /ws; /health stays open.")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        rejectGeneratorOptions();
        // Resolved here as Jetty would, so a typo is a usage error rather than a failed server start.
        if (new InetSocketAddress(host, 0).isUnresolved()) {
            throw new Errors.UsageException("--host: '" + host + "' is neither an IP address nor a name this machine resolves");
        }
        if (token != null && token.isBlank()) {
            throw new Errors.UsageException("--token: must not be blank; leave it out to serve without authentication");
        }
        Instant chosenStart = StartOption.parse(start, Instant.now().truncatedTo(ChronoUnit.MICROS));
        ConfigLoader.Builder builder = config.builder();
        if (chosenStart != null) {
            // Through the configuration, as the generator's --start: the same range check and message.
            builder.set("timestamps.start", chosenStart.toString(), "--start");
        }
        ServerOptions options = ServerOptions.builder()
                .config(builder.build())
                .seed(seed)
                .start(chosenStart)
                .host(host)
                .port(port)
                .token(token)
                .build();
        refuseBusyPort();
        SynthServer server = SynthServer.create(options);
        StopSignal stop = StopSignal.install(server::stop);
        try {
            server.start();
        } catch (RuntimeException e) {
            stop.uninstall();
            throw cannotListen(rootMessage(e));
        }
        PrintStream err = System.err;
        err.println("synthlogs server listening on " + server.url() + " (seed " + server.seed() + ")");
        err.println("  docs " + server.url() + "/docs, dashboard " + server.url() + "/ui; Ctrl-C stops");
        err.flush();
        try {
            server.awaitStop();
        } finally {
            stop.uninstall();
        }
        err.println("synthlogs server stopped");
        return 0;
    }

    /**
     * A port already taken, found before Javalin tries it: Javalin would log its own ERROR line (under
     * the logger that also carries its exception reports, which must stay on) besides our one line.
     * Another process may still take the port in between; then both lines show.
     */
    private void refuseBusyPort() {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds: a port in TIME_WAIT is free for it too
            probe.bind(new InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw cannotListen(e.getMessage());
        }
    }

    private Errors.RunFailure cannotListen(String why) {
        return new Errors.RunFailure("cannot listen on " + host + ":" + port + ": " + why);
    }

    /**
     * {@code synthlogs -c my.yaml serve} parses {@code -c} as the generator's, which a server never
     * reads: refused, rather than a server quietly on the defaults.
     */
    private void rejectGeneratorOptions() {
        CommandLine parent = spec.commandLine().getParent();
        List<String> given = parent == null ? List.of() : parent.getParseResult().matchedOptions().stream()
                .map(OptionSpec::longestName).toList();
        if (!given.isEmpty()) {
            throw new Errors.UsageException(String.join(", ", given) + " before 'serve' belong" + (given.size() == 1 ? "s" : "")
                    + " to generating and would do nothing here; give serve's options after it, e.g. 'synthlogs serve"
                    + " --config FILE' (see 'synthlogs serve --help')");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
