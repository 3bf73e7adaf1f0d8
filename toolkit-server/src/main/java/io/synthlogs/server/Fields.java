package io.synthlogs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Typed, range-checked fields of one JSON object (a request body or a WebSocket message). Every
 * problem is an {@link ApiError} naming the field, the value given and what is allowed. JSON
 * {@code null} counts as absent; unknown fields are rejected so a typo never passes silently.
 */
final class Fields {
    private final ObjectNode node;
    private final String prefix;

    private Fields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** Parses {@code text} (empty means {@code {}}) and checks that only {@code allowed} fields occur. */
    static Fields parse(String text, List<String> allowed) {
        if (text == null || text.isBlank()) {
            return new Fields(Json.MAPPER.createObjectNode(), "");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            // Constraint violations (nesting depth, number length) carry no location.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiError.badRequest(null, "malformed JSON: " + e.getOriginalMessage()
                    .replaceAll(" \\(start marker at \\[.*?\\]\\)", "")
                    // Jackson's wording names its own classes and settings; a client needs the field.
                    .replaceAll("^Duplicate field ('.*') for `ObjectNode`.*", "duplicate field $1")
                    .replaceAll("^Trailing token .*", "more content after the JSON value")
                    .replaceAll("^Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                            "nested $1 levels deep, more than the $2 allowed")
                    .replaceAll(" \\(?(?:as per|from) `[^`]*`\\)?", "") + where, "a JSON object");
        }
        return of(node, "", allowed);
    }

    /** The fields of {@code node}, which must be an object; {@code prefix} qualifies field names in errors. */
    static Fields of(JsonNode node, String prefix, List<String> allowed) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Fields(Json.MAPPER.createObjectNode(), prefix);
        }
        if (!node.isObject()) {
            throw ApiError.badRequest(prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1),
                    "expected a JSON object, got " + kind(node), "a JSON object");
        }
        Fields fields = new Fields((ObjectNode) node, prefix);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiError.badRequest(prefix + name, "unknown field '" + prefix + name + "'", allowed);
            }
        }
        return fields;
    }

    boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** The whole object. */
    JsonNode node() {
        return node;
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    Integer integer(String name, long min, long max) {
        Long v = longValue(name, min, max);
        return v == null ? null : v.intValue();
    }

    Long longValue(String name, long min, long max) {
        if (!has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw wrong(name, "an integer", v, range(min, max));
        }
        if (!v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw outOfRange(name, v, range(min, max));
        }
        return v.asLong();
    }

    Double number(String name, double min, double max) {
        if (!has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.isNumber()) {
            throw wrong(name, "a number", v, range(min, max));
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            throw outOfRange(name, v, range(min, max));
        }
        return d;
    }

    Boolean bool(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.isBoolean()) {
            throw wrong(name, "true or false", v, List.of(true, false));
        }
        return v.asBoolean();
    }

    String text(String name, Object allowed) {
        if (!has(name)) {
            return null;
        }
        JsonNode v = node.get(name);
        if (!v.isTextual()) {
            throw wrong(name, "a string", v, allowed);
        }
        return v.asText();
    }

    /** An error about field {@code name}, qualified like the others. */
    ApiError error(String name, String message, Object allowed) {
        return ApiError.badRequest(prefix + name, message, allowed);
    }

    private ApiError wrong(String name, String expected, JsonNode v, Object allowed) {
        return error(name, prefix + name + " must be " + expected + ", got " + kind(v) + " " + v, allowed);
    }

    private ApiError outOfRange(String name, JsonNode v, Object allowed) {
        // asText: a number too large for a double is Infinity, not the quoted "Infinity" of toString.
        return error(name, prefix + name + " is " + v.asText() + ", outside the allowed range " + allowed, allowed);
    }

    static String range(Object min, Object max) {
        return "[" + min + ", " + max + "]";
    }

    static Map<String, Object> rangeJson(Object min, Object max) {
        return Json.obj("min", min, "max", max);
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
