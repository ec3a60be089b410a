package jug.cli;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import jug.core.TaskKey;
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

    /** A codec for this jugfile's results; one per thread. */
    ResultCodec codec() {
        return new ResultCodec(jugfile.resultTypes(), jugfile.classLoader());
    }

    /** An evaluation of the jugfile and the snapshot of the store it saw. */
    record Evaluated(Evaluation evaluation, StoredResults results) {
        TaskGraph graph() {
            return evaluation.graph();
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

    @Override
    public void close() throws IOException {
        store.close();
    }
}
