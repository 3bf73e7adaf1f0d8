package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed rerun command fits the build the test runs in. */
class RerunCommandTest {
    private static final String SELECTION = "-Dtest='com.example.DetectorTest#flags' -Dsynthlogs.seed=42";

    @TempDir
    Path dir;

    private String rerun(Path workingDirectory) {
        return SyntheticLogsReproduction.rerun("com.example.DetectorTest", "flags", 42, workingDirectory, "");
    }

    @Test
    void a_single_module_build_reruns_in_place() throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThat(rerun(dir)).isEqualTo("mvn test " + SELECTION);
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
        assertThat(rerun(dir)).isEqualTo("./mvnw test " + SELECTION);
    }

    @Test
    void a_module_of_a_multi_module_build_reruns_from_the_top_with_its_dependencies() throws Exception {
        Path module = Files.createDirectories(dir.resolve("detectors/core"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.writeString(dir.resolve("mvnw"), "#!/bin/sh");
        Files.writeString(dir.resolve("detectors/pom.xml"), "<project/>");
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        assertThat(rerun(module)).isEqualTo("cd '" + dir.toAbsolutePath().normalize() + "' && ./mvnw -pl detectors/core -am test "
                + SELECTION + " -Dsurefire.failIfNoSpecifiedTests=false");
    }

    @Test
    void without_a_pom_the_plain_maven_command_is_given() {
        assertThat(rerun(dir)).isEqualTo("mvn test " + SELECTION);
    }
}
