package jug.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ExactlyOnceIT}'s workers, sharing a Redis store (each test's jugfile in its own default namespace). */
class RedisExactlyOnceIT extends ExactlyOnceIT {
    @RegisterExtension
    static final SharedRedisServer redis = new SharedRedisServer();

    /** Every jug command in the test's directory reads its --jugdir from .jugrc, as a user would set it once. */
    @BeforeEach
    void useRedis() throws Exception {
        redis.useIn(dir, "");
    }
}
