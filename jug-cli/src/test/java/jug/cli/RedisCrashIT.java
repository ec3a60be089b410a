package jug.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link CrashIT}'s killed, hung and stopped workers, on a Redis store: their locks are taken over the same way. */
class RedisCrashIT extends CrashIT {
    @RegisterExtension
    static final SharedRedisServer redis = new SharedRedisServer();
    private String jugdir;

    @BeforeEach
    void useRedis() throws Exception {
        jugdir = redis.useIn(dir, "");
    }

    @Override
    String jugdir() {
        return jugdir;
    }
}
