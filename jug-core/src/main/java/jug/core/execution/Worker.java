package jug.core.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jug.core.Task;
import jug.core.TaskFailedException;
import jug.core.TaskKey;
import jug.core.graph.TaskGraph;
import jug.core.serialization.ResultCodec;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;

/**
 * One worker: runs every task of a graph whose result is not stored yet, whose inputs are, and whose lease it wins,
 * sharing the work with any number of other workers through the store alone. Its loop follows jug's: take the lease,
 * check the store again, run, write, release. When only tasks held by others remain it polls with a short backoff,
 * takes over the locks of workers that died, and stops as soon as everything is finished or nothing can progress.
 * Short tasks are claimed, stored and released in batches (see {@link #run}). Not thread-safe: for N threads, make N
 * workers (each with its own owner and codec).
 */
public final class Worker {
    private static final int MAX_BATCH = 256;

    private final Store store;
    private final TaskRunner runner;
    private final LeaseOwner owner;
    private final ExecutionOptions options;
    private final ExecutionListener listener;
    private final LeaseKeeper keeper;
    private final Map<String, int[]> tally = new HashMap<>();
    private int executed;
    private long nextStopCheck;
    private int batchSize = 1;
    private boolean progressed;
    private boolean othersAhead;
    private long runningNanos;
    private int ranInBatch;
    private String failure;

    public Worker(Store store, ResultCodec codec, LeaseOwner owner, ExecutionOptions options, ExecutionListener listener,
            LeaseKeeper keeper) {
        this.store = store;
        this.runner = new TaskRunner(store, codec, owner, listener, options.aggressiveUnload());
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
            progressed = false;
            Set<Integer> heldElsewhere = new LinkedHashSet<>();
            List<Integer> batch = new ArrayList<>();
            Set<Integer> inBatch = new HashSet<>(); // the batch's tasks, for looking them up
            int first = states.firstUnfinished();
            int span = states.size() - first;
            int offset = (int) (rotation * span);
            for (int k = 0; k < span && failure == null; k++) {
                int i = first + (offset + k) % span;
                if (states.isFinished(i) || states.hasFailed(i)) {
                    continue;
                }
                if (!states.isReady(i) && !readyAfter(states, i, inBatch)) {
                    continue;
                }
                Optional<String> stop = stopReason();
                if (stop.isPresent()) {
                    run(states, batch, inBatch, heldElsewhere);
                    return summary(states, failure == null ? Outcome.STOPPED : Outcome.FAILED,
                            failure == null ? stop.get() : failure);
                }
                batch.add(i);
                inBatch.add(i);
                if (batch.size() >= batchSize) {
                    run(states, batch, inBatch, heldElsewhere);
                }
            }
            run(states, batch, inBatch, heldElsewhere);
            if (failure != null) {
                return summary(states, Outcome.FAILED, failure);
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

    /**
     * Runs a batch of ready tasks, then empties it: claims them in one call, skips those held elsewhere or already
     * finished, computes the rest in order, stores their results and releases their leases. Batching lets a store
     * across a network answer a few round trips per batch rather than per task; the batch doubles while tasks take
     * under a millisecond to compute and falls back to one task as soon as they take longer, so no worker hoards long
     * tasks. (The store's own time does not count: on a slow disk it would keep short tasks one by one.)
     */
    private void run(TaskStates states, List<Integer> batch, Set<Integer> inBatch, Set<Integer> heldElsewhere)
            throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        Map<TaskKey, Integer> positions = new LinkedHashMap<>();
        for (int i : batch) {
            positions.put(states.task(i).key(), i);
        }
        batch.clear();
        inBatch.clear();
        if (othersAhead && skipFinishedElsewhere(states, positions)) {
            return;
        }
        long started = System.nanoTime();
        runningNanos = 0;
        ranInBatch = 0;
        Map<TaskKey, Lease> leases = store.tryLeases(positions.keySet(), owner);
        positions.forEach((key, i) -> {
            if (!leases.containsKey(key)) {
                heldElsewhere.add(i);
            }
        });
        leases.values().forEach(keeper::hold);
        Set<Lease> open = new LinkedHashSet<>(leases.values());
        Map<TaskKey, TaskRunner.Computed> computed = new LinkedHashMap<>();
        try {
            Set<TaskKey> present = store.containing(leases.keySet());
            for (Map.Entry<TaskKey, Integer> position : positions.entrySet()) { // in batch order: inputs first
                Lease lease = leases.get(position.getKey());
                if (lease == null) {
                    continue;
                }
                int i = position.getValue();
                if (present.contains(lease.key())) {
                    finishedElsewhere(states, i);
                    othersAhead = true;
                } else if (failure == null && inputsReady(states, i, computed)) {
                    compute(states, i, lease, open, computed);
                    progressed = true;
                } // else an input was held elsewhere, failed or vanished: release it, and wait as for a held task
                if (System.nanoTime() - started > 100_000_000L) { // a slow batch shows its results early
                    flush(states, positions, computed, open);
                }
            }
        } finally {
            try {
                flush(states, positions, computed, open);
            } finally {
                runner.unstageAll();
            }
            List<Lease> release = new ArrayList<>();
            for (Lease lease : open) {
                if (keeper.drop(lease)) {
                    release.add(lease);
                }
            }
            store.releaseAll(release);
        }
        if (ranInBatch > 0) { // a batch lost to others, or found done, says nothing about how long tasks take
            batchSize = runningNanos / ranInBatch < 1_000_000L ? Math.min(MAX_BATCH, batchSize * 2) : 1;
        }
    }

    /**
     * Once this worker has found results that others stored, it looks for the results of each batch before claiming
     * it: looking is one cheap call, while claiming and releasing costs a write per task, and two workers walking the
     * same tasks would otherwise claim every task the other has done. Removes what it finds from {@code positions};
     * returns true if nothing is left to claim.
     */
    private boolean skipFinishedElsewhere(TaskStates states, Map<TaskKey, Integer> positions) throws IOException {
        othersAhead = takeStored(states, positions);
        return positions.isEmpty();
    }

    /** Computes task i into {@code computed}; on failure, marks it and keeps its lock as a mark if asked. */
    private void compute(TaskStates states, int i, Lease lease, Set<Lease> open,
            Map<TaskKey, TaskRunner.Computed> computed) throws IOException {
        Task<?> task = states.task(i);
        long start = System.nanoTime();
        try {
            runner.compute(states, i).ifPresent(c -> {
                computed.put(task.key(), c);
                runner.stage(task.key(), c.value()); // for the tasks of the batch that take it as input
            });
            runningNanos += System.nanoTime() - start;
            ranInBatch++;
        } catch (TaskFailedException e) {
            count(task, 1);
            states.markFailed(i);
            listener.taskFailed(task, e);
            if (options.keepFailed()) {
                keeper.drop(lease);
                store.fail(lease, oneLine(e.getMessage()));
                open.remove(lease);
            }
            if (!options.keepGoing()) {
                failure = e.getMessage();
            }
        }
    }

    /** Stores what is computed, marks it finished, and releases the leases of everything done so far. */
    private void flush(TaskStates states, Map<TaskKey, Integer> positions, Map<TaskKey, TaskRunner.Computed> computed,
            Set<Lease> open) throws IOException {
        if (computed.isEmpty()) {
            return;
        }
        Map<TaskKey, byte[]> entries = new LinkedHashMap<>();
        computed.forEach((key, c) -> entries.put(key, c.entry()));
        store.writeAll(entries);
        List<Lease> release = new ArrayList<>();
        for (Lease lease : open) {
            if (computed.containsKey(lease.key()) && keeper.drop(lease)) {
                release.add(lease);
            }
        }
        computed.forEach((key, c) -> {
            int i = positions.get(key);
            executed++;
            count(states.task(i), 0);
            runner.unstage(key);
            runner.remember(key, c.value());
            finished(states, i);
            listener.taskFinished(states.task(i), c.took());
        });
        open.removeIf(lease -> computed.containsKey(lease.key()));
        computed.clear();
        store.releaseAll(release);
    }

    /**
     * True if every input of task i that is not finished is in the batch: it can join the batch,
     * which computes it after them (a chain of short tasks is then claimed and stored a batch at a time, not task by
     * task). {@link #inputsReady} checks, before computing it, that they did finish.
     */
    private static boolean readyAfter(TaskStates states, int i, Set<Integer> inBatch) {
        for (int d : states.dependencies(i)) {
            if (!states.isFinished(d) && !inBatch.contains(d)) {
                return false;
            }
        }
        return true;
    }

    /** True if every input of task i is finished or computed in this batch. */
    private static boolean inputsReady(TaskStates states, int i, Map<TaskKey, TaskRunner.Computed> computed) {
        for (int d : states.dependencies(i)) {
            if (!states.isFinished(d) && !computed.containsKey(states.task(d).key())) {
                return false;
            }
        }
        return true;
    }

    /** Looks again at the tasks others held: returns true if any of them is now finished. */
    private boolean refresh(TaskStates states, Set<Integer> heldElsewhere) throws IOException {
        Map<TaskKey, Integer> positions = new LinkedHashMap<>();
        for (int i : heldElsewhere) {
            positions.put(states.task(i).key(), i);
        }
        return takeStored(states, positions);
    }

    /**
     * Marks finished, in one look at the store, those of {@code positions} (key to task position) whose results
     * others stored, and removes them from it; returns true if there were any.
     */
    private boolean takeStored(TaskStates states, Map<TaskKey, Integer> positions) throws IOException {
        Set<TaskKey> present = store.containing(positions.keySet());
        for (TaskKey key : present) {
            finishedElsewhere(states, positions.remove(key));
        }
        return !present.isEmpty();
    }

    /** Task i's result was stored by another worker. */
    private void finishedElsewhere(TaskStates states, int i) {
        finished(states, i);
        listener.taskFinishedElsewhere(states.task(i));
        progressed = true;
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

    private void finished(TaskStates states, int i) {
        for (int released : states.markFinished(i)) {
            runner.forget(states.task(released).key());
        }
        if (states.isNoLongerNeeded(i)) {
            runner.forget(states.task(i).key());
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

    /** Counts a task of {@code task}'s name as executed here (column 0) or failed here (column 1). */
    private void count(Task<?> task, int column) {
        tally.computeIfAbsent(task.name(), n -> new int[2])[column]++;
    }

    /** Per name: executed and failed here, and "loaded": finished, but not by this worker. */
    private ExecutionSummary summary(TaskStates states, Outcome outcome, String reason) {
        Map<String, Integer> finished = new HashMap<>();
        for (int i = 0; i < states.size(); i++) {
            finished.merge(states.task(i).name(), states.isFinished(i) ? 1 : 0, Integer::sum);
        }
        Map<String, ExecutionSummary.Counts> perName = new HashMap<>();
        finished.forEach((name, done) -> {
            int[] c = tally.getOrDefault(name, new int[2]);
            perName.put(name, new ExecutionSummary.Counts(c[0], done - c[0], c[1]));
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
}
