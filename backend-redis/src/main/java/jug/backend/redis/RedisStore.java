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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import jug.core.TaskKey;
import jug.core.store.Lease;
import jug.core.store.LeaseOwner;
import jug.core.store.LockRecord;
import jug.core.store.Store;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol.Command;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A store on a Redis server, which any number of pipelines can share: every key carries the pipeline's namespace
 * (see {@link Namespace} for the layout), and every listing and removal stays inside it.
 *
 * <p>A result is one binary string value, the entry exactly as the codec made it (checksummed; no base64), written
 * in one MULTI/EXEC with its member of the namespace's result set, which {@link #keys} lists (leaving out, and
 * dropping, members whose result was deleted behind jug's back). A lock is a string value (see {@link LockValue}) set
 * with {@code SET key value NX PX ttl}, the ttl twice the holder's lease time, and listed in the namespace's lock
 * index; the Lua scripts of {@link Scripts} renew it (counting up its version and re-arming its expiry), release it
 * only for the token that took it, turn it into a failure mark that never expires, or break it only if its version
 * is still the one observed. Stale locks are taken over by the workers that wait for them, by the same rule as on the
 * directory store (a version unchanged for a lease time on the watcher's clock, or an owner known dead); the expiry
 * removes the locks of dead workers that nobody waits for.
 *
 * <p>Nothing costs a round trip per task: a batch of leases or releases is one script call, {@link #containing} and
 * {@link #writeAll} are pipelined, and {@link #keys} and {@link #locks} read the namespace's own indexes (never SCAN
 * or KEYS over the database, whose cost grows with every other pipeline's keys: measured on a server holding a
 * million other keys, SCAN took 0.5-0.7 s to list 10,000 results, the index 3-4 ms).
 */
public final class RedisStore implements Store {
    /** Index members per listing round trip: large, so that listing 100,000 results takes about ten. */
    static final int SCAN_COUNT = 10_000;
    /** The largest value Redis accepts by default ({@code proto-max-bulk-len}). */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    /** The shortest expiry of a lock, whatever its holder's lease time. */
    static final Duration LEAST_EXPIRY = Duration.ofSeconds(2);

    private final RedisUrl url;
    private final Namespace namespace;
    private final Connections connections;
    private final String tokenPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    private final AtomicLong acquisitions = new AtomicLong();

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
        return Optional.ofNullable(connections.call("read " + key.shortHex(), c -> {
            c.sendCommand(Command.GET, namespace.resultKey(key));
            return c.getBinaryBulkReply();
        }));
    }

    @Override
    public boolean contains(TaskKey key) throws IOException {
        return connections.call("look up " + key.shortHex(), c -> {
            c.sendCommand(Command.EXISTS, namespace.resultKey(key));
            return c.getIntegerReply() > 0;
        });
    }

    @Override
    public void write(TaskKey key, byte[] entry) throws IOException {
        writeAll(Map.of(key, entry));
    }

    @Override
    public boolean remove(TaskKey key) throws IOException {
        return !removeAll(List.of(key)).isEmpty();
    }

    @Override
    public Set<TaskKey> removeAll(Collection<TaskKey> keys) throws IOException {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<TaskKey> asked = List.copyOf(keys);
        List<Object> done = connections.call("remove " + label(asked), c -> {
            c.sendCommand(Command.MULTI);
            for (TaskKey key : asked) {
                c.sendCommand(Command.DEL, namespace.resultKey(key));
                c.sendCommand(Command.SREM, namespace.resultIndex(), key.hexBytes());
            }
            c.sendCommand(Command.EXEC);
            return transaction(c, 2 * asked.size());
        });
        Set<TaskKey> removed = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            if ((Long) done.get(2 * i) > 0) {
                removed.add(asked.get(i));
            }
        }
        return removed;
    }

    /**
     * The members of the namespace's result index whose result exists, by a script that pages through the index on
     * the server (about {@value #SCAN_COUNT} per round trip) and drops entries whose result is gone.
     */
    @Override
    public Set<TaskKey> keys() throws IOException {
        Set<TaskKey> keys = new HashSet<>();
        list(keys);
        return keys;
    }

    /** Lists the results into {@code keys}; returns how many index entries it dropped. */
    private int list(Set<TaskKey> keys) throws IOException {
        return connections.call("list the results", c -> {
            List<byte[]> index = List.of(namespace.resultIndex());
            byte[] count = bytes(Integer.toString(SCAN_COUNT));
            byte[] prefix = namespace.resultKeyPrefix();
            byte[] cursor = {'0'};
            int dropped = 0;
            do {
                List<?> page = (List<?>) Scripts.LIST.run(c, index, List.of(cursor, count, prefix));
                cursor = (byte[]) page.get(0);
                for (Object member : (List<?>) page.get(1)) {
                    TaskKey key = TaskKey.parseOrNull((byte[]) member);
                    if (key != null) {
                        keys.add(key);
                    }
                }
                dropped += ((Long) page.get(2)).intValue();
            } while (!(cursor.length == 1 && cursor[0] == '0'));
            return dropped;
        });
    }

    @Override
    public Set<TaskKey> containing(Collection<TaskKey> keys) throws IOException {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<TaskKey> asked = List.copyOf(keys);
        return connections.call("look up " + label(asked), c -> {
            for (TaskKey key : asked) {
                c.sendCommand(Command.EXISTS, namespace.resultKey(key));
            }
            List<Object> answers = replies(c, asked.size());
            Set<TaskKey> present = new HashSet<>();
            for (int i = 0; i < asked.size(); i++) {
                if (((Long) answers.get(i)) > 0) {
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
        connections.call("write " + label(entries.keySet()), c -> {
            c.sendCommand(Command.MULTI);
            for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
                c.sendCommand(Command.SET, namespace.resultKey(e.getKey()), e.getValue());
                c.sendCommand(Command.SADD, namespace.resultIndex(), e.getKey().hexBytes());
            }
            c.sendCommand(Command.EXEC);
            return transaction(c, 2 * entries.size()); // an error (OOM, say) discards it all: no task counts as done
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
        List<byte[]> lockKeys = new ArrayList<>(asked.size() + 1);
        lockKeys.add(namespace.lockIndex());
        asked.forEach(k -> lockKeys.add(namespace.lockKey(k)));
        List<byte[]> args = List.of(millis(expiry(owner)), bytes(token), bytes(LockValue.ownerFields(owner)));
        Object won = connections.call("lock " + asked.size() + " tasks",
                c -> Scripts.TAKE.run(c, lockKeys, args));
        Map<TaskKey, Lease> leases = new LinkedHashMap<>();
        for (Object position : (List<?>) won) {
            TaskKey key = asked.get((int) (long) (Long) position - 1);
            leases.put(key, new Lease(key, owner, token));
        }
        return leases;
    }

    /** Renews the lock: counts its version up and re-arms its expiry. */
    @Override
    public boolean renew(Lease lease) throws IOException {
        List<byte[]> args = List.of(millis(expiry(lease.owner())), bytes(lease.token()));
        Object renewed = connections.call("renew the lock of " + lease.key().shortHex(),
                c -> Scripts.RENEW.run(c, lockKeys(lease.key()), args));
        return Long.valueOf(1).equals(renewed);
    }

    /**
     * How long a lock lives unless renewed: twice its holder's lease time (which it renews six times per lease
     * time), the rule by which {@link LockRecord#isAbandoned} calls a lock abandoned; at least {@link #LEAST_EXPIRY}.
     */
    static Duration expiry(LeaseOwner owner) {
        Duration twice = owner.lease().multipliedBy(2);
        return twice.compareTo(LEAST_EXPIRY) < 0 ? LEAST_EXPIRY : twice;
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
        List<byte[]> keys = new ArrayList<>(leases.size() + 1);
        keys.add(namespace.lockIndex());
        List<byte[]> tokens = new ArrayList<>(leases.size());
        for (Lease lease : leases) {
            keys.add(namespace.lockKey(lease.key()));
            tokens.add(bytes(lease.token()));
        }
        connections.call("release " + leases.size() + " locks", c -> Scripts.RELEASE.run(c, keys, tokens));
    }

    @Override
    public void fail(Lease lease, String reason) throws IOException {
        List<byte[]> args = List.of(bytes(lease.token()), bytes(LockRecord.failureLine(reason)));
        connections.call("mark " + lease.key().shortHex() + " failed",
                c -> Scripts.FAIL.run(c, lockKeys(lease.key()), args));
    }

    /** The members of the namespace's lock index, then their values: two round trips per 1,000 locks. */
    @Override
    public List<LockRecord> locks() throws IOException {
        List<byte[]> members = connections.call("list the locks", c -> {
            c.sendCommand(Command.ZRANGE, namespace.lockIndex(), bytes("0"), bytes("-1"));
            return c.getBinaryMultiBulkReply();
        });
        List<TaskKey> keys = new ArrayList<>();
        for (byte[] member : members) {
            TaskKey key = TaskKey.parseOrNull(member);
            if (key != null) {
                keys.add(key);
            }
        }
        List<LockRecord> records = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<TaskKey> chunk = keys.subList(from, Math.min(keys.size(), from + 1000));
            byte[][] lockKeys = chunk.stream().map(namespace::lockKey).toArray(byte[][]::new);
            List<byte[]> values = connections.call("read " + chunk.size() + " locks", c -> {
                c.sendCommand(Command.MGET, lockKeys);
                return c.getBinaryMultiBulkReply();
            });
            for (int i = 0; i < chunk.size(); i++) {
                if (values.get(i) != null) { // null: released or expired since it was listed
                    records.add(LockValue.record(chunk.get(i), values.get(i)));
                }
            }
        }
        return records;
    }

    @Override
    public boolean breakLock(LockRecord observed) throws IOException {
        List<byte[]> args = List.of(bytes(observed.version()));
        Object broken = connections.call("break the lock of " + observed.key().shortHex(),
                c -> Scripts.BREAK.run(c, lockKeys(observed.key()), args));
        return Long.valueOf(1).equals(broken);
    }

    /**
     * Drops the index entries of results that are gone although jug never removed them (deleted by hand, or evicted
     * by a server whose maxmemory-policy evicts keys); returns how many. Every listing does the same. A write is never
     * left half done, so there is nothing else to remove, and {@code age} does not matter.
     */
    @Override
    public int removeLeftovers(Duration age) throws IOException {
        return list(new HashSet<>());
    }

    @Override
    public void close() {
        connections.close();
    }

    /** The replies of a pipelined MULTI, {@code queued} commands and EXEC; throws the first error among them. */
    private static List<Object> transaction(Connection connection, int queued) {
        List<Object> replies = replies(connection, queued + 2);
        @SuppressWarnings("unchecked")
        List<Object> results = (List<Object>) replies.get(queued + 1);
        for (Object result : results) {
            if (result instanceof JedisDataException e) {
                throw e;
            }
        }
        return results;
    }

    /** Names the results of a call for its error message: the key if there is one, else how many. */
    private static String label(Collection<TaskKey> keys) {
        return keys.size() == 1 ? keys.iterator().next().shortHex() : keys.size() + " results";
    }

    private List<byte[]> lockKeys(TaskKey key) {
        return List.of(namespace.lockIndex(), namespace.lockKey(key));
    }

    /** The replies to {@code n} pipelined commands; throws the first error among them. */
    private static List<Object> replies(Connection connection, int n) {
        List<Object> replies = connection.getMany(n);
        for (Object reply : replies) {
            if (reply instanceof JedisDataException e) {
                throw e;
            }
        }
        return replies;
    }

    private void checkSize(TaskKey key, byte[] entry) throws RedisStoreException {
        if (entry.length > MAX_ENTRY_BYTES) {
            throw new RedisStoreException(describe() + ": the result of " + key.shortHex() + " is "
                    + (entry.length >> 20) + " MB; a Redis value holds at most 512 MB, so store such results in a "
                    + "directory (--jugdir DIR)");
        }
    }

    private static byte[] millis(Duration d) {
        return bytes(Long.toString(Math.max(1, d.toMillis())));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
