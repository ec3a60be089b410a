package jug.core.execution;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jug.core.FunctionTask;
import jug.core.Task;
import jug.core.TaskFailedException;
import jug.core.TaskKey;
import jug.core.serialization.CorruptResultException;
import jug.core.serialization.ResultCodec;
import jug.core.serialization.ResultMetadata;
import jug.core.serialization.UnstorableResultException;
import jug.core.store.LeaseOwner;
import jug.core.store.Store;
import jug.core.store.StoreException;

/**
 * Computes one task into a store entry: loads its inputs (from memory, else from the store), runs its function and
 * encodes the result with its metadata. Keeps results in memory while unfinished tasks still need them, unless
 * unloading aggressively. An input whose stored entry is gone or corrupt is removed and reported, and the task waits
 * until that input is computed again.
 */
final class TaskRunner {
    /** A computed task: its result and the entry to store. */
    record Computed(Object value, byte[] entry, Duration took) {
    }

    private final Store store;
    private final ResultCodec codec;
    private final LeaseOwner owner;
    private final ExecutionListener listener;
    private final boolean aggressiveUnload;
    private final Map<TaskKey, Object> values = new HashMap<>();
    private final Map<TaskKey, Object> staged = new HashMap<>();

    TaskRunner(Store store, ResultCodec codec, LeaseOwner owner, ExecutionListener listener, boolean aggressiveUnload) {
        this.store = store;
        this.codec = codec;
        this.owner = owner;
        this.listener = listener;
        this.aggressiveUnload = aggressiveUnload;
    }

    /**
     * Computes task i, or returns empty if one of its inputs had to be recomputed.
     *
     * @throws TaskFailedException if the task's code threw or its result cannot be stored
     * @throws IOException if the store failed
     */
    Optional<Computed> compute(TaskStates states, int i) throws IOException {
        Task<?> task = states.task(i);
        FunctionTask<?> function = (FunctionTask<?>) task;
        listener.taskStarted(task);
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Object result;
        try {
            result = function.run(dependency -> valueOf(states, dependency));
        } catch (MissingInput lost) {
            return Optional.empty();
        } catch (StoreFailure e) {
            throw e.getCause();
        } catch (StoreException e) {
            throw e; // the store failed while the task read an input: not the task's failure
        } catch (Exception | StackOverflowError | LinkageError e) {
            throw new TaskFailedException(task.name(), function.describe() + " threw " + e, e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        try {
            byte[] entry = codec.encode(result, new ResultMetadata(task.name(), owner.host(), owner.pid(), started, took));
            return Optional.of(new Computed(result, entry, took));
        } catch (UnstorableResultException e) {
            throw new TaskFailedException(task.name(), "the result of " + function.describe() + " " + e.getMessage()
                    + "; return values, collections, arrays or records, or allow the type with @AllowResults on the jugfile "
                    + "class", e);
        }
    }

    /** Keeps a stored result in memory for the tasks that still need it. */
    void remember(TaskKey key, Object value) {
        if (!aggressiveUnload) {
            values.put(key, value);
        }
    }

    /**
     * Keeps a result computed but not stored yet, for the tasks of the same batch that take it as input, until
     * {@link #unstage} (once stored) or {@link #unstageAll} (at the batch's end, stored or not).
     */
    void stage(TaskKey key, Object value) {
        staged.put(key, value);
    }

    void unstage(TaskKey key) {
        staged.remove(key);
    }

    void unstageAll() {
        staged.clear();
    }

    /** Drops a result no unfinished task needs. */
    void forget(TaskKey key) {
        values.remove(key);
    }

    private Object valueOf(TaskStates states, Task<?> dependency) {
        TaskKey key = dependency.key();
        if (values.containsKey(key)) {
            return values.get(key);
        }
        if (staged.containsKey(key)) {
            return staged.get(key);
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
            remember(key, value);
            return value;
        } catch (CorruptResultException e) {
            try {
                StoredResults.removeCorrupt(store, dependency, e, listener::warning);
            } catch (IOException removal) {
                // the input is computed again all the same, and its new result replaces the corrupt one
            }
            states.markUnfinished(at);
            throw new MissingInput();
        } catch (IOException e) {
            throw new StoreFailure(e);
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
