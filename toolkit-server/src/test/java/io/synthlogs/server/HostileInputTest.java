package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.synthlogs.server.HostileInput.Field;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of every input the server takes: JSON bodies, stream query strings and WebSocket
 * messages. The only allowed answers are a success with a well-formed JSON body, or a 4xx whose body is
 * exactly {@code {"error","field","allowed"}} (on the WebSocket: an {@code error} message); never a 500,
 * a logged exception, a hang, or a broken stream for the well-behaved clients watching alongside.
 *
 * <p>Reproducing a failure: every message names the seed and the case index; run with
 * {@code -Dfuzz.seed=S} (and {@code -Dfuzz.cases=N} for more or fewer cases per endpoint) and
 * {@link HostileInput} rebuilds exactly that case.
 */
class HostileInputTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20_240_601L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Strict and unconstrained, so that it judges the server's output rather than tripping on it. */
    private static final ObjectMapper STRICT = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final HostileInput input = new HostileInput(SEED);

    @Test
    void hostile_json_bodies_get_a_success_or_a_json_4xx_on_every_endpoint() throws Exception {
        Map<String, List<Field>> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("POST /api/generate", List.of(Field.integer("count", 1, 10_000), Field.number("anomaly_rate", 0, 1),
                Field.bool("include_labels"), Field.oneOf("format", List.of("json", "text", "yaml"))));
        endpoints.put("POST /api/generate/single", List.of(Field.bool("include_labels"),
                Field.oneOf("force_anomaly", HostileInput.ANOMALY_TYPES)));
        endpoints.put("POST /api/inject-anomaly", HostileInput.injectFields());
        endpoints.put("PUT /api/config/generator", List.of(Field.integer("batch_size", 1, 10_000),
                Field.number("interval", 0.01, 60), Field.integer("total_logs", 0, Long.MAX_VALUE)));
        List<Field> anomalies = new ArrayList<>(List.of(Field.number("anomaly_rate", 0, 1),
                Field.number("probability", 0, 1)));
        HostileInput.ANOMALY_TYPES.forEach(t -> anomalies.add(Field.bool(t + "_enabled")));
        endpoints.put("PUT /api/config/anomalies", anomalies);

        try (Running app = Running.start(); Bystanders bystanders = new Bystanders(app)) {
            for (Map.Entry<String, List<Field>> e : endpoints.entrySet()) {
                String method = e.getKey().split(" ")[0];
                String path = e.getKey().split(" ")[1];
                List<String> failures = run(CASES, i -> {
                    HostileInput.Body body = input.body(path, method, e.getValue(), i);
                    HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).timeout(TIMEOUT)
                            .method(body.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
                    if (body.contentType() != null) {
                        b.header("Content-Type", body.contentType());
                    }
                    String label = "seed " + SEED + ", case " + i + ", " + path + ": " + body.preview();
                    try {
                        HttpResponse<String> r;
                        try {
                            r = app.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        } catch (java.io.IOException raced) {
                            // A pooled keep-alive connection can close just as a request is sent on it;
                            // the request never reached a handler. An input that really kills
                            // connections fails the second time too.
                            r = app.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        }
                        return judge(label, r.statusCode(), r.body());
                    } catch (java.io.IOException ex) {
                        return label + " -> " + ex;
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return label + " -> interrupted";
                    }
                });
                assertThat(failures).as(e.getKey()).isEmpty();
            }
            bystanders.assertStillServed();
        }
    }

    @Test
    void hostile_query_strings_get_a_stream_or_a_json_4xx() throws Exception {
        AtomicInteger dropped = new AtomicInteger();
        try (Running app = Running.start(); Bystanders bystanders = new Bystanders(app)) {
            int port = app.server.port();
            for (String path : List.of("/api/stream", "/api/stream/ndjson")) {
                List<String> failures = run(CASES / 2, i -> {
                    byte[] query = input.query(i);
                    byte[] target = new byte[path.length() + 1 + query.length];
                    System.arraycopy(path.getBytes(StandardCharsets.US_ASCII), 0, target, 0, path.length());
                    target[path.length()] = '?';
                    System.arraycopy(query, 0, target, path.length() + 1, query.length);
                    String label = "seed " + SEED + ", case " + i + ", " + new String(target, 0,
                            Math.min(target.length, 200), StandardCharsets.ISO_8859_1);
                    try {
                        RawHttp.Reply r;
                        try {
                            r = RawHttp.get(port, target, (int) TIMEOUT.toMillis());
                        } catch (RawHttp.NoResponse noResponse) {
                            // Seen twice in many full builds (1 request in roughly 100,000, never again
                            // for the same input): the server closed a fresh connection without a byte.
                            // An input that really kills connections fails the second time too; drops
                            // are counted and must stay rare.
                            System.err.println("retrying: " + noResponse.getMessage() + ": " + label);
                            dropped.incrementAndGet();
                            r = RawHttp.get(port, target, (int) TIMEOUT.toMillis());
                        }
                        if (r.status() == 200) {
                            return r.body() != null && parses(r.body()) ? null
                                    : label + " -> 200 without a well-formed first record: " + r.body();
                        }
                        return judge(label, r.status(), r.body());
                    } catch (java.io.IOException ex) {
                        return label + " -> " + ex;
                    }
                });
                assertThat(failures).as(path).isEmpty();
            }
            assertThat(dropped.get()).as("connections closed with no response, then answered on a retry")
                    .isLessThanOrEqualTo(CASES / 1000);
            bystanders.assertStillServed();
        }
    }

    @Test
    void hostile_websocket_messages_get_exactly_one_answer_and_the_connection_stays_open() throws Exception {
        try (Running app = Running.start(); Bystanders bystanders = new Bystanders(app);
                Running.Ws ws = app.ws("/ws/logs")) {
            ws.next("connected");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < CASES && failures.size() < 20; i++) {
                HostileInput.Message m = input.message(i);
                String label = "seed " + SEED + ", case " + i + ": " + m.preview();
                if (m.binary() != null) {
                    ws.socket.sendBinary(java.nio.ByteBuffer.wrap(m.binary()), true).get(15, TimeUnit.SECONDS);
                } else {
                    ws.socket.sendText(m.text(), true).get(15, TimeUnit.SECONDS);
                }
                JsonNode answer = nextAnswer(ws);
                if (answer == null) {
                    failures.add(label + " -> no answer (close code " + ws.closeCode + ")");
                    break;
                }
                String type = answer.path("type").asText();
                if (type.equals("error")) {
                    if (!answer.path("message").isTextual() || answer.path("message").asText().isBlank()
                            || answer.path("message").asText().startsWith("internal error")
                            || !answer.has("field") || !answer.has("allowed")) {
                        failures.add(label + " -> malformed error " + answer);
                    }
                } else if (!List.of("config_updated", "anomaly_injected", "paused", "resumed").contains(type)) {
                    failures.add(label + " -> unexpected answer " + answer);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(ws.closeCode).isEqualTo(-1);
            bystanders.assertStillServed();
        }
    }

    /** The next message that is not a batch of logs, or {@code null} after the timeout. */
    private static JsonNode nextAnswer(Running.Ws ws) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode m = ws.messages.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && !m.path("type").asText().equals("logs")) {
                return m;
            }
        }
        return null;
    }

    /** {@code null} when the answer is allowed, else what was wrong with it. */
    private static String judge(String label, int status, String body) {
        if (status >= 200 && status < 300) {
            return parses(body) ? null : label + " -> " + status + " with a body that is not JSON: " + cut(body);
        }
        if (status >= 400 && status < 500) {
            try {
                JsonNode json = STRICT.readTree(body);
                List<String> names = new ArrayList<>();
                json.fieldNames().forEachRemaining(names::add);
                if (names.equals(List.of("error", "field", "allowed")) && json.get("error").isTextual()
                        && !json.get("error").asText().isBlank()) {
                    return null;
                }
            } catch (java.io.IOException | RuntimeException e) {
                // falls through to the failure below
            }
            return label + " -> " + status + " without an {error, field, allowed} body: " + cut(body);
        }
        return label + " -> " + status + ": " + cut(body);
    }

    private static boolean parses(String body) {
        try {
            JsonNode json = STRICT.readTree(body);
            return json != null && json.isObject();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 300));
    }

    /** Runs {@code cases} on four threads; returns up to 20 failure descriptions, in case order. */
    private static List<String> run(int cases, IntFunction<String> oneCase) throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < cases && failures.size() < 20; i = next.getAndIncrement()) {
                        String failure = oneCase.apply(i);
                        if (failure != null) {
                            failures.add(failure);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> sorted = new ArrayList<>(failures);
        sorted.sort(java.util.Comparator.comparingInt(HostileInputTest::caseNumber));
        return sorted;
    }

    private static int caseNumber(String failure) {
        Iterator<String> words = List.of(failure.split("[ ,]+")).iterator();
        while (words.hasNext()) {
            if (words.next().equals("case") && words.hasNext()) {
                return Integer.parseInt(words.next());
            }
        }
        return Integer.MAX_VALUE;
    }
}
