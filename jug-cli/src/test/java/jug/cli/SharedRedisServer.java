package jug.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import jug.backend.redis.RedisServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One redis-server for every test of a class: register it as a static {@code @RegisterExtension} field. Without the
 * binary the whole class is skipped (or, with {@code JUG_REQUIRE_REDIS=1}, fails), as {@link RedisServer#start} says.
 */
final class SharedRedisServer implements BeforeAllCallback, AfterAllCallback {
    private Path serverDir;
    private RedisServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        serverDir = Files.createTempDirectory("jug-redis");
        server = RedisServer.start(serverDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
        if (serverDir != null) {
            try (Stream<Path> files = Files.walk(serverDir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    RedisServer server() {
        return server;
    }

    /**
     * Makes every jug command in {@code dir} read its --jugdir from {@code dir}/.jugrc, as a user would set it once:
     * this server, with URL query {@code query} ({@code ""} for the default namespace). Returns that URL.
     */
    String useIn(Path dir, String query) throws IOException {
        String url = server.url(query);
        Files.writeString(dir.resolve(".jugrc"), "jugdir = " + url + "\n");
        return url;
    }
}
