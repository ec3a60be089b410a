package jug.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import jug.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisUrlTest {
    private static RedisUrl parse(String url) {
        return RedisUrl.parse(URI.create(url), Map.of());
    }

    @Test
    void aBareHostMeansPort6379DatabaseZeroAndTheDefaults() {
        RedisUrl url = parse("redis://cache.lab");
        assertThat(url.host()).isEqualTo("cache.lab");
        assertThat(url.port()).isEqualTo(6379);
        assertThat(url.database()).isZero();
        assertThat(url.tls()).isFalse();
        assertThat(url.user()).isEmpty();
        assertThat(url.secret()).isEmpty();
        assertThat(url.prefix()).isEmpty();
        assertThat(url.retry()).isEqualTo(Duration.ofSeconds(60));
        assertThat(url.describe()).isEqualTo("redis://cache.lab:6379/0");
    }

    @Test
    void everyPartIsRead() {
        RedisUrl url = parse("rediss://ana:p%40ss%2Fw@[::1]:7000/3?prefix=run.2&retry=2.5&timeout=4");
        assertThat(url.tls()).isTrue();
        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(7000);
        assertThat(url.user()).contains("ana");
        assertThat(url.secret()).contains("p@ss/w");
        assertThat(url.passwordSource()).isEqualTo("the URL");
        assertThat(url.database()).isEqualTo(3);
        assertThat(url.prefix()).contains("run.2");
        assertThat(url.retry()).isEqualTo(Duration.ofMillis(2500));
        assertThat(url.timeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(url.describe()).isEqualTo("rediss://ana@[::1]:7000/3");
    }

    @Test
    void thePasswordNeverShows() {
        RedisUrl url = parse("redis://ana:hunter2@h/");
        assertThat(url.toString()).doesNotContain("hunter2");
        assertThat(url.describe()).doesNotContain("hunter2");
        assertThatThrownBy(() -> parse("redis://ana:hunter2@h/?colour=red")).isInstanceOf(StoreException.class)
                .hasMessage("--jugdir redis://ana:***@h/?colour=red: unknown parameter 'colour' (known: cacert, "
                        + "password-file, prefix, retry, timeout)");
    }

    @Test
    void anEmptyUserMeansTheDefaultUser() {
        RedisUrl url = parse("redis://:pw@h");
        assertThat(url.user()).isEmpty();
        assertThat(url.secret()).contains("pw");
    }

    @Test
    void thePasswordComesFromTheUrlThenItsFileThenTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        Path envFile = dir.resolve("env-pw");
        Files.writeString(envFile, "from-env-file");
        Map<String, String> env = Map.of("JUG_REDIS_PASSWORD", "from-env", "JUG_REDIS_PASSWORD_FILE",
                envFile.toString(), "REDISCLI_AUTH", "from-cli");
        assertThat(RedisUrl.parse(URI.create("redis://:url@h/?password-file=" + file), env).secret()).contains("url");
        RedisUrl fromFile = RedisUrl.parse(URI.create("redis://h/?password-file=" + file), env);
        assertThat(fromFile.secret()).contains("from-file");
        assertThat(fromFile.passwordSource()).isEqualTo("password file " + file);
        assertThat(RedisUrl.parse(URI.create("redis://h/"), env).secret()).contains("from-env");
        assertThat(RedisUrl.parse(URI.create("redis://h/"), Map.of("JUG_REDIS_PASSWORD_FILE", envFile.toString()))
                .secret()).contains("from-env-file");
        assertThat(RedisUrl.parse(URI.create("redis://h/"), Map.of("REDISCLI_AUTH", "from-cli")).secret())
                .contains("from-cli");
        assertThat(RedisUrl.parse(URI.create("redis://h/"), Map.of("JUG_REDIS_PASSWORD", "")).secret()).isEmpty();
    }

    @Test
    void anUnreadablePasswordFileIsNamed() {
        assertThatThrownBy(() -> parse("redis://h/?password-file=/no/such/file")).isInstanceOf(StoreException.class)
                .hasMessage("--jugdir redis://h/?password-file=/no/such/file: cannot read the password file "
                        + "/no/such/file (NoSuchFileException)");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse("redis://h/zero")).hasMessage("--jugdir redis://h/zero: the path must be a "
                + "database number such as /0, not '/zero'");
        assertThatThrownBy(() -> parse("redis:///0")).hasMessageContaining("no host name");
        assertThatThrownBy(() -> parse("redis://h/?prefix=a:b")).hasMessageContaining("prefix 'a:b' is not");
        assertThatThrownBy(() -> parse("redis://h/?prefix=a*")).hasMessageContaining("prefix 'a*' is not");
        assertThatThrownBy(() -> parse("redis://h/?retry=soon")).hasMessageContaining("retry=soon is not a number");
        assertThatThrownBy(() -> parse("redis://h/?timeout=0.01")).hasMessageContaining("timeout=0.01 is not");
        assertThatThrownBy(() -> parse("redis://h/?cacert=/ca.pem")).hasMessageContaining("use rediss://");
        assertThatThrownBy(() -> parse("http://h/")).hasMessageContaining("not redis or rediss");
    }

    @Test
    void tlsMayNameTheCertificatesToTrust() {
        assertThat(parse("rediss://h/?cacert=/etc/ca.pem").caCertificates()).isEqualTo(Optional.of(Path.of("/etc/ca.pem")));
    }
}
