package io.synthlogs.engine;

import io.synthlogs.format.LineBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Request paths with the methods each takes ({@code "GET POST /api/v1/orders"}), each path split once
 * at its {@code #}, which a line fills with a number (or, under {@code /static}, a content hash). A
 * line that shows a method and a path draws them together, so no one logs in with a GET or deletes
 * a stylesheet.
 */
final class Endpoints {
    private final Words before;
    private final Words after;
    /** Per path: 0 none, 1 a number, 2 a hash. */
    private final int[] filler;
    /** Per path: the methods it takes, and their cumulative weights. */
    private final String[][] methods;
    private final double[][] methodWeights;
    /** Per method: the paths that take it. */
    private final Map<String, int[]> pathsTaking = new HashMap<>();

    Endpoints(String... entries) {
        int n = entries.length;
        String[] heads = new String[n];
        String[] tails = new String[n];
        filler = new int[n];
        methods = new String[n][];
        methodWeights = new double[n][];
        for (int i = 0; i < n; i++) {
            int space = entries[i].lastIndexOf(' ');
            String path = entries[i].substring(space + 1);
            methods[i] = entries[i].substring(0, space).split(" ");
            methodWeights[i] = Rng.cumulative(Arrays.stream(methods[i]).mapToDouble(Endpoints::weightOf).toArray());
            int hash = path.indexOf('#');
            heads[i] = hash < 0 ? path : path.substring(0, hash);
            tails[i] = hash < 0 ? "" : path.substring(hash + 1);
            filler[i] = hash < 0 ? 0 : path.startsWith("/static") ? 2 : 1;
        }
        for (String method : Vocabulary.METHODS) {
            pathsTaking.put(method,
                    IntStream.range(0, n).filter(i -> Arrays.asList(methods[i]).contains(method)).toArray());
        }
        before = new Words(heads);
        after = new Words(tails);
    }

    /** How common a method is among all requests. */
    private static double weightOf(String method) {
        int m = Arrays.asList(Vocabulary.METHODS).indexOf(method);
        if (m < 0) {
            throw new IllegalArgumentException("unknown method " + method);
        }
        return Vocabulary.METHOD_SHARES[m];
    }

    /** A path, drawn among all. */
    int draw(Rng rng) {
        return rng.nextInt(filler.length);
    }

    /** A path that takes {@code method}, or any where none does. */
    int drawFor(String method, Rng rng) {
        int[] taking = pathsTaking.get(method);
        return taking == null || taking.length == 0 ? draw(rng) : taking[rng.nextInt(taking.length)];
    }

    /** A method path {@code i} takes, as common as requests make it. */
    String methodFor(int i, Rng rng) {
        return methods[i][rng.weighted(methodWeights[i])];
    }

    /** Draws a path and appends it, filled in; returns its text flags. */
    int appendAny(LineBuffer out, Rng rng) {
        return append(out, draw(rng), rng);
    }

    /** Appends path {@code i}, filled in; returns its text flags. */
    int append(LineBuffer out, int i, Rng rng) {
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
