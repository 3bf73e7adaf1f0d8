package io.synthlogs.samples;

import io.synthlogs.AnomalyType;
import io.synthlogs.junit.SyntheticLogs;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** 5 000 lines in which a fifth belong to brute-force login attacks: a composed {@code @SyntheticLogs}. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@SyntheticLogs(count = 5_000, anomalyRate = 0.2, anomalies = AnomalyType.SECURITY_THREAT, config = "brute-force.yaml")
public @interface BruteForceTraffic {}
