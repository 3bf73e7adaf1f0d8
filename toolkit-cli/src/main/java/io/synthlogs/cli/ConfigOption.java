package io.synthlogs.cli;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code -c/--config}, shared by both commands as a picocli mixin: the configuration they start from
 * is the given file, else {@code ./config.yaml}, else the bundled one.
 */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./config.yaml if present, else the bundled defaults).")
    Path given;

    /** A loader holding that configuration, ready for more layers. */
    ConfigLoader.Builder builder() {
        ConfigLoader.Builder builder = ConfigLoader.builder();
        if (given != null && given.toString().isEmpty()) {
            throw new ConfigException("--config", "", "the path is empty; give a YAML file");
        }
        if (given != null && !Files.exists(given)) {
            throw new ConfigException("--config", "", "file '" + given + "' does not exist");
        }
        Path file = given != null ? given : localFile();
        if (file != null) {
            builder.file(file);
        }
        return builder;
    }

    /** {@code ./config.yaml}, if there is one. */
    Path localFile() {
        Path local = Path.of("config.yaml");
        return Files.isRegularFile(local) ? local : null;
    }
}
