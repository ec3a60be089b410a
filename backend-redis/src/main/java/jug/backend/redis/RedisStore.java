package jug.backend.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;
import jug.core.store.Store;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A store on a Redis server, which any number of pipelines can share: every key carries the pipeline's namespace
 * ({@code jug:<ns>:result:<hex>}, {@code jug:<ns>:lock:<hex>}; see {@link Namespace}), and every listing and removal
 * stays inside it.
 *
 * <p>A result is one binary string value, the entry exactly as the codec made it (checksummed; no base64). A lock is
 * a string value (see {@link LockValue}) set with {@code SET key value NX PX ttl}; the Lua scripts of
 * {@link LockScripts} renew it (counting up its version and re-arming its expiry), release it only for the token
 * that took it, turn it into a failure mark that never expires, or break it only if its version is still the one
 * observed. Stale locks are taken over by the workers that wait for them, by the same rule as on the directory store
 * (a version unchanged for a lease time on the watcher's clock, or an owner known dead); the expiry only removes the
 * locks of dead workers that nobody waits for.
 *
 * <p>Batches take one round trip each: a batch of leases or releases is one script call, {@link #containing} and
 * {@link #writeAll} are pipelined, and {@link #keys} and {@link #locks} are a SCAN of the namespace with a large COUNT
 * (never KEYS, which blocks the server).
 */
public final class RedisStore implements Store {
    /** Keys per SCAN call: large, so that listing 100,000 results takes a few dozen round trips. */
    static final int SCAN_COUNT = 10_000;
    /** The largest value Redis accepts by default ({@code proto-max-bulk-len}). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

    private final RedisUrl url;
    private final Namespace namespace;
    private final Connections connections;
    private final String tokenPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private final AtomicLong acquisitions = new AtomicLong();
    private final Map<Lease, Long> lastRenewal = new ConcurrentHashMap<>();

    private RedisStore(RedisUrl url, Namespace namespace, Connections connections) {
        this.url = url;
        this.namespace = namespace;
        this.connections = connections;
    }

    /**
     * Connects to the server {@code url} names, for the pipeline {@code project} (whose namespace is the URL's
     * {@code prefix}, or is derived from the project's name).
     *
     * @throws jug.core.store.StoreException if the server cannot be reached or refuses the credentials
     */
    static RedisStore open(RedisUrl url, String project) {
        Namespace namespace = url.prefix().map(Namespace::new).orElseGet(() -> Namespace.forProject(project));
        return new RedisStore(url, namespace, Connections.open(url));
    }

    /** The namespace of this store's keys. */
    String namespace() {
        return namespace.name();
    }

    @Override
    public String describe() {
        return url.describe() + "?prefix=" + namespace.name();
    }

    @Override
    public Optional<byte[]> read(TaskKey key) throws IOException {
        return Optional.ofNullable(connections.call("read " + key.shortHex(), j -> j.get(namespace.resultKey(key))));
    }

    @Override
    public boolean contains(TaskKey key) throws IOException {
        return connections.call("look up " + key.shortHex(), j -> j.exists(namespace.resultKey(key)));
    }

    @Override
    public void write(TaskKey key, byte[] entry) throws IOException {
        checkSize(key, entry);
        connections.call("write " + key.shortHex(), j -> j.set(namespace.resultKey(key), entry));
    }

    @Override
    public boolean remove(TaskKey key) throws IOException {
        return connections.call("remove " + key.shortHex(), j -> j.del(namespace.resultKey(key))) > 0;
    }

    @Override
    public Set<TaskKey> keys() throws IOException {
        Set<TaskKey> keys = new HashSet<>();
        for (byte[] redisKey : scan("list the results", namespace.resultPattern())) {
            TaskKey key = namespace.taskKey(redisKey);
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public Set<TaskKey> containing(Collection<TaskKey> keys) throws IOException {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<TaskKey> asked = List.copyOf(keys);
        return connections.call("look up " + asked.size() + " results", j -> {
            Pipeline p = j.pipelined();
            List<Response<Boolean>> answers = new ArrayList<>(asked.size());
            for (TaskKey key : asked) {
                answers.add(p.exists(namespace.resultKey(key)));
            }
            p.sync();
            Set<TaskKey> present = new HashSet<>();
            for (int i = 0; i < asked.size(); i++) {
                if (answers.get(i).get()) {
                    present.add(asked.get(i));
                }
            }
            return present;
        });
    }

    @Override
    public void writeAll(Map<TaskKey, byte[]> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            checkSize(e.getKey(), e.getValue());
        }
        connections.call("write " + entries.size() + " results", j -> {
            Pipeline p = j.pipelined();
            List<Response<String>> answers = new ArrayList<>(entries.size());
            entries.forEach((key, entry) -> answers.add(p.set(namespace.resultKey(key), entry)));
            p.sync();
            answers.forEach(Response::get); // throws the first error (OOM, say): then no task counts as done
            return null;
        });
    }

    @Override
    public Optional<Lease> tryLease(TaskKey key, LeaseOwner owner) throws IOException {
        return Optional.ofNullable(tryLeases(List.of(key), owner).get(key));
    }

    @Override
    public Map<TaskKey, Lease> tryLeases(Collection<TaskKey> keys, LeaseOwner owner) throws IOException {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<TaskKey> asked = List.copyOf(keys);
        String token = owner.worker() + "." + tokenPrefix + "." + Long.toString(acquisitions.incrementAndGet(), 36);
        List<byte[]> lockKeys = new ArrayList<>(asked.size());
        asked.forEach(k -> lockKeys.add(namespace.lockKey(k)));
        List<byte[]> args = List.of(millis(url.lockTtl()), bytes(token), bytes(LockValue.ownerFields(owner)));
        Object won = connections.call("lock " + asked.size() + " tasks",
                j -> LockScripts.TAKE.run(j, lockKeys, args));
        Map<TaskKey, Lease> leases = new LinkedHashMap<>();
        long now = System.nanoTime();
        for (Object position : (List<?>) won) {
            TaskKey key = asked.get((int) (long) (Long) position - 1);
            Lease lease = new Lease(key, owner, token);
            leases.put(key, lease);
            lastRenewal.put(lease, now);
        }
        return leases;
    }

    /**
     * Renews the lock and re-arms its expiry: the URL's lock-ttl, or three times the time since the last renewal if
     * that is longer, so that a worker renewing less often than expected (a long --lease-time) never loses its locks
     * to Redis's own expiry.
     */
    @Override
    public boolean renew(Lease lease) throws IOException {
        long now = System.nanoTime();
        Long last = lastRenewal.get(lease);
        Duration ttl = url.lockTtl();
        if (last != null && Duration.ofNanos(3 * (now - last)).compareTo(ttl) > 0) {
            ttl = Duration.ofNanos(3 * (now - last));
        }
        List<byte[]> args = List.of(millis(ttl), bytes(lease.token()));
        Object renewed = connections.call("renew the lock of " + lease.key().shortHex(),
                j -> LockScripts.RENEW.run(j, List.of(namespace.lockKey(lease.key())), args));
        if (Long.valueOf(1).equals(renewed)) {
            lastRenewal.replace(lease, now);
            return true;
        }
        lastRenewal.remove(lease);
        return false;
    }

    @Override
    public void release(Lease lease) throws IOException {
        releaseAll(List.of(lease));
    }

    @Override
    public void releaseAll(Collection<Lease> leases) throws IOException {
        if (leases.isEmpty()) {
            return;
        }
        List<byte[]> keys = new ArrayList<>(leases.size());
        List<byte[]> tokens = new ArrayList<>(leases.size());
        for (Lease lease : leases) {
            keys.add(namespace.lockKey(lease.key()));
            tokens.add(bytes(lease.token()));
            lastRenewal.remove(lease);
        }
        connections.call("release " + leases.size() + " locks", j -> LockScripts.RELEASE.run(j, keys, tokens));
    }

    @Override
    public void fail(Lease lease, String reason) throws IOException {
        String line = reason.replace('\r', ' ').replace('\n', ' ');
        List<byte[]> args = List.of(bytes(lease.token()),
                bytes(line.length() > 500 ? line.substring(0, 497) + "..." : line));
        lastRenewal.remove(lease);
        connections.call("mark " + lease.key().shortHex() + " failed",
                j -> LockScripts.FAIL.run(j, List.of(namespace.lockKey(lease.key())), args));
    }

    @Override
    public List<LockRecord> locks() throws IOException {
        List<byte[]> lockKeys = scan("list the locks", namespace.lockPattern());
        List<LockRecord> records = new ArrayList<>();
        for (int from = 0; from < lockKeys.size(); from += 1000) {
            byte[][] chunk = lockKeys.subList(from, Math.min(lockKeys.size(), from + 1000)).toArray(byte[][]::new);
            List<byte[]> values = connections.call("read " + chunk.length + " locks", j -> j.mget(chunk));
            for (int i = 0; i < chunk.length; i++) {
                TaskKey key = namespace.taskKey(chunk[i]);
                if (key != null && values.get(i) != null) { // null: released since the scan
                    records.add(LockValue.record(key, values.get(i)));
                }
            }
        }
        return records;
    }

    @Override
    public boolean breakLock(LockRecord observed) throws IOException {
        List<byte[]> args = List.of(bytes(observed.version()));
        Object broken = connections.call("break the lock of " + observed.key().shortHex(),
                j -> LockScripts.BREAK.run(j, List.of(namespace.lockKey(observed.key())), args));
        return Long.valueOf(1).equals(broken);
    }

    /** Nothing to remove: a Redis write is never left half done. */
    @Override
    public int removeLeftovers(Duration age) {
        return 0;
    }

    @Override
    public void close() {
        connections.close();
    }

    /** Every key matching {@code pattern}, by SCAN (several calls; a key present throughout is listed). */
    private List<byte[]> scan(String what, byte[] pattern) throws IOException {
        return connections.call(what, j -> scan(j, pattern));
    }

    private static List<byte[]> scan(Jedis jedis, byte[] pattern) {
        List<byte[]> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // SCAN may return a key twice
        ScanParams params = new ScanParams().match(pattern).count(SCAN_COUNT);
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            ScanResult<byte[]> page = jedis.scan(cursor, params);
            for (byte[] key : page.getResult()) {
                if (seen.add(new String(key, StandardCharsets.ISO_8859_1))) {
                    found.add(key);
                }
            }
            cursor = page.getCursorAsBytes();
        } while (!isLast(cursor));
        return found;
    }

    private static boolean isLast(byte[] cursor) {
        return cursor.length == 1 && cursor[0] == '0';
    }

    private void checkSize(TaskKey key, byte[] entry) throws RedisStoreException {
        if (entry.length > MAX_ENTRY_BYTES) {
            throw new RedisStoreException(describe() + ": the result of " + key.shortHex() + " is " + (entry.length >> 20)
                    + " MB; a Redis value holds at most 512 MB, so store such results in a directory (--jugdir DIR)");
        }
    }

    private static byte[] millis(Duration d) {
        return bytes(Long.toString(Math.max(1, d.toMillis())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
