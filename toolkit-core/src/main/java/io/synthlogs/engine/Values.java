package io.synthlogs.engine;

import io.synthlogs.format.FixedText;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LineFields;

/**
 * The values lines are made of (addresses, request ids, users, nodes, pods, versions), each drawn from
 * the content stream and written straight into a buffer. The string forms serve anomaly patterns,
 * which draw a few values once per episode.
 */
final class Values {
    private static final int[] ATTACKER_NETWORKS = {45, 91, 103, 185, 193, 194};
    private static final FixedText PRIVATE_NETWORK = FixedText.ascii("10.");
    private static final FixedText USER = FixedText.ascii("user_");
    private static final FixedText NODE = FixedText.ascii("node-");

    private final Rng rng;
    private final Words upstreams;
    private final LineBuffer scratch = new LineBuffer(128);

    Values(Rng contentRng, String[] upstreams) {
        this.rng = contentRng;
        this.upstreams = new Words(upstreams.length == 0 ? Vocabulary.UPSTREAMS : upstreams);
    }

    /** One of the application services (or stand-ins when there are none); returns its text flags. */
    int upstream(LineBuffer a) {
        return upstreams.appendAny(a, rng);
    }

    /** A client address: private or public, or always private for {@code internal} clients (a database's). */
    void ip(LineBuffer a, boolean internal) {
        if (internal || rng.chance(0.6)) {
            a.put(PRIVATE_NETWORK).number(rng.between(0, 31)).append('.').number(rng.between(0, 255)).append('.')
                    .number(rng.between(2, 254));
        } else {
            int first = rng.between(23, 222);
            a.number(first < 127 ? first : first + 1).append('.').number(rng.between(0, 255)).append('.') // never loopback
                    .number(rng.between(0, 255)).append('.').number(rng.between(1, 254));
        }
    }

    void user(LineBuffer a) {
        a.put(USER).number(rng.between(1000, 9999));
    }

    /** The nodes of the simulated cluster: node-1 to node-12. */
    static final int CLUSTER_NODES = 12;

    void node(LineBuffer a) {
        a.put(NODE).number(rng.between(1, CLUSTER_NODES));
    }

    /** A pod of one of the application workloads: infrastructure reports on them, not on itself. */
    int workloadPod(LineBuffer a) {
        int flags = upstreams.appendAny(a, rng);
        podSuffix(a);
        return flags;
    }

    int pod(LineBuffer a, String service) {
        int flags = a.text(service);
        podSuffix(a);
        return flags;
    }

    /** What follows a workload's name in the name of one of its pods. */
    void podSuffix(LineBuffer a) {
        a.append('-').hex(rng.nextLong(), 9).append('-').hex(rng.nextLong(), 5);
    }

    void uuid(LineBuffer a) {
        a.uuid(uuidHigh(), uuidLow());
    }

    /** A request id the message does not show: drawn as {@link #uuid}, written only where a format shows it. */
    void requestId(LineFields out) {
        out.bits(LineFields.REQUEST_ID, uuidHigh(), uuidLow());
    }

    /** A version-4 UUID's high bits; draw them before {@link #uuidLow} (arguments are evaluated left to right). */
    private long uuidHigh() {
        return (rng.nextLong() & ~0xF000L) | 0x4000L;
    }

    private long uuidLow() {
        return (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    }

    void version(LineBuffer a) {
        a.number(rng.between(1, 4)).append('.').number(rng.between(0, 20)).append('.').number(rng.between(0, 9));
    }

    /** A public address an attack comes from. */
    String attackerIp() {
        scratch.reset();
        scratch.number(rng.pick(ATTACKER_NETWORKS)).append('.').number(rng.between(0, 255)).append('.')
                .number(rng.between(0, 255)).append('.').number(rng.between(1, 254));
        return scratch.toString();
    }

    String user() {
        scratch.reset();
        user(scratch);
        return scratch.toString();
    }

    String endpoint(Endpoints choices) {
        scratch.reset();
        int flags = choices.appendAny(scratch, rng);
        return LineBuffer.decode(scratch.array(), 0, scratch.length(), flags);
    }

    String node() {
        scratch.reset();
        node(scratch);
        return scratch.toString();
    }

    String pod(String service) {
        scratch.reset();
        int flags = pod(scratch, service);
        return LineBuffer.decode(scratch.array(), 0, scratch.length(), flags);
    }

    String workloadPod() {
        scratch.reset();
        int flags = workloadPod(scratch);
        return LineBuffer.decode(scratch.array(), 0, scratch.length(), flags);
    }

    static String hex(Rng rng, int digits) {
        LineBuffer b = new LineBuffer(32);
        for (int left = digits; left > 0; left -= 16) {
            b.hex(rng.nextLong(), Math.min(16, left));
        }
        return b.toString();
    }
}
