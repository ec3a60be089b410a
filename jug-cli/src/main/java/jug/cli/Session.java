package jug.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jug.core.TaskKey;
import jug.core.execution.GraphState;
import jug.core.execution.StoredResults;
import jug.core.graph.TaskGraph;
import jug.core.jugfile.Evaluation;
import jug.core.jugfile.Jugfile;
import jug.core.serialization.ResultCodec;
import jug.core.store.Store;

/**
 * A loaded jugfile with its store open: what every command works on. {@link #evaluate} runs the jugfile's
 * {@code define} against a fresh snapshot of the store, so barriers see what is finished now.
 */
final class Session implements AutoCloseable {
    /** The default of {@code execute --lease-time}, in seconds. */
    static final int LEASE_SECONDS = 30;

    /**
     * The lease time that commands other than {@code execute} assume for workers (execute's default): a lock
     * unrenewed for twice as long belongs to a worker that is gone.
     */
    static final Duration LEASE_TIME = Duration.ofSeconds(LEASE_SECONDS);

    private final Jugfile jugfile;
    private final Store store;
    private final List<String> args;
    private final Consumer<String> warnings;

    Session(Jugfile jugfile, Store store, List<String> args, Consumer<String> warnings) {
        this.jugfile = jugfile;
        this.store = store;
        this.args = List.copyOf(args);
        this.warnings = warnings;
    }

    Jugfile jugfile() {
        return jugfile;
    }

    Store store() {
        return store;
    }

    List<String> args() {
        return args;
    }

    /** A codec for this jugfile's results; one per thread. */
    ResultCodec codec() {
        return new ResultCodec(jugfile.resultTypes(), jugfile.classLoader());
    }

    /** An evaluation of the jugfile and the snapshot of the store it saw. */
    record Evaluated(Evaluation evaluation, StoredResults results) {
        TaskGraph graph() {
            return evaluation.graph();
        }

        /** True if the jugfile ran to its end, false if it stopped at a barrier whose tasks are not finished. */
        boolean complete() {
            return evaluation.complete();
        }

        /** The keys of every stored result (listed once). */
        Set<TaskKey> finished() throws IOException {
            return results.finished();
        }
    }

    /** Declares the jugfile's tasks, up to the first barrier whose tasks are not finished in the store now. */
    Evaluated evaluate(boolean running) {
        StoredResults results = new StoredResults(store, codec(), warnings);
        return new Evaluated(jugfile.evaluate(args, running, results), results);
    }

    /** The state of every task of an evaluation, with the store's locks listed now. */
    GraphState state(Evaluated evaluated) throws IOException {
        return GraphState.read(evaluated.graph(), evaluated.finished(), store, LEASE_TIME);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
