package io.synthlogs.engine;

import java.util.List;
import java.util.Map;

/**
 * How one kind of anomaly shapes the lines of its episode. An instance holds one episode's targets
 * (service, attacker, field, …) and fills the draft for each of the episode's lines in turn.
 */
sealed interface AnomalyPattern
        permits ErrorSpike, LatencyDegradation, SecurityThreat, ResourceExhaustion, ServiceOutage, DataAnomaly {

    /** Fills the draft for line {@code k} (0-based) of the episode's {@code n} lines. */
    void fill(Draft d, int k, int n, Rng rng);

    /** A service that logs nothing of its own while line {@code k} is due, or {@code null}. */
    default String silenced(int k) {
        return null;
    }

    /** The services the episode affects. */
    List<String> services();

    /** What shaped the episode, for the manifest. */
    Map<String, Object> parameters();
}
