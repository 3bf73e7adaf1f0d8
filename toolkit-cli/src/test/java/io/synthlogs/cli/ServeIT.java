package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code ./synthlogs serve} as a process: it answers, names its address and seed, and stops with 0 on SIGTERM. */
class ServeIT {
    private static final Path ROOT = Path.of(System.getProperty("synthlogs.root", "..")).toAbsolutePath().normalize();

    @Test
    void serve_listens_on_loopback_answers_and_stops_cleanly_on_sigterm() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "serve", "--port", "0", "--seed", "11")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+) \\(seed 11\\)");
        String url = null;
        List<String> before = new ArrayList<>();
        for (String line; url == null && (line = out.readLine()) != null; ) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                url = m.group(1);
            } else {
                before.add(line);
            }
        }
        assertThat(url).as("address printed").isNotNull();
        assertThat(before).as("Jetty's and Javalin's start-up logging stays below WARN").isEmpty();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("healthy");
        HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(url + "/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        // As the generator: a seed alone starts at the fixed default, so it reproduces the stream.
        assertThat(status.body()).contains("\"seed\":11").contains("\"start\":\"2024-01-01T00:00:00Z\"");
        process.toHandle().children().forEach(ProcessHandle::destroy);
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
    }

    @Test
    void a_start_that_is_not_an_instant_is_a_usage_error() throws Exception {
        assertThat(usageError("serve", "--port", "0", "--start", "yesterday"))
                .isEqualTo("synthlogs: --start: 'yesterday' is not 'now' or an ISO-8601 instant such as 2024-01-01T00:00:00Z\n");
    }

    @Test
    void a_host_that_does_not_resolve_is_a_usage_error() throws Exception {
        assertThat(usageError("serve", "--host", "999.1.1.1", "--port", "0"))
                .isEqualTo("synthlogs: --host: '999.1.1.1' is neither an IP address nor a name this machine resolves\n");
    }

    @Test
    void a_busy_port_is_one_line_and_exit_1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            java.io.File log = java.io.File.createTempFile("serve-busy", ".txt");
            log.deleteOnExit();
            Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "serve", "--port",
                    String.valueOf(taken.getLocalPort())).redirectErrorStream(true).redirectOutput(log).start();
            // Waited for, not read to its end: a server that did start would never end its output.
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            process.destroyForcibly();
            String output = java.nio.file.Files.readString(log.toPath());
            assertThat(ended).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isEqualTo(1);
            assertThat(output).isEqualTo("synthlogs: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use\n");
        }
    }

    /** What the launcher printed for {@code args}, which must exit 2. */
    private static String usageError(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("synthlogs").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        return output;
    }
}
