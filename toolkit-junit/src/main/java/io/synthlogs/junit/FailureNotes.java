package io.synthlogs.junit;

import io.synthlogs.format.LogFormat;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/** What a failed test that received synthetic logs carries: the reproduction note and the attached streams. */
final class FailureNotes {
    /** Streams longer than this are not attached to a failed test as a file. */
    static final int ATTACHED_LINES_MAX = 1_000_000;
    private static final MediaType JSON_LINES = MediaType.create("application", "x-ndjson", StandardCharsets.UTF_8);

    private FailureNotes() {}

    /**
     * {@code failure} with the reproduction of every stream the test received (its own, its class's
     * and any enclosing class's) suppressed in it, and each stream attached as a file. A test that
     * aborted (an assumption failed) is left as it is: it did not fail.
     */
    static Throwable annotate(ExtensionContext context, Throwable failure) {
        List<Seen> seen = streamsVisibleFrom(context);
        if (seen.isEmpty() || failure instanceof TestAbortedException) {
            return failure;
        }
        Map<Generated, String> attached = new IdentityHashMap<>();
        List<String> names = new ArrayList<>();
        for (Seen s : seen) {
            Generated generated = s.generated();
            String earlier = s.owner().attachment(generated);
            if (earlier != null) {
                // A class's or a factory's stream, attached at an earlier failure: named, not copied again.
                attached.put(generated, earlier);
                continue;
            }
            if (generated.lines().count() > ATTACHED_LINES_MAX) {
                continue; // gigabytes help no one; the seed lines reproduce the data
            }
            String file = unique("synthlogs-" + generated.fileStem(), names) + ".jsonl";
            try {
                context.publishFile(file, JSON_LINES, path -> {
                    generated.lines().writeTo(path, LogFormat.JSON);
                    String where = path.toAbsolutePath().toString();
                    attached.put(generated, where);
                    s.owner().attached(generated, where);
                });
            } catch (RuntimeException e) {
                // No report directory in this launcher: the seed lines still reproduce the data.
            }
        }
        List<Generated> streams = seen.stream().map(Seen::generated).toList();
        failure.addSuppressed(SyntheticLogsReproduction.of(streams, nearest(context, ExtensionContext::getTestClass)
                .map(Class::getName).orElse("*"), nearest(context, ExtensionContext::getTestMethod).map(Method::getName)
                .orElse("*"), attached, Layer.configurationParameters(context)));
        return failure;
    }

    /** A stream a test saw, and the state of the context that made it. */
    private record Seen(TestState owner, Generated generated) {}

    /** The streams of this context and those enclosing it, the outermost first. */
    private static List<Seen> streamsVisibleFrom(ExtensionContext context) {
        List<Seen> seen = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            TestState state = c.get().getStore(SyntheticLogsExtension.NAMESPACE).get(c.get().getUniqueId(), TestState.class);
            if (state != null) {
                seen.addAll(0, state.streams().stream().map(g -> new Seen(state, g)).toList());
            }
        }
        return seen;
    }

    /** What the closest context that has it says: a dynamic test's own context has no class or method. */
    private static <T> Optional<T> nearest(ExtensionContext context, Function<ExtensionContext, Optional<T>> get) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<T> found = get.apply(c.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, … when taken; recorded as taken. */
    private static String unique(String base, List<String> taken) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        taken.add(name);
        return name;
    }
}
