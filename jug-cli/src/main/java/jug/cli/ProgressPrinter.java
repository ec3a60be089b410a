package jug.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.execution.ExecutionListener;

/**
 * Shows what workers do on standard error: on a terminal, one line rewritten in place (done/total, running, rate,
 * ETA); otherwise a plain log line every few seconds, so batch logs stay short. Failures and warnings always get a
 * line of their own. Safe to call from several worker threads.
 */
final class ProgressPrinter implements ExecutionListener {
    private final PrintWriter err;
    private final boolean terminal;
    private final boolean verbose;
    private final long started = System.nanoTime();
    private final long interval;
    private final Set<TaskKey> finishedNow = ConcurrentHashMap.newKeySet();
    private final AtomicInteger running = new AtomicInteger();
    private volatile int total;
    private volatile int finishedAtStart;
    private int computedBefore;
    private long lastPrint;
    private boolean lineOpen;

    ProgressPrinter(PrintWriter err, boolean terminal, boolean verbose) {
        this.err = err;
        this.terminal = terminal;
        this.verbose = verbose;
        this.interval = terminal ? 100_000_000L : 10_000_000_000L;
    }

    /**
     * A new round of work (the first, or one after a barrier) on {@code total} tasks, {@code finished} of which are
     * already done. Called once per round by the command, however many workers run it.
     */
    synchronized void round(int total, int finished) {
        computedBefore += finishedNow.size();
        finishedNow.clear();
        this.total = total;
        this.finishedAtStart = finished;
        print(true);
    }

    @Override
    public void taskStarted(Task<?> task) {
        running.incrementAndGet();
        if (verbose) {
            log("executing " + task.name() + "@" + task.key().shortHex());
        }
    }

    @Override
    public void taskFinished(Task<?> task, Duration took) {
        running.decrementAndGet();
        finishedNow.add(task.key());
        print(false);
    }

    @Override
    public void taskFinishedElsewhere(Task<?> task) {
        finishedNow.add(task.key());
        print(false);
    }

    @Override
    public void taskFailed(Task<?> task, Throwable cause) {
        running.decrementAndGet();
        log("FAILED " + cause.getMessage());
    }

    @Override
    public void warning(String message) {
        log("warning: " + message);
    }

    /** Ends the progress line, so that what follows starts on a fresh line. */
    synchronized void finish() {
        print(true);
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
        err.flush();
    }

    private synchronized void log(String message) {
        if (lineOpen) {
            err.print("\r\033[K");
            lineOpen = false;
        }
        err.println("jug: " + message);
        err.flush();
    }

    private synchronized void print(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPrint < interval) {
            return;
        }
        lastPrint = now;
        int d = finishedAtStart + finishedNow.size();
        double seconds = (now - started) / 1e9;
        int computed = computedBefore + finishedNow.size();
        double rate = seconds > 0 ? computed / seconds : 0;
        String eta = rate > 0 && total > d ? ", ETA " + format(Duration.ofMillis((long) ((total - d) / rate * 1000))) : "";
        String line = String.format("%d/%d tasks done, %d running, %.0f tasks/s%s", d, total, running.get(), rate, eta);
        if (terminal) {
            err.print("\r\033[K" + line);
            lineOpen = true;
        } else {
            err.println("jug: " + line);
        }
        err.flush();
    }

    private static String format(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s < 3600 ? (s / 60) + "m" + (s % 60) + "s" : (s / 3600) + "h" + (s % 3600 / 60) + "m";
    }
}
