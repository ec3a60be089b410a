package jug.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import jug.backend.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExactlyOnceIT}'s workers, sharing a Redis store (each test's jugfile in its own default namespace). */
class RedisExactlyOnceIT extends ExactlyOnceIT {
    private static RedisServer server;

    @BeforeAll
    static void startServer(@TempDir Path serverDir) throws Exception {
        server = RedisServer.start(serverDir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Every jug command in the test's directory reads its --jugdir from .jugrc, as a user would set it once. */
    @BeforeEach
    void useRedis() throws Exception {
        Files.writeString(dir.resolve(".jugrc"), "jugdir = " + server.url("") + "\n");
    }
}
