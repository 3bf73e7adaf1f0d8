package io.synthlogs.junit;

import io.synthlogs.Scenario;
import java.time.Instant;

/**
 * Every configuration key the extension reads and every default it applies, in one place.
 *
 * <p>Keys are JUnit configuration parameters: give them in {@code junit-platform.properties}, as
 * launcher configuration parameters, or as system properties ({@code -Dsynthlogs.seed=42} on the
 * Maven command line reaches the tests through Surefire). Their values fill whatever neither the
 * annotation nor a {@link SyntheticLogsDefaults @SyntheticLogsDefaults} sets.
 */
public final class SyntheticLogsConstants {
    /** Root seed every stream's seed is derived from: {@value}. */
    public static final String SEED_PROPERTY_NAME = "synthlogs.seed";
    /** Root seed when {@value #SEED_PROPERTY_NAME} is not given and the policy is STABLE. */
    public static final long DEFAULT_ROOT_SEED = 42L;

    /** {@code STABLE} or {@code RANDOM}, see {@link SeedPolicy}: {@value}. */
    public static final String SEED_POLICY_PROPERTY_NAME = "synthlogs.seed.policy";
    public static final SeedPolicy DEFAULT_SEED_POLICY = SeedPolicy.STABLE;

    /** Default for {@link SyntheticLogs#count()}: {@value}. */
    public static final String COUNT_PROPERTY_NAME = "synthlogs.count";
    public static final int DEFAULT_COUNT = 1000;

    /** Default for {@link SyntheticLogs#anomalyRate()}: {@value}; otherwise the configuration's rate. */
    public static final String ANOMALY_RATE_PROPERTY_NAME = "synthlogs.anomalyRate";

    /** Default for {@link SyntheticLogs#anomalies()}, comma-separated wire or constant names: {@value}. */
    public static final String ANOMALIES_PROPERTY_NAME = "synthlogs.anomalies";

    /** Default for {@link SyntheticLogs#sources()}, comma-separated: {@value}. */
    public static final String SOURCES_PROPERTY_NAME = "synthlogs.sources";

    /** Default for {@link SyntheticLogs#start()}: {@value}. */
    public static final String START_PROPERTY_NAME = "synthlogs.start";
    /**
     * The start of every stream unless set or named by its configuration's {@code timestamps.start}:
     * {@link Scenario#DEFAULT_START}, never "now".
     */
    public static final Instant DEFAULT_START = Scenario.DEFAULT_START;

    /** Default for {@link SyntheticLogs#config()}: {@value}. */
    public static final String CONFIG_PROPERTY_NAME = "synthlogs.config";

    /** Default for {@link SyntheticLogs#format()}: {@value}. */
    public static final String FORMAT_PROPERTY_NAME = "synthlogs.format";
    public static final String DEFAULT_FORMAT = "json";

    /** Default for {@link SyntheticLogs#labels()}, {@code true} or {@code false}: {@value}. */
    public static final String LABELS_PROPERTY_NAME = "synthlogs.labels";
    public static final boolean DEFAULT_LABELS = true;

    /** The keys above that choose data (all but the seed and its policy), which a rerun must repeat. */
    static final java.util.List<String> DATA_PROPERTY_NAMES = java.util.List.of(COUNT_PROPERTY_NAME,
            ANOMALY_RATE_PROPERTY_NAME, ANOMALIES_PROPERTY_NAME, SOURCES_PROPERTY_NAME, START_PROPERTY_NAME,
            CONFIG_PROPERTY_NAME, FORMAT_PROPERTY_NAME, LABELS_PROPERTY_NAME);

    /** Sentinel of an {@code int} attribute left unset; not -1, which is rejected as a mistake. */
    public static final int NOT_SET_INT = Integer.MIN_VALUE;
    /** Sentinel of a {@code double} attribute left unset; not -1, which is rejected as a mistake. */
    public static final double NOT_SET_DOUBLE = Double.NaN;
    /** Sentinel of a {@code long} attribute left unset; this one seed cannot be pinned. */
    public static final long NOT_SET_LONG = Long.MIN_VALUE;
    /** Sentinel of a {@code String} attribute left unset. */
    public static final String NOT_SET_STRING = "";

    private SyntheticLogsConstants() {}
}
