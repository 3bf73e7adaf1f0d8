package io.synthlogs.junit;

import java.util.List;

/**
 * One stream a test received, with what is needed to reproduce it.
 *
 * @param key the stream key the seed was derived from ({@code parameter:0}, {@code name:x}, …)
 * @param targets descriptions of the targets that received it, first one first
 * @param fileStem a file-name-safe name for attachments
 * @param settings the first target's settings, which made the stream
 * @param root the run's root seed
 * @param pinned whether {@code @SyntheticLogs(seed)} gave the seed
 * @param lines the data, generated when first needed
 */
record Generated(
        String key, List<String> targets, String fileStem, Settings settings, Seeds.Root root, boolean pinned,
        GeneratedLines lines) {}
