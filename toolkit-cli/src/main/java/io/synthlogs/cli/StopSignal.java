package io.synthlogs.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM ask the run to stop: it finishes the current line, flushes, closes every file and
 * exits 0. A second signal exits at once with 130. Previous handlers are restored afterwards, so
 * in-process callers keep theirs.
 */
@SuppressWarnings("sunapi")
final class StopSignal {
    private static final int SECOND_SIGNAL_EXIT = 130;
    private static final String[] SIGNALS = {"INT", "TERM"};

    private volatile boolean requested;
    /** A signal came: a second one exits at once. */
    private volatile boolean signalled;
    private final Runnable onStop;
    private final Object sleeper = new Object();
    private final List<Object[]> previous = new ArrayList<>();

    private StopSignal(Runnable onStop) {
        this.onStop = onStop;
    }

    static StopSignal install() {
        return install(() -> {});
    }

    /** Installs the handlers; {@code onStop} runs on the first signal, on the signal thread. */
    static StopSignal install(Runnable onStop) {
        StopSignal stop = new StopSignal(onStop);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, s -> stop.onSignal());
                stop.previous.add(new Object[] {signal, old});
            } catch (IllegalArgumentException e) {
                // The platform lacks this signal or reserves it: nothing to handle.
            }
        }
        return stop;
    }

    void uninstall() {
        for (Object[] pair : previous) {
            Signal.handle((Signal) pair[0], (SignalHandler) pair[1]);
        }
    }

    private void onSignal() {
        if (signalled) {
            Runtime.getRuntime().halt(SECOND_SIGNAL_EXIT);
        }
        signalled = true;
        request();
        onStop.run();
    }

    /**
     * Asks the run to stop as a signal does, for a reason of its own (its standard output went away
     * beside files); a signal after it is still the first.
     */
    void request() {
        requested = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    boolean requested() {
        return requested;
    }

    /** Waits between batches; a stop request ends the wait early. */
    void sleep(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        synchronized (sleeper) {
            while (!requested) {
                long left = (until - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                try {
                    sleeper.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
