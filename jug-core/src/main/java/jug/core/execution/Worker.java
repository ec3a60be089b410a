package jug.core.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jug.core.FunctionTask;
import jug.core.Task;
import jug.core.TaskFailedException;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.serialization.CorruptResultException;
import jug.core.serialization.ResultCodec;
import jug.core.serialization.ResultMetadata;
import jug.core.serialization.UnstorableResultException;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;

/**
 * One worker: runs every task of a graph whose result is not stored yet, whose inputs are, and whose lease it wins,
 * sharing the work with any number of other workers through the store alone. Its loop follows jug's: take the lease,
 * check the store again, run, write, release in {@code finally}. When only tasks held by others remain it polls with
 * a short backoff, takes over the locks of workers that died, and stops as soon as everything is finished or nothing
 * can progress. Not thread-safe: for N threads, make N workers (each with its own owner and codec).
 */
public final class Worker {
    private final Store store;
    private final ResultCodec codec;
    private final LeaseOwner owner;
    private final ExecutionOptions options;
    private final ExecutionListener listener;
    private final LeaseKeeper keeper;
    private final Map<TaskKey, Object> values = new HashMap<>();
    private final Map<String, int[]> tally = new HashMap<>();
    private int executed;
    private long nextStopCheck;

    public Worker(Store store, ResultCodec codec, LeaseOwner owner, ExecutionOptions options, ExecutionListener listener,
            LeaseKeeper keeper) {
        this.store = store;
        this.codec = codec;
        this.owner = owner;
        this.options = options;
        this.listener = listener;
        this.keeper = keeper;
    }

    /**
     * Runs the graph until every task is finished, a task fails, nothing can progress, or a limit is reached.
     * {@code stored} is a recent listing of the store's keys (it need not be current: every task is checked again
     * once its lease is won).
     */
    public ExecutionSummary execute(TaskGraph graph, Set<TaskKey> stored) throws IOException {
        TaskStates states = new TaskStates(graph, stored);
        listener.started(states.size(), states.size() - states.unfinished());
        LockWatch watch = new LockWatch(store, options.leaseTime());
        double rotation = ThreadLocalRandom.current().nextDouble(); // workers start at different places: less contention
        long pauseMillis = 1;
        while (states.unfinished() > 0) {
            boolean progressed = false;
            Set<Integer> heldElsewhere = new LinkedHashSet<>();
            int first = states.firstUnfinished();
            int span = states.size() - first;
            int offset = (int) (rotation * span);
            for (int k = 0; k < span; k++) {
                int i = first + (offset + k) % span;
                if (states.isFinished(i) || states.hasFailed(i) || !states.isReady(i)) {
                    continue;
                }
                Optional<String> stop = stopReason();
                if (stop.isPresent()) {
                    return summary(states, Outcome.STOPPED, stop.get());
                }
                Task<?> task = states.task(i);
                Optional<Lease> lease = store.tryLease(task.key(), owner);
                if (lease.isEmpty()) {
                    heldElsewhere.add(i);
                    continue;
                }
                keeper.hold(lease.get());
                boolean keepLock = false;
                try {
                    if (store.contains(task.key())) {
                        finishedElsewhere(states, i);
                        continue;
                    }
                    try {
                        compute(states, i);
                        progressed = true;
                    } catch (TaskFailedException failure) {
                        count(task, 2);
                        states.markFailed(i);
                        listener.taskFailed(task, failure);
                        if (options.keepFailed()) {
                            store.fail(lease.get(), oneLine(failure.getMessage()));
                            keepLock = true;
                        }
                        if (!options.keepGoing()) {
                            return summary(states, Outcome.FAILED, failure.getMessage());
                        }
                        progressed = true;
                    }
                } finally {
                    keeper.drop(lease.get());
                    if (!keepLock) {
                        store.release(lease.get());
                    }
                }
            }
            if (states.unfinished() == 0 || progressed || refresh(states, heldElsewhere)) {
                pauseMillis = 1;
                continue;
            }
            LockWatch.View view = watch.look(keysOf(states, heldElsewhere));
            view.broken().forEach(listener::warning);
            if (!view.broken().isEmpty()) {
                continue;
            }
            Optional<String> blocked = blockage(states, view.failed());
            if (blocked.isPresent()) {
                return summary(states, Outcome.BLOCKED, blocked.get());
            }
            listener.waiting(heldElsewhere.size());
            sleep(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, options.maxPoll().toMillis());
        }
        return summary(states, Outcome.FINISHED, "");
    }

    /** Computes task i and stores its result, unless an input turns out to be missing or corrupt. */
    private void compute(TaskStates states, int i) throws IOException {
        Task<?> task = states.task(i);
        FunctionTask<?> function = (FunctionTask<?>) task;
        listener.taskStarted(task);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Object result;
        try {
            result = function.run(dependency -> valueOf(states, dependency));
        } catch (MissingInput lost) {
            return;
        } catch (StoreFailure e) {
            throw e.getCause();
        } catch (Exception | StackOverflowError | LinkageError e) {
            throw new TaskFailedException(task.name(), function.describe() + " threw " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        byte[] entry;
        try {
            entry = codec.encode(result, new ResultMetadata(task.name(), owner.host(), owner.pid(), started, took));
        } catch (UnstorableResultException e) {
            throw new TaskFailedException(task.name(), "the result of " + function.describe() + " " + e.getMessage()
                    + "; return values, collections, arrays or records (or allow the type in the jugfile)", e);
        }
        store.write(task.key(), entry);
        executed++;
        count(task, 0);
        if (!options.aggressiveUnload()) {
            values.put(task.key(), result);
        }
        finished(states, i);
        listener.taskFinished(task, took);
    }

    private Object valueOf(TaskStates states, Task<?> dependency) {
        TaskKey key = dependency.key();
        if (values.containsKey(key)) {
            return values.get(key);
        }
        int at = states.indexOf(key);
        try {
            Optional<byte[]> entry = store.read(key);
            if (entry.isEmpty()) {
                listener.warning("the result of " + dependency.name() + " (" + key.shortHex() + ") disappeared from the"
                        + " store; it will be computed again");
                states.markUnfinished(at);
                throw new MissingInput();
            }
            Object value = codec.decode(entry.get());
            if (!options.aggressiveUnload()) {
                values.put(key, value);
            }
            return value;
        } catch (CorruptResultException e) {
            listener.warning(store.describe() + ": result " + key + " (" + dependency.name() + ") is corrupt ("
                    + e.getMessage() + "); it will be computed again");
            try {
                store.remove(key);
            } catch (IOException removal) {
                e.addSuppressed(removal);
            }
            states.markUnfinished(at);
            throw new MissingInput();
        } catch (IOException e) {
            throw new StoreFailure(e);
        }
    }

    /** Looks again at the tasks others held: returns true if any of them is now finished. */
    private boolean refresh(TaskStates states, Set<Integer> heldElsewhere) throws IOException {
        boolean changed = false;
        for (int i : heldElsewhere) {
            if (store.contains(states.task(i).key())) {
                finishedElsewhere(states, i);
                changed = true;
            }
        }
        return changed;
    }

    private Optional<String> blockage(TaskStates states, Set<TaskKey> failedElsewhere) {
        boolean[] blocked = states.blocked(failedElsewhere);
        int stuck = 0;
        int failed = 0;
        for (int i = 0; i < states.size(); i++) {
            if (!states.isFinished(i)) {
                if (!blocked[i]) {
                    return Optional.empty();
                }
                stuck++;
                failed += states.hasFailed(i) || failedElsewhere.contains(states.task(i).key()) ? 1 : 0;
            }
        }
        return Optional.of(stuck + " unfinished task" + (stuck == 1 ? "" : "s") + " cannot run: " + failed
                + " failed and " + (stuck - failed) + " need a task that failed"
                + (failedElsewhere.isEmpty() ? "" : " (" + failedElsewhere.size()
                        + " marked failed in the store; `jug cleanup --failed-only` clears the marks)"));
    }

    private void finishedElsewhere(TaskStates states, int i) {
        finished(states, i);
        listener.taskFinishedElsewhere(states.task(i));
    }

    private void finished(TaskStates states, int i) {
        for (int released : states.markFinished(i)) {
            values.remove(states.task(released).key());
        }
        if (states.isNoLongerNeeded(i)) {
            values.remove(states.task(i).key());
        }
    }

    private Optional<String> stopReason() {
        if (options.maxTasks() > 0 && executed >= options.maxTasks()) {
            return Optional.of("executed " + executed + " tasks, the limit set by JUG_MAX_TASKS");
        }
        long now = System.nanoTime();
        if (now < nextStopCheck) {
            return Optional.empty();
        }
        nextStopCheck = now + 50_000_000L; // a stat per task would cost more than a trivial task
        if (options.deadline().isPresent() && Instant.now().isAfter(options.deadline().get())) {
            return Optional.of("reached the time limit set by JUG_MAX_HOURS/MINUTES/SECONDS");
        }
        for (Path stopFile : options.stopFiles()) {
            if (Files.exists(stopFile)) {
                return Optional.of("found the stop file " + stopFile);
            }
        }
        return Optional.empty();
    }

    private void count(Task<?> task, int column) {
        tally.computeIfAbsent(task.name(), n -> new int[3])[column]++;
    }

    /** Per name: executed and failed here, and "loaded": finished, but not by this worker. */
    private ExecutionSummary summary(TaskStates states, Outcome outcome, String reason) {
        Map<String, Integer> finished = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            finished.merge(states.task(i).name(), states.isFinished(i) ? 1 : 0, Integer::sum);
        }
        Map<String, ExecutionSummary.Counts> perName = new HashMap<>();
        finished.forEach((name, done) -> {
            int[] c = tally.getOrDefault(name, new int[3]);
            perName.put(name, new ExecutionSummary.Counts(c[0], done - c[0], c[2]));
        });
        return new ExecutionSummary(outcome, reason, perName);
    }

    private static Set<TaskKey> keysOf(TaskStates states, Set<Integer> positions) {
        Set<TaskKey> keys = new HashSet<>();
        for (int i : positions) {
            keys.add(states.task(i).key());
        }
        return keys;
    }

    private static String oneLine(String message) {
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for other workers", e);
        }
    }

    /** Reading an input from the store failed: a store problem, not the task's. */
    private static final class StoreFailure extends RuntimeException {
        StoreFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** An input's stored result vanished or was corrupt: the task waits until it is computed again. */
    private static final class MissingInput extends RuntimeException {
        MissingInput() {
            super(null, null, false, false);
        }
    }
}
