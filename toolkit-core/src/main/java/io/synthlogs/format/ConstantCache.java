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

    private final Map<String, FixedText> encoded = new IdentityHashMap<>();
    private final Map<Object, FixedText> blocks = new IdentityHashMap<>();
    private final Map<String, Pair> pairs = new IdentityHashMap<>();
    private final LineBuffer scratch = new LineBuffer(256, false);

    void append(LineBuffer out, String value) {
        FixedText text = encoded.get(value);
        if (text == null) {
            if (encoded.size() >= MAX_ENTRIES) {
                encoded.clear();
            }
            scratch.reset();
            scratch.jsonString(value);
            text = FixedText.of(scratch.array(), scratch.length());
            encoded.put(value, text);
        }
        out.put(text);
    }

    /** How {@link #appendPair} renders a pair the first time. */
    interface PairRenderer {
        void render(LineBuffer out, String first, String second);
    }

    /**
     * Appends the encoding of two strings that recur together (a source and its service), rendering
     * it with {@code render} the first time only. Keyed by the second string's identity.
     */
    void appendPair(LineBuffer out, String first, String second, PairRenderer render) {
        Pair pair = pairs.get(second);
        if (pair == null || pair.first != first) {
            if (pairs.size() >= MAX_ENTRIES) {
                pairs.clear();
            }
            scratch.reset();
            render.render(scratch, first, second);
            pair = new Pair(first, FixedText.of(scratch.array(), scratch.length()));
            pairs.put(second, pair);
        }
        out.put(pair.encoded);
    }

    private record Pair(String first, FixedText encoded) {}

    /**
     * Appends the encoding of an immutable value shared by many lines (the labels of a template's
     * normal lines), rendering it with {@code render} the first time only.
     */
    <T> void appendBlock(LineBuffer out, T value, java.util.function.BiConsumer<LineBuffer, T> render) {
        FixedText text = blocks.get(value);
        if (text == null) {
            if (blocks.size() >= MAX_ENTRIES) {
                blocks.clear();
            }
            LineBuffer block = new LineBuffer(512);
            render.accept(block, value);
            text = FixedText.of(block.array(), block.length());
            blocks.put(value, text);
        }
        out.put(text);
    }
}
