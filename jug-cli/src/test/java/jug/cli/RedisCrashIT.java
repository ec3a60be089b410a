package jug.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import jug.backend.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashIT}'s killed, hung and stopped workers, on a Redis store: their locks are taken over the same way. */
class RedisCrashIT extends CrashIT {
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

    @BeforeEach
    void useRedis() throws Exception {
        Files.writeString(dir.resolve(".jugrc"), "jugdir = " + server.url("") + "\n");
    }
}
