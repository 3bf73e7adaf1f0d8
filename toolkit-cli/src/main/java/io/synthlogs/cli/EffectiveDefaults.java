package io.synthlogs.cli;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.SynthConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A section of {@code synthlogs --help} that shows what each option is when left out: the values of
 * the configuration a run here would use ({@code --config FILE}, else {@code ./config.yaml}, else the
 * bundled one). The defaults stay where they are defined, in {@code config.yaml}; the help reads them,
 * and only when it is shown.
 */
final class EffectiveDefaults {
    private static final String SECTION = "effectiveDefaults";

    private EffectiveDefaults() {}

    /** Adds the section to {@code cli}'s help, before the footer. */
    static void register(CommandLine cli, ConfigOption config) {
        cli.getHelpSectionMap().put(SECTION, help -> render(config));
        List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        cli.setHelpSectionKeys(keys);
    }

    private static String render(ConfigOption config) {
        String source = !config.given.isEmpty() ? config.describeGiven()
                : config.localFile() != null ? "./config.yaml" : "the bundled configuration";
        SynthConfig c;
        try {
            c = config.builder().build();
        } catch (ConfigException e) {
            return "%nWhen left out: cannot read %s: %s%n".formatted(source, e.getMessage());
        }
        SynthConfig.FileOutput file = c.output().file();
        return String.format(Locale.ROOT, "%nWhen left out (from %s):%n"
                        + "  --total %d  --batch-size %d  --format %s  --anomaly-rate %s%n"
                        + "  --output %s  --output-path %s  --max-file-size %s  --max-files %d  %s%n"
                        + "  --interval %s (a stream's pause; a finite run is unpaced without --interval)%n"
                        + "  labels %s%n",
                source, c.generator().totalLogs(), c.generator().batchSize(), c.output().format().wireName(),
                plain(c.anomalies().rate()), c.output().destination().name().toLowerCase(Locale.ROOT), file.path(),
                size(file.rotationBytes()), file.maxFiles(), file.pageAligned() ? "--page-aligned" : "--no-page-aligned",
                plain(c.generator().interval()),
                c.output().includeLabels() ? "included (--no-labels leaves them out)" : "left out (include_labels: false)");
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Bytes in the largest unit that divides them: {@code 10MB}, {@code 64KB}, {@code 1000}. */
    private static String size(long bytes) {
        long mb = SynthConfig.FileOutput.BYTES_PER_MB;
        return bytes % mb == 0 ? bytes / mb + "MB" : bytes % 1024 == 0 ? bytes / 1024 + "KB" : Long.toString(bytes);
    }
}
