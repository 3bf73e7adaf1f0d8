import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Client half of generate-latency.sh: times sequential POST /api/generate {"count": N} requests (whole
 * body read) and runs the 100-SSE-client check. Usage: java GenerateLatency.java BASE_URL REQUESTS WARMUP
 * COUNT SSE_CLIENTS SSE_BATCHES
 */
public class GenerateLatency {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int sseClients = Integer.parseInt(args[4]);
        int sseBatches = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URL generate = URI.create(base + "/api/generate").toURL();
        byte[] request = ("{\"count\": " + count + "}").getBytes(StandardCharsets.UTF_8);

        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes = fetch(generate, request);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            fetch(generate, request);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("POST /api/generate {\"count\": %d}: %d requests after %d warm-up, %.1f MB each%n", count,
                requests, warmup, bytes / 1e6);
        System.out.printf("  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (%.0f lines/s sequential)%n",
                pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1], count * 1000.0 / pct(ms, 50));

        ExecutorService pool = Executors.newFixedThreadPool(sseClients);
        List<Future<long[]>> clients = new ArrayList<>();
        String path = "/api/stream?batch_size=100&interval=0.05&max_batches=" + sseBatches;
        long t0 = System.nanoTime();
        for (int c = 0; c < sseClients; c++) {
            clients.add(pool.submit(() -> {
                HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
                long events = 0;
                long gaps = 0;
                try (Stream<String> lines = r.body()) {
                    for (String line : (Iterable<String>) lines::iterator) {
                        if (line.startsWith("id: ") && Long.parseLong(line.substring(4)) != ++events) {
                            gaps++;
                        }
                    }
                }
                return new long[] {r.statusCode(), events, gaps};
            }));
        }
        long complete = 0;
        for (Future<long[]> f : clients) {
            long[] got = f.get();
            if (got[0] == 200 && got[1] == sseBatches && got[2] == 0) {
                complete++;
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("%d SSE clients x %d batches of 100 (interval 0.05 s): %d/%d complete and in order, "
                + "%.2f s wall (ideal %.2f s), %.0f lines/s delivered%n", sseClients, sseBatches, complete, sseClients,
                secs, (sseBatches - 1) * 0.05, sseClients * sseBatches * 100 / secs);
        if (complete != sseClients) {
            System.exit(1);
        }
    }

    /**
     * One POST, whole body read, over a kept-alive connection. HttpURLConnection rather than
     * java.net.http: on 2 cores the latter spends about 10 ms of its own reading 5.6 MB (measured
     * against the same server: p50 22-27 ms with java.net.http, 14-16 ms with HttpURLConnection and
     * 14 ms with curl), which would be timed as the server's.
     */
    private static long fetch(URL url, byte[] request) throws Exception {
        HttpURLConnection c = (HttpURLConnection) url.openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(10_000);
        c.setReadTimeout(60_000);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = c.getOutputStream()) {
            out.write(request);
        }
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException("HTTP " + c.getResponseCode());
        }
        long n = 0;
        try (InputStream in = c.getInputStream()) {
            byte[] buf = new byte[65536];
            for (int k; (k = in.read(buf)) != -1; ) {
                n += k;
            }
        }
        return n;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
