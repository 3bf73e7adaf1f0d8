package io.synthlogs.format;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers the JSON encoding of strings that recur as the very same instance (levels, sources,
 * services, templates, episode ids), so each is escaped once rather than on every line. Bounded:
 * it starts over when full, so one-off strings cannot grow it.
 */
final class ConstantCache {
    private static final int MAX_ENTRIES = 4096;

    private final Map<String, byte[]> encoded = new IdentityHashMap<>();
    private final LineBuffer scratch = new LineBuffer(256, false);

    void append(LineBuffer out, String value) {
        byte[] bytes = encoded.get(value);
        if (bytes == null) {
            if (encoded.size() >= MAX_ENTRIES) {
                encoded.clear();
            }
            scratch.reset();
            scratch.jsonString(value);
            bytes = java.util.Arrays.copyOf(scratch.array(), scratch.length());
            encoded.put(value, bytes);
        }
        out.bytes(bytes);
    }
}
