package jug.backend.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.time.Instant;
import jug.core.store.LeaseOwner;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.LockRecord;
import jug.core.store.Store;
import jug.core.store.StoreContract;
import jug.core.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, and what only a shared Redis server needs, against a real redis-server. */
class RedisStoreTest extends StoreContract {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static RedisServer server;
    private String prefix;

    @BeforeAll
    static void startServer(@TempDir Path dir) throws Exception {
        server = RedisServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Store openStore() {
        prefix = "test-" + PREFIXES.incrementAndGet();
        return openSameStore();
    }

    @Override
    protected Store openSameStore() {
        return Store.open(server.url("prefix=" + prefix), "/unused/Jugfile.java");
    }

    private static Store open(String query, String project) {
        return Store.open(server.url(query), project);
    }

    @Test
    void resultsAreStoredAsTheEntryBytesThemselves() throws IOException {
        byte[] entry = {0, (byte) 0xff, 'j', 'u', 'g', 0, 13, 10};
        store.write(key("a"), entry);
        byte[] raw = server.with(j -> j.get(("jug:" + prefix + ":result:" + key("a").hex()).getBytes(StandardCharsets.US_ASCII)));
        assertThat(raw).isEqualTo(entry);
    }

    @Test
    void pipelinesSharingOneServerNeverSeeOrRemoveEachOthersKeys() throws IOException {
        try (Store primes = open("", "/home/ana/primes/Jugfile.java");
                Store primesToo = open("", "/home/ana/primes/Jugfile.java");
                Store other = open("", "/home/bo/primes/Jugfile.java");
                Store nested = open("prefix=" + prefix + "-b", "x")) {
            primes.write(key("p"), new byte[] {1});
            other.write(key("o"), new byte[] {2});
            nested.write(key("n"), new byte[] {3});
            store.write(key("s"), new byte[] {4});
            other.tryLease(key("held"), owner("w"));
            assertThat(primesToo.keys()).as("same jugfile, same namespace").containsExactly(key("p"));
            assertThat(other.keys()).containsExactly(key("o"));
            assertThat(store.keys()).as("a prefix is not a prefix of another's keys").containsExactly(key("s"));
            assertThat(primes.locks()).isEmpty();
            assertThat(primes.read(key("o"))).isEmpty();
            assertThat(primes.contains(key("o"))).isFalse();
            for (TaskKey k : primes.keys()) {
                primes.remove(k);
            }
            assertThat(primes.remove(key("o"))).isFalse();
            assertThat(primes.tryLease(key("held"), owner("v"))).as("locks are per namespace too").isPresent();
            assertThat(other.keys()).containsExactly(key("o"));
            assertThat(nested.keys()).containsExactly(key("n"));
            assertThat(other.locks()).singleElement().satisfies(l -> assertThat(l.owner()).contains(owner("w")));
            assertThat(primes.describe()).contains("prefix=primes-");
            assertThat(primes.describe()).isNotEqualTo(other.describe());
        }
    }

    @Test
    void aLeaseExpiresAfterTwiceItsHoldersLeaseTimeUnlessRenewed() throws Exception {
        LeaseOwner quick = new LeaseOwner("test-host", 4242, Instant.ofEpochMilli(1_000), "quick", Duration.ofSeconds(1), "");
        Lease kept = store.tryLease(key("kept"), quick).orElseThrow();
        store.tryLease(key("dropped"), quick).orElseThrow();
        long ttl = server.with(j -> j.pttl("jug:" + prefix + ":lock:" + key("kept").hex()));
        assertThat(ttl).isBetween(1L, 2000L);
        assertThat(store.locks()).allSatisfy(l -> assertThat(l.owner()).contains(quick));
        for (int i = 0; i < 7; i++) {
            Thread.sleep(400);
            assertThat(store.renew(kept)).isTrue();
        }
        assertThat(store.locks()).extracting(LockRecord::key).containsExactly(key("kept"));
        assertThat(store.tryLease(key("dropped"), owner("two"))).as("expired: free for anyone").isPresent();
        long longer = server.with(j -> j.pttl("jug:" + prefix + ":lock:" + key("dropped").hex()));
        assertThat(longer).as("the default lease time, 30 s, twice").isBetween(58_000L, 60_000L);
    }

    @Test
    void aFailureMarkNeverExpires() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("one")).orElseThrow();
        store.fail(lease, "first line\nsecond line");
        long pttl = server.with(j -> j.pttl("jug:" + prefix + ":lock:" + key("t").hex()));
        assertThat(pttl).isEqualTo(-1L);
        assertThat(store.locks()).singleElement().satisfies(l -> {
            assertThat(l.failure()).contains("first line second line");
            assertThat(l.renewed()).isPresent();
        });
    }

    @Test
    void aLockValueOverwrittenBySomethingElseIsListedAndCanBeBroken() throws IOException {
        store.tryLease(key("odd"), owner("one")).orElseThrow();
        server.with(j -> j.set("jug:" + prefix + ":lock:" + key("odd").hex(), "not a lock"));
        LockRecord odd = store.locks().get(0);
        assertThat(odd.owner()).isEmpty();
        assertThat(odd.isFailed()).isFalse();
        assertThat(store.tryLease(key("odd"), owner("one"))).isEmpty();
        assertThat(store.breakLock(odd)).isTrue();
        assertThat(store.tryLease(key("odd"), owner("one"))).isPresent();
    }

    @Test
    void aRetriedLeaseRequestWinsTheLeaseItTookBeforeItsReplyWasLost() throws IOException {
        Lease lease = store.tryLease(key("t"), owner("one")).orElseThrow();
        List<byte[]> keys = List.of(("jug:" + prefix + ":locks").getBytes(StandardCharsets.US_ASCII),
                ("jug:" + prefix + ":lock:" + key("t").hex()).getBytes(StandardCharsets.US_ASCII));
        List<byte[]> args = List.of("60000".getBytes(StandardCharsets.US_ASCII),
                lease.token().getBytes(StandardCharsets.US_ASCII), "h 1 1970-01-01T00:00:01Z one 30000 -".getBytes(StandardCharsets.US_ASCII));
        Object again = server.with(j -> Scripts.TAKE.run(j.getConnection(), keys, args));
        assertThat(again).isEqualTo(List.of(1L));
        assertThat(store.tryLease(key("t"), owner("one"))).as("another acquisition by the same worker").isEmpty();
    }

    @Test
    void batchesTakeOneScriptCallOrOnePipelineAndListingsNeverUseKeys() throws IOException {
        List<TaskKey> keys = new ArrayList<>();
        Map<TaskKey, byte[]> entries = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            keys.add(key("k" + i));
            entries.put(key("k" + i), new byte[] {(byte) i});
        }
        store.release(store.tryLease(key("warm-up"), owner("one")).orElseThrow()); // the server learns the scripts
        store.keys();
        server.with(j -> j.configResetStat());
        Map<TaskKey, Lease> leases = store.tryLeases(keys, owner("one"));
        assertThat(leases).hasSize(300);
        assertThat(store.containing(keys)).isEmpty();
        store.writeAll(entries);
        store.releaseAll(leases.values());
        assertThat(store.containing(keys)).hasSize(300);
        assertThat(store.keys()).hasSize(300);
        assertThat(store.locks()).isEmpty();
        String stats = server.with(j -> j.info("commandstats"));
        assertThat(calls(stats, "evalsha") + calls(stats, "eval")).as("one call each to take, release and list")
                .isEqualTo(3);
        assertThat(stats).doesNotContain("cmdstat_keys:").doesNotContain("cmdstat_scan:");
        assertThat(calls(stats, "sscan")).as("the result index, in one page").isEqualTo(1);
        assertThat(calls(stats, "zrange")).as("the lock index").isEqualTo(1);
        assertThat(calls(stats, "exec")).as("one transaction for the batch").isEqualTo(1);
    }

    @Test
    void theIndexesFollowEveryWriteRemovalAndLock() throws IOException {
        store.write(key("a"), new byte[] {1});
        store.writeAll(Map.of(key("b"), new byte[] {2}, key("c"), new byte[] {3}));
        store.remove(key("b"));
        Lease held = store.tryLease(key("held"), owner("one")).orElseThrow();
        store.tryLease(key("failed"), owner("one")).ifPresent(l -> {
            try {
                store.fail(l, "broken");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        store.release(store.tryLease(key("released"), owner("one")).orElseThrow());
        long members = server.with(j -> j.scard("jug:" + prefix + ":results"));
        assertThat(members).isEqualTo(2);
        List<String> locks = server.with(j -> j.zrange("jug:" + prefix + ":locks", 0, -1));
        assertThat(locks).containsExactlyInAnyOrder(key("held").hex(), key("failed").hex());
        double markScore = server.with(j -> j.zscore("jug:" + prefix + ":locks", key("failed").hex()));
        assertThat(markScore).isInfinite();
        store.breakLock(store.locks().stream().filter(l -> l.key().equals(key("held"))).findFirst().orElseThrow());
        assertThat(store.renew(held)).isFalse();
        List<String> after = server.with(j -> j.zrange("jug:" + prefix + ":locks", 0, -1));
        assertThat(after).containsExactly(key("failed").hex());
    }

    @Test
    void resultsDeletedBehindJugsBackLeaveTheListing() throws IOException {
        store.writeAll(Map.of(key("a"), new byte[] {1}, key("b"), new byte[] {2}, key("c"), new byte[] {3}));
        server.with(j -> j.del("jug:" + prefix + ":result:" + key("a").hex()));
        server.with(j -> j.sadd("jug:" + prefix + ":results", "junk"));
        assertThat(store.removeLeftovers(java.time.Duration.ZERO)).isEqualTo(2);
        assertThat(store.keys()).containsExactlyInAnyOrder(key("b"), key("c"));
        server.with(j -> j.del("jug:" + prefix + ":result:" + key("b").hex()));
        assertThat(store.keys()).as("every listing checks").containsExactly(key("c"));
        long members = server.with(j -> j.scard("jug:" + prefix + ":results"));
        assertThat(members).isEqualTo(1);
    }

    @Test
    void listingsCostTheSameWhateverElseTheServerHolds() throws IOException {
        server.with(j -> {
            for (int batch = 0; batch < 20; batch++) {
                var p = j.pipelined();
                for (int i = 0; i < 1000; i++) {
                    p.set("someone-else:" + batch + ":" + i, "x");
                }
                p.sync();
            }
            return null;
        });
        store.write(key("mine"), new byte[] {1});
        server.with(j -> j.configResetStat());
        assertThat(store.keys()).containsExactly(key("mine"));
        assertThat(store.locks()).isEmpty();
        String stats = server.with(j -> j.info("commandstats"));
        assertThat(calls(stats, "sscan") + calls(stats, "zrange")).isEqualTo(2);
        assertThat(stats).doesNotContain("cmdstat_scan:");
        server.with(j -> {
            for (int batch = 0; batch < 20; batch++) {
                var p = j.pipelined();
                for (int i = 0; i < 1000; i++) {
                    p.del("someone-else:" + batch + ":" + i);
                }
                p.sync();
            }
            return null;
        });
    }

    @Test
    void theServerRestartingMidOperationIsWaitedFor(@TempDir Path dir) throws Exception {
        try (RedisServer restarting = RedisServer.start(dir, "--appendonly", "yes");
                Store s = Store.open(restarting.url("prefix=r&retry=20"), "x")) {
            s.write(key("before"), new byte[] {1});
            restarting.stop();
            Thread restart = new Thread(() -> {
                try {
                    Thread.sleep(700);
                    restarting.restart();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            restart.start();
            long t0 = System.nanoTime();
            s.write(key("during"), new byte[] {2});
            assertThat((System.nanoTime() - t0) / 1e9).isGreaterThan(0.5);
            restart.join();
            assertThat(s.keys()).containsExactlyInAnyOrder(key("before"), key("during"));
            Lease lease = s.tryLease(key("t"), owner("one")).orElseThrow();
            restarting.restart(); // the server forgets its scripts: they are sent again
            assertThat(s.renew(lease)).isTrue();
        }
    }

    @Test
    void aServerGoneForGoodFailsEveryOperationWithinTheRetryTime(@TempDir Path dir) throws Exception {
        RedisServer doomed = RedisServer.start(dir);
        try (Store s = Store.open(doomed.url("prefix=d&retry=1.5"), "x")) {
            doomed.stop();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.read(key("a"))).isInstanceOf(IOException.class)
                    .hasToString("redis://127.0.0.1:" + doomed.port() + "/0: the server at 127.0.0.1:" + doomed.port()
                            + " has not answered for 1.5 s (Connection refused); is it running? jug retries for 1.5 s"
                            + " (retry= in the URL)");
            assertThat((System.nanoTime() - t0) / 1e9).isBetween(1.4, 5.0);
            long t1 = System.nanoTime();
            assertThatThrownBy(() -> s.keys()).isInstanceOf(IOException.class);
            assertThat((System.nanoTime() - t1) / 1e9).as("the outage goes on: no new wait").isLessThan(0.5);
        } finally {
            doomed.close();
        }
    }

    @Test
    void anUnreachableServerIsNamedWithHostAndPortAtOnce() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> Store.open("redis://127.0.0.1:1/", "x")).isInstanceOf(StoreException.class)
                .hasMessage("redis://127.0.0.1:1/0: cannot connect to 127.0.0.1:1 (Connection refused); check the host "
                        + "and port, and that redis-server is running");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    }

    @Test
    void writesRefusedByAFullServerFailAndStoreNothing() throws IOException {
        server.with(j -> j.configSet("maxmemory", "1"));
        try {
            assertThatThrownBy(() -> store.write(key("a"), new byte[1000])).isInstanceOf(IOException.class)
                    .hasMessageContaining("out of memory").hasMessageContaining("write " + key("a").shortHex());
            assertThatThrownBy(() -> store.writeAll(Map.of(key("b"), new byte[10], key("c"), new byte[10])))
                    .isInstanceOf(IOException.class).hasMessageContaining("OOM");
        } finally {
            server.with(j -> j.configSet("maxmemory", "0"));
        }
        assertThat(store.containing(List.of(key("a"), key("b"), key("c")))).isEmpty();
        assertThat(store.keys()).as("nor any index entry").isEmpty();
    }

    @Test
    void passwordsComeFromTheUrlTheEnvironmentOrAFileAndNeverShow(@TempDir Path dir) throws Exception {
        try (RedisServer locked = RedisServer.start(dir, "--requirepass", "s3cret/p@ss")) {
            String base = "redis://127.0.0.1:" + locked.port() + "/";
            try (Store s = Store.open("redis://:s3cret%2Fp%40ss@127.0.0.1:" + locked.port() + "/?prefix=p", "x")) {
                s.write(key("a"), new byte[] {1});
                assertThat(s.describe()).doesNotContain("s3cret");
            }
            java.nio.file.Files.writeString(dir.resolve("pw"), "s3cret/p@ss\n");
            RedisUrl fromFile = RedisUrl.parse(java.net.URI.create(base + "?password-file=" + dir.resolve("pw")), Map.of());
            try (RedisStore s = RedisStore.open(fromFile, "x")) {
                assertThat(s.keys()).isEmpty();
            }
            RedisUrl fromEnv = RedisUrl.parse(java.net.URI.create(base + "?prefix=p"), Map.of("JUG_REDIS_PASSWORD", "s3cret/p@ss"));
            try (RedisStore s = RedisStore.open(fromEnv, "x")) {
                assertThat(s.keys()).containsExactly(key("a"));
            }
            RedisUrl wrong = RedisUrl.parse(java.net.URI.create(base), Map.of("JUG_REDIS_PASSWORD", "guess"));
            assertThatThrownBy(() -> RedisStore.open(wrong, "x")).isInstanceOf(StoreException.class)
                    .hasMessage("redis://127.0.0.1:" + locked.port() + "/0: the server refused the password from "
                            + "JUG_REDIS_PASSWORD for the default user; check the password and the user name");
            assertThatThrownBy(() -> Store.open(base, "x")).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("redis://127.0.0.1:" + locked.port() + "/0: the server requires a password;");
            assertThatThrownBy(() -> Store.open("redis://:guess@127.0.0.1:" + locked.port() + "/", "x"))
                    .hasMessageNotContaining("guess").hasMessageContaining("from the URL");
        }
    }

    @Test
    void anAclUserLimitedToJugKeysCanRunAPipelineButNotTouchOthers(@TempDir Path dir) throws Exception {
        server.with(j -> j.aclSetUser("ana", "on", ">pw", "resetkeys", "~jug:*", "+@read", "+@write", "+@scripting",
                "+@keyspace", "+@transaction", "+@connection", "+time"));
        server.with(j -> j.aclSetUser("bo", "on", ">pw", "resetkeys", "~other:*", "+@all"));
        try (Store s = Store.open("redis://ana:pw@127.0.0.1:" + server.port() + "/?prefix=acl", "x")) {
            Lease lease = s.tryLease(key("t"), owner("one")).orElseThrow();
            s.write(key("t"), new byte[] {1});
            assertThat(s.renew(lease)).isTrue();
            s.release(lease);
            assertThat(s.keys()).containsExactly(key("t"));
            assertThat(s.locks()).isEmpty();
        }
        try (Store s = Store.open("redis://bo:pw@127.0.0.1:" + server.port() + "/?prefix=acl", "x")) {
            assertThatThrownBy(() -> s.read(key("t"))).isInstanceOf(IOException.class)
                    .hasMessageContaining("user 'bo' may not do this (NOPERM");
        }
    }

    @Test
    void anUnknownDatabaseIsNamed() {
        assertThatThrownBy(() -> Store.open("redis://127.0.0.1:" + server.port() + "/99999", "x"))
                .isInstanceOf(StoreException.class).hasMessageContaining("no database 99999");
    }

    private static long calls(String commandStats, String command) {
        for (String line : commandStats.split("\r?\n")) {
            if (line.startsWith("cmdstat_" + command + ":")) {
                return Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1"));
            }
        }
        return 0;
    }

}
