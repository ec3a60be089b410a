package jug.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ScenariosIT}, Python jug's acceptance scenarios, on a Redis store (each test in a namespace of its own). The
 * scenarios that count locks and failure marks read them from the server, through the store's listing.
 */
class RedisScenariosIT extends ScenariosIT {
    @RegisterExtension
    static final SharedRedisServer redis = new SharedRedisServer();
    private static int projects;
    private String jugdir;

    @BeforeEach
    void useRedis() throws Exception {
        jugdir = redis.useIn(dir, "prefix=scenario-" + ++projects);
    }

    @Override
    String jugdir() {
        return jugdir;
    }
}
