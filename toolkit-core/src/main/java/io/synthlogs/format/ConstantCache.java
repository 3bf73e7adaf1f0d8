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
    private final Map<Object, Block> blocks = new IdentityHashMap<>();
    private final Map<String, Pair> pairs = new IdentityHashMap<>();
    private final LineBuffer scratch = new LineBuffer(256);

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
     * it with {@code render} the first time only. Keyed by the second string's identity; a pair
     * rendered by another renderer (another format into the same buffer) is rendered again.
     */
    void appendPair(LineBuffer out, String first, String second, PairRenderer render) {
        Pair pair = pairs.get(second);
        if (pair == null || pair.first != first || pair.render != render) {
            if (pairs.size() >= MAX_ENTRIES) {
                pairs.clear();
            }
            scratch.reset();
            render.render(scratch, first, second);
            pair = new Pair(first, render, FixedText.of(scratch.array(), scratch.length()));
            pairs.put(second, pair);
        }
        out.put(pair.encoded);
    }

    private record Pair(String first, PairRenderer render, FixedText encoded) {}

    /**
     * Appends the encoding of an immutable value shared by many lines (the labels of a template's
     * normal lines), rendering it with {@code render} the first time only (and again for another
     * renderer).
     */
    <T> void appendBlock(LineBuffer out, T value, java.util.function.BiConsumer<LineBuffer, T> render) {
        Block block = blocks.get(value);
        if (block == null || block.render != render) {
            if (blocks.size() >= MAX_ENTRIES) {
                blocks.clear();
            }
            LineBuffer rendered = new LineBuffer(512);
            render.accept(rendered, value);
            block = new Block(render, FixedText.of(rendered.array(), rendered.length()));
            blocks.put(value, block);
        }
        out.put(block.encoded);
    }

    private record Block(Object render, FixedText encoded) {}
}
