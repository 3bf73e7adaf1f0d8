package io.synthlogs.cli;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The configuration both commands start from: the given file, else ./config.yaml, else the bundled one. */
final class Configs {
    private Configs() {}

    static ConfigLoader.Builder load(Path given) {
        ConfigLoader.Builder builder = ConfigLoader.builder();
        if (given != null && !Files.exists(given)) {
            throw new ConfigException("--config", "", "file '" + given + "' does not exist");
        }
        Path file = given != null ? given : Files.isRegularFile(Path.of("config.yaml")) ? Path.of("config.yaml") : null;
        if (file != null) {
            builder.file(file);
        }
        return builder;
    }
}
