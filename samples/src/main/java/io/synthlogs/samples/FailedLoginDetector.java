package io.synthlogs.samples;

import io.synthlogs.LogEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags refused logins from an address that was refused at least {@code threshold} times within the
 * last {@code window} lines: the classic brute-force counter per client IP. Refused: 401 (bad
 * credentials), and once the attack is noticed, 423 (account locked) or 429 (too many attempts).
 */
public final class FailedLoginDetector {
    public static final int DEFAULT_WINDOW = 300;
    public static final int DEFAULT_THRESHOLD = 3;
    private static final Set<Integer> REFUSED = Set.of(401, 423, 429);

    private final int window;
    private final int threshold;

    public FailedLoginDetector() {
        this(DEFAULT_WINDOW, DEFAULT_THRESHOLD);
    }

    public FailedLoginDetector(int window, int threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    /** The indexes of the flagged lines. */
    public Set<Long> scan(List<LogEntry> lines) {
        Set<Long> flagged = new TreeSet<>();
        Map<String, Deque<Long>> failures = new HashMap<>();
        for (LogEntry line : lines) {
            if (line.ipAddress() == null || line.statusCode() == null || !REFUSED.contains(line.statusCode())) {
                continue;
            }
            Deque<Long> recent = failures.computeIfAbsent(line.ipAddress(), ip -> new ArrayDeque<>());
            recent.addLast(line.index());
            while (recent.peekFirst() < line.index() - window) {
                recent.removeFirst();
            }
            if (recent.size() >= threshold) {
                flagged.add(line.index());
            }
        }
        return flagged;
    }
}
