package jug.backend.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import jug.core.store.Store;
import jug.core.store.StoreException;
import jug.core.store.StoreProvider;

/**
 * Serves {@code file:} locations (and bare paths, which {@link Store#open} turns into {@code file:} URIs). A directory
 * belongs to one pipeline, so the project name is not needed.
 */
public final class FileStoreProvider implements StoreProvider {
    @Override
    public String scheme() {
        return "file";
    }

    @Override
    public Store open(URI location, String project) {
        Path root = Path.of(location);
        try {
            return FileStore.open(root);
        } catch (IOException e) {
            throw new StoreException(root + ": cannot open the store: " + e.getMessage(), e);
        }
    }
}
