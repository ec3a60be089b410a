package jug.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jug.core.TaskKey;
import jug.core.store.Store;
import jug.core.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rediss:// against a redis-server that speaks only TLS, with a certificate from a throw-away authority. */
class RedisTlsTest {
    private static final TaskKey KEY = new TaskKey("5e".repeat(32));
    private static RedisServer server;
    private static Path ca;

    @BeforeAll
    static void startServer(@TempDir Path dir) throws Exception {
        RedisServer.binary();
        ca = dir.resolve("ca.pem");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=jug test authority");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "2", "-extfile", "san.ext");
        server = RedisServer.startTls(dir, dir.resolve("server.pem"), dir.resolve("server.key"), ca);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(concat("openssl", args)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        } catch (IOException e) {
            Assumptions.abort("openssl is not installed: TLS tests skipped");
            return;
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void aStoreOverTlsWorksWithTheAuthorityGiven() throws IOException {
        try (Store store = Store.open("rediss://localhost:" + server.port() + "/?prefix=tls&cacert=" + ca, "x")) {
            store.write(KEY, new byte[] {1, 2, 3});
            assertThat(store.read(KEY)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
            assertThat(store.containing(List.of(KEY))).containsExactly(KEY);
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedAtOnceWithTheRemedy() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Store.open("rediss://localhost:" + server.port() + "/", "x"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("rediss://localhost:" + server.port() + "/0: TLS connection to localhost:"
                        + server.port() + " failed (")
                .hasMessageEndingWith("give it with ?cacert=FILE.pem");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> Store.open("rediss://127.0.0.1:" + server.port() + "/?cacert=" + ca, "x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("TLS connection to 127.0.0.1:")
                .hasMessageContaining("127.0.0.1");
    }
}
