package jug.backend.redis;

import java.net.URI;
import java.util.Set;
import jug.core.store.Store;
import jug.core.store.StoreProvider;

/**
 * Serves {@code redis://} and {@code rediss://} (TLS) locations; see {@link RedisUrl} for their form. The pipeline's
 * project name becomes the namespace of its keys unless the URL gives a {@code prefix}.
 */
public final class RedisStoreProvider implements StoreProvider {
    @Override
    public String scheme() {
        return "redis";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("rediss");
    }

    @Override
    public Store open(URI location, String project) {
        return RedisStore.open(RedisUrl.parse(location, System.getenv()), project);
    }
}
