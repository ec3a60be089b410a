package jug.backend.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} (Debian's package) for tests, on a free 127.0.0.1 port, with no persistence unless
 * asked ({@code --save '' --appendonly no}), its files in a temporary directory. Without the binary, {@link #start}
 * skips the test with a one-line reason, unless {@code JUG_REQUIRE_REDIS=1} (CI), where it fails.
 */
public final class RedisServer implements AutoCloseable {
    private final Path dir;
    private final List<String> options;
    private final int port;
    private final boolean tls;
    private Process process;
    private String password;

    private RedisServer(Path dir, List<String> options, int port, boolean tls) {
        this.dir = dir;
        this.options = List.copyOf(options);
        this.port = port;
        this.tls = tls;
    }

    /** Starts a server with files in {@code dir} and extra {@code options} ({@code "--appendonly", "yes"}, say). */
    public static RedisServer start(Path dir, String... options) throws IOException, InterruptedException {
        return start(dir, false, options);
    }

    /**
     * Starts a server that speaks only TLS on its port, with the given certificate and key, trusting {@code ca} for
     * client certificates (which it does not require).
     */
    public static RedisServer startTls(Path dir, Path certificate, Path key, Path ca)
            throws IOException, InterruptedException {
        return start(dir, true, "--tls-cert-file", certificate.toString(), "--tls-key-file", key.toString(),
                "--tls-ca-cert-file", ca.toString(), "--tls-auth-clients", "no");
    }

    private static RedisServer start(Path dir, boolean tls, String... options) throws IOException, InterruptedException {
        String binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisServer server = new RedisServer(dir, List.of(options), freePort(), tls);
            try {
                server.launch(binary);
                return server;
            } catch (IOException e) { // another process took the port meanwhile
                last = e;
            }
        }
        throw last;
    }

    /** The redis-server binary, or a skipped (or, with JUG_REQUIRE_REDIS=1, failed) test. */
    static String binary() {
        String configured = System.getenv("JUG_REDIS_SERVER");
        List<String> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            candidates.add(dir + "/redis-server");
        }
        candidates.addAll(List.of("/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server"));
        for (String candidate : candidates) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String reason = "redis-server is not installed (apt-get install redis-server): Redis tests skipped";
        if ("1".equals(System.getenv("JUG_REQUIRE_REDIS"))) {
            Assertions.fail(reason.replace("skipped", "required by JUG_REQUIRE_REDIS=1"));
        }
        Assumptions.abort(reason);
        return null;
    }

    private void launch(String binary) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--daemonize", "no", "--dir", dir.toString()));
        command.addAll(tls ? List.of("--port", "0", "--tls-port", Integer.toString(port))
                : List.of("--port", Integer.toString(port)));
        command.addAll(options);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis-" + port + ".log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis-" + port + ".log")));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(5);
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on port " + port + " within 20 s");
    }

    /** True if the server answers PING (or refuses it for want of a password: it is up either way). */
    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            if (tls) {
                return true; // listening is enough: PING would need a TLS handshake
            }
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            int first = in.read();
            if (first == '-') {
                byte[] rest = in.readNBytes(8);
                return !new String(rest, StandardCharsets.US_ASCII).startsWith("LOADING");
            }
            return first == '+';
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:port/}, followed by {@code query} if not empty. */
    public String url(String query) {
        return "redis://127.0.0.1:" + port + "/" + (query.isEmpty() ? "" : "?" + query);
    }

    /** Runs {@code f} on a fresh connection (authenticated with {@link #requirePassword}'s password, if set). */
    public <T> T with(Function<Jedis, T> f) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            if (password != null) {
                jedis.auth(password);
            }
            return f.apply(jedis);
        }
    }

    /** Makes the server require {@code password} from the default user from now on. */
    public void requirePassword(String password) {
        with(j -> j.configSet("requirepass", password));
        this.password = password;
    }

    /** Stops the server as an administrator would (SIGTERM: it saves its append-only file, if any, and exits). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts the server again on the same port, with the same options and files (so its data, if persisted). */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch(binary());
        password = null;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
