import io.synthlogs.server.ServerLimits;
import io.synthlogs.server.ServerOptions;
import io.synthlogs.server.SynthServer;

/**
 * What {@code synthlogs serve --port 0 --seed 1} does, with the stream limit raised for the 100-client SSE
 * check (the CLI has no flag for it). Run on the CLI jar's classpath by generate-latency.sh.
 * Usage: java -cp synthlogs.jar BenchServer.java SEED MAX_STREAMS
 */
public class BenchServer {
    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.builder().seed(Long.parseLong(args[0])).port(0)
                .limits(ServerLimits.defaults().withMaxStreams(Integer.parseInt(args[1]))).build();
        System.exit(SynthServer.create(options).runUntilStopped(System.err));
    }
}
