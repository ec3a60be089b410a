package jug.core.store;

import java.net.URI;

/**
 * Makes stores for one URL scheme. A backend lists its provider in
 * {@code META-INF/services/jug.core.store.StoreProvider}; {@link Store#open} picks the provider by scheme.
 */
public interface StoreProvider {
    /** The scheme this provider serves, such as {@code file} or {@code redis}. */
    String scheme();

    /** Other schemes it also serves (such as {@code rediss} for TLS), none by default. */
    default java.util.Set<String> aliases() {
        return java.util.Set.of();
    }

    /**
     * Opens the store at {@code location} for the pipeline {@code project} (a stable name such as the jugfile's
     * absolute path, which a store shared between pipelines uses to keep their keys apart).
     *
     * @throws StoreException if it cannot be opened; the message names the store and the reason
     */
    Store open(URI location, String project);
}
