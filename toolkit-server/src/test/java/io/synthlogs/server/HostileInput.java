package io.synthlogs.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of malformed and hostile input: JSON bodies, query strings and WebSocket messages.
 * Case {@code i} of seed {@code s} is always the same bytes (each case has its own {@link Random}), so a
 * failure message's seed and index reproduce it alone, whatever ran before or in parallel.
 */
final class HostileInput {
    /** What a field accepts: its JSON kind and, for numbers, the range; for enums, the values. */
    record Field(String name, Kind kind, double min, double max, List<String> values) {
        static Field integer(String name, long min, long max) {
            return new Field(name, Kind.INT, min, max, List.of());
        }

        static Field number(String name, double min, double max) {
            return new Field(name, Kind.NUM, min, max, List.of());
        }

        static Field bool(String name) {
            return new Field(name, Kind.BOOL, 0, 0, List.of());
        }

        static Field oneOf(String name, List<String> values) {
            return new Field(name, Kind.ENUM, 0, 0, values);
        }
    }

    enum Kind { INT, NUM, BOOL, ENUM }

    /** One HTTP body: the bytes, the Content-Type to send ({@code null}: none) and the method. */
    record Body(byte[] bytes, String contentType, String method) {
        String preview() {
            String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.UTF_8);
            return method + " " + contentType + " [" + bytes.length + " bytes] " + text;
        }
    }

    /** One WebSocket message: text, or (when {@code binary} is set) raw bytes. */
    record Message(String text, byte[] binary) {
        String preview() {
            return binary != null ? "binary[" + binary.length + "]"
                    : "[" + text.length() + " chars] " + text.substring(0, Math.min(text.length(), 160));
        }
    }

    static final List<String> ANOMALY_TYPES = List.of("error_spike", "latency_degradation", "security_threat",
            "resource_exhaustion", "service_outage", "data_anomaly");

    /** Numbers and literals that break naive parsers. */
    private static final List<String> HOSTILE_VALUES = List.of("1e400", "-1e400", "-0", "-0.0", "0.0", "0",
            "9223372036854775808", "-9223372036854775809", "9223372036854775807", "18446744073709551616", "1e-400",
            "4.9e-324", "1.7976931348623157e308", "NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.",
            "0x10", "1_000", "1e2", "1E+2", "10000.0", "1.0000000000000001", "-1", "true", "false", "null", "\"\"",
            "\"1\"", "\"true\"", "\"null\"", "[]", "[1]", "[null]", "{}", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\udfff\\ud800\"", "\"\\uDEAD\"", "\"é😀\u202e\"", "'single'", "undefined", "\"\\\"", "\"unterminated",
            "tru", "nul", "\"json\"", "\"text\"", "\"TEXT\"", "\"error_spike \"", "\"ERROR_SPIKE\"", "\"none\"",
            "\"normal\"", "\"../../etc/passwd\"", "\"%s%n\"", "\"<script>\"");

    private static final List<String> CONTENT_TYPES = List.of("text/plain", "", ";;;", ";", "application/json;",
            "application/json; charset=latin1", "application/json; charset=utf-16", "APPLICATION/JSON",
            "application/problem+json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
            "*/*", "application/json, text/html", "a/b/c", "application/xml", "json");

    private final long seed;

    HostileInput(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    private Random random(String surface, int index) {
        return new Random(seed * 1_000_003L + surface.hashCode() * 7919L + index);
    }

    /** Body {@code index} for an endpoint whose fields are {@code fields}, normally sent with {@code method}. */
    Body body(String path, String method, List<Field> fields, int index) {
        Random r = random(path, index);
        byte[] bytes = mutate(r, object(r, fields)).getBytes(StandardCharsets.UTF_8);
        bytes = mutateBytes(r, bytes);
        String type = r.nextInt(100) < 85 ? "application/json"
                : r.nextInt(10) == 0 ? null : pick(r, CONTENT_TYPES);
        String m = r.nextInt(100) < 2 ? pick(r, List.of("GET", "DELETE", "PATCH", "PUT", "POST")) : method;
        return new Body(bytes, type, m);
    }

    /** Query string {@code index} (without the {@code ?}) for the stream endpoints; raw, possibly invalid bytes. */
    byte[] query(int index) {
        Random r = random("query", index);
        List<Field> fields = List.of(Field.integer("batch_size", 1, 1000), Field.number("interval", 0.05, 60),
                Field.number("anomaly_rate", 0, 1), Field.bool("include_labels"), Field.integer("max_batches", 0, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Usually a finite, quick stream underneath, so that valid queries end by themselves.
        if (r.nextInt(10) < 8) {
            out.writeBytes("max_batches=1&interval=0.05&batch_size=5".getBytes(StandardCharsets.US_ASCII));
        }
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            out.write(r.nextInt(20) == 0 ? ';' : '&');
            String name = r.nextInt(8) == 0 ? pick(r, List.of("", "x", "token", "batch_size[]", "%", "%ZZ", "a%00b",
                    "BATCH_SIZE", "interval ", "=")) : pick(r, fields).name();
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            if (r.nextInt(15) != 0) {
                out.write('=');
            }
            out.writeBytes(queryValue(r, pick(r, fields)));
        }
        if (r.nextInt(200) == 0) {
            out.writeBytes(("&x=" + "a".repeat(9000)).getBytes(StandardCharsets.US_ASCII)); // URI too long
        }
        return out.toByteArray();
    }

    private static byte[] queryValue(Random r, Field f) {
        int roll = r.nextInt(100);
        if (roll < 35) {
            return plain(valid(r, f)).getBytes(StandardCharsets.UTF_8);
        }
        if (roll < 60) {
            return plain(pick(r, HOSTILE_VALUES)).replace("\"", "%22").replace(" ", "%20")
                    .getBytes(StandardCharsets.UTF_8);
        }
        if (roll < 80) {
            return pick(r, List.of("%ZZ", "%", "%F", "%FF%FE", "%00", "%C0%AF", "%E2%82", "%ED%A0%80", "+", "%2B1",
                    "1%2C2", "%0D%0A", "%25", "", "==", "1&", "%u0041")).getBytes(StandardCharsets.US_ASCII);
        }
        if (roll < 92) {
            byte[] raw = new byte[1 + r.nextInt(6)];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (byte) (int) pick(r, List.of(0x80, 0xFF, 0xC0, 0xFE, 0x01, 0x7F, 0x20, 0x22, 0x3C, 0x7B, 0x5C, 0x09));
            }
            return raw;
        }
        return "9".repeat(1 + r.nextInt(600)).getBytes(StandardCharsets.US_ASCII);
    }

    /** WebSocket message {@code index}. */
    Message message(int index) {
        Random r = random("ws", index);
        if (r.nextInt(100) < 2) {
            byte[] raw = new byte[r.nextInt(64)];
            r.nextBytes(raw);
            return new Message(null, raw);
        }
        List<Field> configFields = List.of(Field.integer("batch_size", 1, 1000), Field.number("interval", 0.05, 60),
                Field.number("anomaly_rate", 0, 1), Field.bool("include_labels"));
        String action = pick(r, List.of("configure", "inject_anomaly", "pause", "resume"));
        List<String> members = new ArrayList<>();
        int roll = r.nextInt(100);
        if (roll < 85) {
            members.add("\"action\":" + (r.nextInt(10) < 8 ? "\"" + action + "\"" : pick(r, HOSTILE_VALUES)));
        }
        if (action.equals("configure") && r.nextInt(10) < 9) {
            members.add("\"config\":" + (r.nextInt(10) < 8 ? object(r, configFields) : pick(r, HOSTILE_VALUES)));
        }
        if (action.equals("inject_anomaly")) {
            members.addAll(members(r, injectFields()));
        }
        if (r.nextInt(10) == 0) {
            members.add("\"" + pick(r, List.of("unknown", "Action", "", "config", "action")) + "\":" + pick(r,
                    HOSTILE_VALUES));
        }
        return new Message(mutate(r, "{" + String.join(",", members) + "}"), null);
    }

    static List<Field> injectFields() {
        return List.of(Field.oneOf("anomaly_type", ANOMALY_TYPES), Field.integer("duration_logs", 5, 1000),
                Field.oneOf("service", List.of("nginx", "user-service", "postgres", "nope")),
                Field.oneOf("subtype", List.of("brute_force", "sql_injection", "oom", "nope")));
    }

    private static String object(Random r, List<Field> fields) {
        return "{" + String.join(",", members(r, fields)) + "}";
    }

    private static List<String> members(Random r, List<Field> fields) {
        List<String> members = new ArrayList<>();
        int n = r.nextInt(fields.size() + 1);
        for (int i = 0; i < n; i++) {
            Field f = pick(r, fields);
            members.add("\"" + f.name() + "\":" + value(r, f));
            if (r.nextInt(25) == 0) {
                members.add("\"" + f.name() + "\":" + value(r, f)); // duplicate key
            }
        }
        if (r.nextInt(12) == 0) {
            String name = pick(r, List.of("unknown", "Count", "count ", "", "\\u0000", "__proto__", "constructor",
                    "x".repeat(1 + r.nextInt(3000)), "\\ud800"));
            members.add(r.nextInt(members.size() + 1), "\"" + name + "\":" + pick(r, HOSTILE_VALUES));
        }
        return members;
    }

    private static String value(Random r, Field f) {
        int roll = r.nextInt(100);
        if (roll < 40) {
            return valid(r, f);
        }
        if (roll < 90) {
            return pick(r, HOSTILE_VALUES);
        }
        if (roll < 94) {
            return "\"" + "s".repeat(r.nextInt(20_000)) + "\"";
        }
        if (roll < 97) {
            return "9".repeat(1 + r.nextInt(5000));
        }
        int depth = 1 + r.nextInt(12_000);
        return "[".repeat(depth) + "]".repeat(r.nextInt(2) == 0 ? depth : 0);
    }

    /** A value the field accepts; numbers mostly small, so successes stay cheap. */
    private static String valid(Random r, Field f) {
        return switch (f.kind()) {
            case BOOL -> String.valueOf(r.nextBoolean());
            case ENUM -> "\"" + pick(r, f.values()) + "\"";
            case INT -> {
                long min = (long) f.min();
                long max = (long) Math.min(f.max(), 1e15);
                int roll = r.nextInt(100);
                long v = roll < 3 ? max : roll < 6 ? min - 1 : roll < 9 ? max + 1 : min + r.nextInt(
                        (int) Math.min(100, max - min + 1));
                yield String.valueOf(v);
            }
            case NUM -> {
                int roll = r.nextInt(100);
                double v = roll < 5 ? f.max() : roll < 10 ? f.min() : roll < 13 ? f.max() + 0.001
                        : f.min() + r.nextDouble() * Math.min(f.max() - f.min(), 1);
                yield String.valueOf(v);
            }
        };
    }

    /** Text-level damage: truncation, wrong top level, deep nesting, trailing garbage, comments. */
    private static String mutate(Random r, String json) {
        int roll = r.nextInt(100);
        if (roll < 10 && !json.isEmpty()) {
            return json.substring(0, r.nextInt(json.length()));
        }
        if (roll < 14) {
            return pick(r, List.of("", " ", "\n", "null", "[]", "[{}]", "\"{}\"", "1", "true", "{}}", "{{}}", "{,}",
                    "{\"a\"}", "{\"a\":}", "{:1}", "{'count': 1}", "{count: 1}", "/* c */{}", "{} // c", "\uFEFF{}"));
        }
        if (roll < 16) {
            return "[".repeat(10_000);
        }
        if (roll < 17) {
            return "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        }
        if (roll < 20) {
            return json + pick(r, List.of("x", "}", "{}", " 1", ",", "\u0000", "\n{}"));
        }
        if (roll < 21) {
            return json.replace('"', '\'');
        }
        return json;
    }

    /** Byte-level damage: invalid UTF-8 (lone continuation bytes, overlong forms, surrogates), oversize. */
    private static byte[] mutateBytes(Random r, byte[] bytes) {
        int roll = r.nextInt(100);
        if (roll < 6) {
            byte[] bad = pick(r, List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
                    new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                    new byte[] {0}));
            int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length + 1);
            byte[] out = new byte[bytes.length + bad.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(bad, 0, out, at, bad.length);
            System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
            return out;
        }
        if (roll < 7) {
            byte[] out = new byte[1 + r.nextInt(2048)];
            r.nextBytes(out);
            return out;
        }
        if (roll < 8) {
            byte[] out = new byte[64 * 1024 + 1 + r.nextInt(64 * 1024)]; // over the body limit
            java.util.Arrays.fill(out, (byte) ' ');
            out[0] = '{';
            out[out.length - 1] = '}';
            return out;
        }
        return bytes;
    }

    private static String plain(String jsonValue) {
        return jsonValue.length() >= 2 && jsonValue.startsWith("\"") && jsonValue.endsWith("\"")
                ? jsonValue.substring(1, jsonValue.length() - 1) : jsonValue;
    }

    private static <T> T pick(Random r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }
}
