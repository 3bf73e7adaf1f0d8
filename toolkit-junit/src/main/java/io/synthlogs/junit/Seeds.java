package io.synthlogs.junit;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Root seed resolution and stable per-target seed derivation. */
final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /**
     * The root seed of this test run and how it was chosen.
     *
     * @param given whether {@code synthlogs.seed} set it
     */
    record Root(long seed, SeedPolicy policy, boolean given) {
        String describe() {
            return "root seed " + seed + (given ? ", given by " + SyntheticLogsConstants.SEED_PROPERTY_NAME
                    : ", policy " + policy);
        }
    }

    /** The run's root seed, read once per engine run and kept in the root context's store. */
    static Root root(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(SyntheticLogsExtension.NAMESPACE).computeIfAbsent(Root.class, k -> readRoot(root), Root.class);
    }

    private static Root readRoot(ExtensionContext context) {
        String policyKey = SyntheticLogsConstants.SEED_POLICY_PROPERTY_NAME;
        SeedPolicy policy = context.getConfigurationParameter(policyKey).map(String::trim).map(value -> {
            try {
                return SeedPolicy.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("Configuration parameter " + policyKey + " = '" + value
                        + "' cannot be used: allowed: STABLE, RANDOM");
            }
        }).orElse(SyntheticLogsConstants.DEFAULT_SEED_POLICY);
        String seedKey = SyntheticLogsConstants.SEED_PROPERTY_NAME;
        var given = context.getConfigurationParameter(seedKey).map(String::trim).filter(v -> !v.isEmpty());
        if (given.isPresent()) {
            try {
                return new Root(Long.parseLong(given.get()), policy, true);
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException("Configuration parameter " + seedKey + " = '" + given.get()
                        + "' cannot be used: not a long integer");
            }
        }
        long seed = policy == SeedPolicy.RANDOM ? new SplittableRandom().nextLong() & Long.MAX_VALUE
                : SyntheticLogsConstants.DEFAULT_ROOT_SEED;
        return new Root(seed, policy, false);
    }

    /**
     * The seed of one stream: SplitMix64 folded over the UTF-8 bytes of the test key and the stream
     * key, starting from the root seed. Non-negative, so it reads well in a pinned annotation.
     */
    static long derive(long root, String testKey, String streamKey) {
        long h = mix(root + GOLDEN_GAMMA);
        for (byte b : (testKey + '\u0000' + streamKey).getBytes(StandardCharsets.UTF_8)) {
            h = mix(h + GOLDEN_GAMMA + (b & 0xFF));
        }
        return h & Long.MAX_VALUE;
    }

    /**
     * The part of a unique id that names the test inside the Jupiter engine, so a test keeps its data
     * whether it runs alone, in a class, or inside a suite engine.
     */
    static String testKey(String uniqueId) {
        int engine = uniqueId.lastIndexOf("[engine:");
        if (engine < 0) {
            return uniqueId;
        }
        int next = uniqueId.indexOf("]/", engine);
        return next < 0 ? uniqueId : uniqueId.substring(next + 2);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
