package jug.core.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import jug.core.ResultSource;
import jug.core.Task;
import jug.core.TaskKey;
import jug.core.serialization.CorruptResultException;
import jug.core.serialization.ResultCodec;
import jug.core.store.Store;

/**
 * A {@link ResultSource} over a store, for jugfiles with barriers: which tasks are finished comes from one listing
 * of the store (so each evaluation of a jugfile sees one consistent snapshot, and commands reuse it), and values are
 * read and decoded on demand. A corrupt entry is removed, reported, and counts as not finished.
 */
public final class StoredResults implements ResultSource {
    private final Store store;
    private final ResultCodec codec;
    private final Consumer<String> warnings;
    private final CompletableFuture<Set<TaskKey>> listing;

    /**
     * Results in {@code store}; corrupt entries met later are reported to {@code warnings}. The listing of the store
     * starts at once on another thread, so that it overlaps with the jugfile declaring its tasks: for a large graph
     * the two take about as long as each other.
     */
    public StoredResults(Store store, ResultCodec codec, Consumer<String> warnings) {
        this.store = store;
        this.codec = codec;
        this.warnings = warnings;
        this.listing = CompletableFuture.supplyAsync(() -> {
            try {
                return store.keys();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The keys of every stored result, listed once and then remembered. */
    public Set<TaskKey> finished() throws IOException {
        try {
            return listing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public boolean isFinished(TaskKey key) {
        try {
            return finished().contains(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Stored> load(Task<?> task) {
        try {
            Optional<byte[]> entry = store.read(task.key());
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(codec.decode(entry.get())));
        } catch (CorruptResultException e) {
            try {
                removeCorrupt(store, task, e, warnings);
            } catch (IOException removal) {
                throw new UncheckedIOException(removal);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports that {@code task}'s stored result is corrupt, and removes it so that the task is computed again. */
    static void removeCorrupt(Store store, Task<?> task, CorruptResultException e, Consumer<String> warnings)
            throws IOException {
        warnings.accept(store.describe() + ": result " + task.key() + " (" + task.name() + ") is corrupt ("
                + e.getMessage() + "); it will be computed again");
        store.remove(task.key());
    }
}
