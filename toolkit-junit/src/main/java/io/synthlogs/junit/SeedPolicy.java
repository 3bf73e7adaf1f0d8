package io.synthlogs.junit;

/**
 * How the root seed is chosen when {@value SyntheticLogsConstants#SEED_PROPERTY_NAME} is not given.
 * A given root seed always wins, so the printed reproduction command works under either policy.
 */
public enum SeedPolicy {
    /** Root seed {@value SyntheticLogsConstants#DEFAULT_ROOT_SEED}: every run sees the same data. */
    STABLE,
    /** A fresh root seed per test run (printed on failure): every run sees new data. */
    RANDOM
}
