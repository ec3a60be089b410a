package jug.backend.redis;

import java.util.concurrent.atomic.AtomicInteger;
import jug.core.store.Store;
import jug.core.store.StoreContract;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The store contract against a Redis in a container, for machines with Docker (other Redis versions than Debian's,
 * say). It runs only when {@code JUG_REDIS_IMAGE} names an image that is already present (such as {@code redis:7});
 * the image is never pulled, since a registry that cannot be reached makes Testcontainers hang for minutes.
 */
@Testcontainers(disabledWithoutDocker = true)
@EnabledIfEnvironmentVariable(named = "JUG_REDIS_IMAGE", matches = ".+",
        disabledReason = "JUG_REDIS_IMAGE names no local Redis image; RedisStoreTest covers the store with redis-server")
class RedisContainerStoreTest extends StoreContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @Container
    static final GenericContainer<?> REDIS = new GenericContainer<>(
            DockerImageName.parse(System.getenv().getOrDefault("JUG_REDIS_IMAGE", "redis:7")))
            .withExposedPorts(6379)
            .withImagePullPolicy(image -> false);

    private String prefix;

    @Override
    protected Store openStore() {
        prefix = "container-" + PREFIXES.incrementAndGet();
        return openSameStore();
    }

    @Override
    protected Store openSameStore() {
        return Store.open("redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379) + "/?prefix=" + prefix, "x");
    }
}
