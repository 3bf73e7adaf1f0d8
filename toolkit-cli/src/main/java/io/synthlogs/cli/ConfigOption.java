package io.synthlogs.cli;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code -c/--config}, shared by both commands as a picocli mixin: the configuration they start from
 * is the given files, each laid over the ones before it, else {@code ./config.yaml}, else the bundled
 * one.
 */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: ./config.yaml if present, else the bundled defaults);"
                    + " given more than once, each is laid over the ones before it.")
    List<Path> given = new ArrayList<>();

    /** A loader holding that configuration, ready for more layers. */
    ConfigLoader.Builder builder() {
        ConfigLoader.Builder builder = ConfigLoader.builder();
        for (Path file : given) {
            if (file.toString().isEmpty()) {
                throw new ConfigException("--config", "", "the path is empty; give a YAML file");
            }
            if (!Files.exists(file)) {
                throw new ConfigException("--config", "", "file '" + file + "' does not exist");
            }
        }
        for (Path file : given.isEmpty() && localFile() != null ? List.of(localFile()) : given) {
            builder.file(file);
        }
        return builder;
    }

    /** The files given, as the help names them: {@code 'a.yaml'} or {@code 'a.yaml' over 'b.yaml'}. */
    String describeGiven() {
        List<String> quoted = new ArrayList<>();
        for (int i = given.size() - 1; i >= 0; i--) {
            quoted.add("'" + given.get(i) + "'");
        }
        return String.join(" over ", quoted);
    }

    /** {@code ./config.yaml}, if there is one. */
    Path localFile() {
        Path local = Path.of("config.yaml");
        return Files.isRegularFile(local) ? local : null;
    }
}
