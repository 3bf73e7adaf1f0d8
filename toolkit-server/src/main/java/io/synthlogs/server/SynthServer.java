package io.synthlogs.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.synthlogs.Scenario;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The synthlogs HTTP server: REST, server-sent events, NDJSON and WebSocket over one shared generator,
 * with OpenAPI docs at {@code /docs} and a live dashboard at {@code /ui}.
 *
 * <pre>{@code
 * SynthServer server = SynthServer.create(ServerOptions.builder().seed(42L).port(0).build());
 * int port = server.start();
 * // … GET http://127.0.0.1:<port>/api/status
 * server.stop();
 * }</pre>
 *
 * <p>For a command line: {@code System.exit(SynthServer.create(options).runUntilStopped(System.err))}.
 * Thread-safe; {@link #stop()} may be called from any thread, more than once.
 */
public final class SynthServer implements AutoCloseable {
    /** This module's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = Pages.resource("version.txt").trim();

    private static final long STOP_WAIT_MILLIS = 2000;

    private final ServerOptions options;
    private final GeneratorSession session;
    private final StreamRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final LogSocket socket;
    private final List<Routes.Route> routes;
    /** Jetty's, which the WebSocket upgrade uses; see the constructor. */
    private final SessionHandler sessions;
    private final Javalin app;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    private SynthServer(ServerOptions options) {
        this.options = options;
        long seed = options.seed() != null ? options.seed() : new SecureRandom().nextLong();
        // As the CLI: a seed without a start starts at the fixed default, so the seed alone reproduces the stream.
        Instant start = options.start() != null ? options.start()
                : options.config().timestamps().start().orElseGet(() -> options.seed() != null ? Scenario.DEFAULT_START
                        : Instant.now().truncatedTo(ChronoUnit.MICROS));
        ServerLimits limits = options.limits();
        this.session = new GeneratorSession(options.config(), seed, start, limits.maxEpisodesKept());
        this.registry = new StreamRegistry(limits.maxStreams());
        this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads("synthlogs-timer-"));
        this.socket = new LogSocket(session, registry, scheduler, limits.maxWsMessageBytes(),
                limits.wsIdleTimeout().toNanos() / 3);
        Pages pages = new Pages();
        BodyDeadline deadline = new BodyDeadline(scheduler, limits.bodyTimeout());
        RestHandlers rest = new RestHandlers(session, registry, limits.maxBodyBytes(), deadline);
        StreamHandlers streams = new StreamHandlers(session, registry);
        List<List<Routes.Route>> registered = new java.util.ArrayList<>();
        List<SessionHandler> sessionHandlers = new java.util.ArrayList<>();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = limits.maxBodyBytes();
            config.http.prefer405over404 = true;
            // Streams flush batch by batch; compression would hold them back.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            // Streams hold a thread each: size the pool so they can never starve the REST endpoints.
            QueuedThreadPool pool = new QueuedThreadPool(limits.maxStreams() + 64, 8);
            pool.setName("synthlogs-http");
            config.jetty.threadPool = pool;
            // Requests Jetty rejects itself (URI too long, illegal characters) get our JSON errors too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // Nothing here uses HTTP sessions, but the WebSocket upgrade asks for one: kept in Jetty's default
            // cache, every upgrade (a refused one too) left a session in memory that never expired.
            config.jetty.modifyServletContextHandler(context -> {
                SessionHandler sessions = context.getSessionHandler();
                sessionHandlers.add(sessions);
                NullSessionCache cache = new NullSessionCache(sessions);
                cache.setSessionDataStore(new NullSessionDataStore());
                sessions.setSessionCache(cache);
                sessions.setUsingCookies(false);
            });
            config.jetty.modifyWebSocketServletFactory(factory -> {
                // Our own check answers up to 4x the limit with an error message; beyond, Jetty closes (1009).
                factory.setMaxTextMessageSize(4L * limits.maxWsMessageBytes());
                factory.setIdleTimeout(limits.wsIdleTimeout());
            });
            config.staticFiles.enableWebjars();
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/assets";
                sf.directory = Pages.RESOURCES + "assets";
                sf.location = Location.CLASSPATH;
            });
            registered.add(Routes.register(config.routes, pages, rest, streams, socket, options.token()));
        });
        this.routes = registered.get(0);
        this.sessions = sessionHandlers.isEmpty() ? null : sessionHandlers.get(0);
        pages.routes(routes);
    }

    /** HTTP sessions Jetty holds in memory: none, however many upgrades came (tests ask). */
    long sessionsKept() {
        return sessions != null && sessions.getSessionCache() instanceof DefaultSessionCache cache ? cache.getSessionsCurrent() : 0;
    }

    /** Builds a server; nothing is bound until {@link #start()}. */
    public static SynthServer create(ServerOptions options) {
        return new SynthServer(options);
    }

    /** Binds {@code host:port} and returns the bound port (the chosen one when the port was 0). */
    public int start() {
        app.start(options.host(), options.port());
        return app.port();
    }

    /** Closes every stream (WebSockets with 1001), then stops Jetty. Idempotent. */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            registry.closeAll();
            socket.closeAll();
            scheduler.shutdownNow();
            // Let woken streams finish their responses; a stream stuck writing to a dead client is cut.
            registry.awaitEmpty(STOP_WAIT_MILLIS);
            app.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.stop();
        } finally {
            done.countDown();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Starts, prints {@code synthlogs server listening on http://HOST:PORT (seed N)} to {@code err},
     * stops on JVM shutdown (Ctrl-C) and blocks until stopped. Returns the exit code, 0.
     */
    public int runUntilStopped(PrintStream err) throws InterruptedException {
        start();
        err.println("synthlogs server listening on " + url() + " (seed " + seed() + ")");
        err.flush();
        Thread hook = new Thread(this::stop, "synthlogs-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        done.await();
        return 0;
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        done.await();
    }

    /** The bound port; only meaningful after {@link #start()}. */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port}, after {@link #start()}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    /** The seed in use: the given one, or the one the server picked. */
    public long seed() {
        return session.seed();
    }

    /** The simulated clock's first instant. */
    public Instant startInstant() {
        return session.start();
    }

    /** Every registered route, as (method, path); the WebSocket as method {@code ws}. */
    List<Routes.Route> routes() {
        return routes;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
