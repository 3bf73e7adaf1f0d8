package io.synthlogs.engine;

import io.synthlogs.format.LineBuffer;

/**
 * Request paths, each split once at its {@code #}, which a line fills with a number (or, under
 * {@code /static}, a content hash).
 */
final class Endpoints {
    private final Words before;
    private final Words after;
    /** Per path: 0 none, 1 a number, 2 a hash. */
    private final int[] filler;

    Endpoints(String... paths) {
        String[] heads = new String[paths.length];
        String[] tails = new String[paths.length];
        filler = new int[paths.length];
        for (int i = 0; i < paths.length; i++) {
            int hash = paths[i].indexOf('#');
            heads[i] = hash < 0 ? paths[i] : paths[i].substring(0, hash);
            tails[i] = hash < 0 ? "" : paths[i].substring(hash + 1);
            filler[i] = hash < 0 ? 0 : paths[i].startsWith("/static") ? 2 : 1;
        }
        before = new Words(heads);
        after = new Words(tails);
    }

    /** Draws a path and appends it, filled in; returns its text flags. */
    int appendAny(LineBuffer out, Rng rng) {
        int i = rng.nextInt(filler.length);
        int flags = before.append(out, i);
        if (filler[i] == 0) {
            return flags;
        }
        if (filler[i] == 2) {
            out.hex(rng.nextLong(), 8);
        } else {
            out.number(rng.between(1, 99_999));
        }
        return flags | after.append(out, i);
    }
}
