package jug.backend.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;
import jug.core.TaskKey;

/**
 * Results stored many to a file: a worker that runs a batch of short tasks writes their results as one pack instead
 * of one file each, because creating a file costs more than a trivial task. A pack is immutable, written to a temporary
 * file and renamed into {@code results/packs/}, so readers see all of it or nothing, on local disks and NFS alike.
 * Removing a packed result writes a new pack without it and deletes the old one, under a per-pack lock.
 *
 * <pre>
 * "JUGP" | version 1 | count N | N × (key 32 bytes | offset 8 | length 4) | CRC32C of the header | entries
 * </pre>
 *
 * Each process keeps an index of the packs it has seen, refreshed from one directory listing when a key is not found
 * in it. Thread-safe.
 */
final class Packs {
    private static final byte[] MAGIC = {'J', 'U', 'G', 'P'};
    private static final int VERSION = 1;
    private static final int RECORD = 32 + 8 + 4;
    private static final Duration STALE_LOCK = Duration.ofMinutes(1);

    private record Ref(String pack, long offset, int length) {
    }

    private final Path dir;
    private final Path tmp;
    private final Path locks;
    private final Map<TaskKey, Ref> index = new HashMap<>();
    /** Further packs holding a key already in {@link #index}: while a pack is rewritten both exist for a moment. */
    private final Map<TaskKey, List<Ref>> duplicates = new HashMap<>();
    private final Map<String, List<TaskKey>> packs = new HashMap<>();

    Packs(Path dir, Path tmp, Path locks) {
        this.dir = dir;
        this.tmp = tmp;
        this.locks = locks;
    }

    /** Writes {@code entries} as one new pack. The directories must exist. */
    void write(Map<TaskKey, byte[]> entries, boolean fsync) throws IOException {
        String name = Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 62) + ".pack";
        Path temp = tmp.resolve(name);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer pack = encode(entries);
            while (pack.hasRemaining()) {
                out.write(pack);
            }
            if (fsync) {
                out.force(true);
            }
            Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        synchronized (this) {
            add(name, headerOffsets(entries));
        }
    }

    /** True if a pack holds {@code key}, looking at new packs only if the index does not have it. */
    synchronized boolean contains(TaskKey key) throws IOException {
        return index.containsKey(key) || refresh() && index.containsKey(key);
    }

    /** Which of {@code keys} a pack holds, after one look at the pack directory. */
    synchronized Set<TaskKey> containing(Collection<TaskKey> keys) throws IOException {
        refresh();
        Set<TaskKey> present = new HashSet<>();
        for (TaskKey k : keys) {
            if (index.containsKey(k)) {
                present.add(k);
            }
        }
        return present;
    }

    /** Every packed key, together with {@code more}, in one set sized once (a listing of 100,000 results). */
    synchronized Set<TaskKey> keysAnd(Collection<TaskKey> more) throws IOException {
        refresh();
        Set<TaskKey> keys = new HashSet<>((int) ((index.size() + more.size()) / 0.75f) + 1);
        keys.addAll(index.keySet());
        keys.addAll(more);
        return keys;
    }

    /** The packed entry of {@code key}, if any. */
    Optional<byte[]> read(TaskKey key) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            Ref ref;
            synchronized (this) {
                ref = index.get(key);
                if (ref == null && refresh()) {
                    ref = index.get(key);
                }
            }
            if (ref == null) {
                return Optional.empty();
            }
            try (FileChannel in = FileChannel.open(dir.resolve(ref.pack), StandardOpenOption.READ)) {
                ByteBuffer entry = ByteBuffer.allocate(ref.length);
                while (entry.hasRemaining() && in.read(entry, ref.offset + entry.position()) > 0) {
                    // read on
                }
                return Optional.of(entry.array()); // a short read leaves zeros, which the entry's checksum catches
            } catch (NoSuchFileException e) {
                synchronized (this) {
                    refresh(); // the pack was rewritten meanwhile: look again
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Removes the packed entries of {@code keys}; returns those that were packed. A pack rewritten by someone else
     * meanwhile is looked up again, until no key is left in any pack.
     */
    Set<TaskKey> remove(Collection<TaskKey> keys) throws IOException {
        Set<TaskKey> removed = new HashSet<>();
        Set<TaskKey> pending = new HashSet<>(keys);
        while (!pending.isEmpty()) {
            Map<String, Set<TaskKey>> byPack = new HashMap<>();
            synchronized (this) {
                refresh();
                for (TaskKey k : pending) {
                    Ref ref = index.get(k);
                    if (ref != null) {
                        byPack.computeIfAbsent(ref.pack, p -> new HashSet<>()).add(k);
                    }
                }
            }
            if (byPack.isEmpty()) {
                break;
            }
            for (Map.Entry<String, Set<TaskKey>> e : byPack.entrySet()) {
                Set<TaskKey> done = rewrite(e.getKey(), e.getValue());
                removed.addAll(done);
                pending.removeAll(done);
            }
        }
        return removed;
    }

    /**
     * Writes pack {@code name} again without {@code excluded}, under the pack's lock so that two removals cannot each
     * bring back what the other removed; returns the keys actually removed, with any whose entry a truncation cut off.
     */
    private Set<TaskKey> rewrite(String name, Set<TaskKey> excluded) throws IOException {
        Path lock = locks.resolve("pack-" + name + ".lock");
        acquire(lock);
        try {
            Path pack = dir.resolve(name);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(pack);
            } catch (NoSuchFileException e) {
                synchronized (this) {
                    refresh();
                }
                return Set.of(); // rewritten by someone else first; the caller's next look finds the new pack
            }
            Map<TaskKey, byte[]> kept = new LinkedHashMap<>();
            Set<TaskKey> removed = new HashSet<>();
            Map<TaskKey, long[]> header = decodeHeader(ByteBuffer.wrap(bytes));
            header.forEach((k, at) -> {
                if (excluded.contains(k)) {
                    removed.add(k);
                } else if (at[0] < 0 || at[1] < 0 || at[0] + at[1] > bytes.length) {
                    removed.add(k); // cut off by a truncation: it could never be read, so it is computed again
                } else {
                    byte[] entry = new byte[(int) at[1]];
                    System.arraycopy(bytes, (int) at[0], entry, 0, entry.length);
                    kept.put(k, entry);
                }
            });
            if (!kept.isEmpty()) {
                write(kept, false);
            }
            Files.deleteIfExists(pack);
            synchronized (this) {
                forget(name);
            }
            return removed;
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    private static void acquire(Path lock) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Files.createFile(lock);
                return;
            } catch (NoSuchFileException e) {
                Files.createDirectories(lock.getParent());
            } catch (FileAlreadyExistsException e) {
                try {
                    FileTime modified = Files.getLastModifiedTime(lock);
                    if (modified.toInstant().isBefore(Instant.now().minus(STALE_LOCK))) {
                        Files.deleteIfExists(lock); // its holder died mid-rewrite
                        continue;
                    }
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(lock + " is held for over 30 s; if no jug process runs, remove it");
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for " + lock, interrupted);
                }
            }
        }
    }

    /** Reads the headers of packs not seen yet and drops packs that are gone; returns true if anything changed. */
    private boolean refresh() throws IOException {
        String[] names = dir.toFile().list();
        Set<String> present = new HashSet<>();
        boolean changed = false;
        if (names != null) {
            for (String name : names) {
                if (!name.endsWith(".pack")) {
                    continue;
                }
                present.add(name);
                if (!packs.containsKey(name)) {
                    changed |= load(name);
                }
            }
        }
        for (String known : new ArrayList<>(packs.keySet())) {
            if (!present.contains(known)) {
                forget(known);
                changed = true;
            }
        }
        return changed;
    }

    private boolean load(String name) throws IOException {
        try (FileChannel in = FileChannel.open(dir.resolve(name), StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(9);
            in.read(head, 0);
            head.flip();
            int count = head.limit() == 9 ? head.getInt(5) : -1;
            if (count < 0 || count > in.size() / RECORD) {
                packs.put(name, List.of()); // not a pack we can read: its results count as absent
                return false;
            }
            ByteBuffer header = ByteBuffer.allocate(9 + count * RECORD + 4);
            in.read(header, 0);
            header.flip();
            Map<TaskKey, long[]> entries = decodeHeader(header);
            add(name, entries);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            packs.put(name, List.of());
            return false;
        }
    }

    /** Indexes pack {@code name}, given its keys' {offset, length}. */
    private void add(String name, Map<TaskKey, long[]> offsets) {
        packs.put(name, List.copyOf(offsets.keySet()));
        for (Map.Entry<TaskKey, long[]> e : offsets.entrySet()) {
            TaskKey k = e.getKey();
            Ref ref = new Ref(name, e.getValue()[0], (int) e.getValue()[1]);
            if (index.putIfAbsent(k, ref) != null) {
                duplicates.computeIfAbsent(k, x -> new ArrayList<>()).add(ref);
            }
        }
    }

    /** Drops a pack that is gone; a key it shared with another pack stays known through the other. */
    private void forget(String name) {
        List<TaskKey> keys = packs.remove(name);
        if (keys == null) {
            return;
        }
        for (TaskKey k : keys) {
            List<Ref> others = duplicates.get(k);
            if (others != null) {
                others.removeIf(r -> r.pack.equals(name));
            }
            Ref ref = index.get(k);
            if (ref != null && ref.pack.equals(name)) {
                if (others != null && !others.isEmpty()) {
                    index.put(k, others.remove(others.size() - 1));
                } else {
                    index.remove(k);
                }
            }
            if (others != null && others.isEmpty()) {
                duplicates.remove(k);
            }
        }
    }

    private static ByteBuffer encode(Map<TaskKey, byte[]> entries) {
        int headerSize = 9 + entries.size() * RECORD + 4;
        long total = headerSize;
        for (byte[] e : entries.values()) {
            total += e.length;
        }
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.BIG_ENDIAN);
        b.put(MAGIC).put((byte) VERSION).putInt(entries.size());
        long offset = headerSize;
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            b.put(e.getKey().toBytes()).putLong(offset).putInt(e.getValue().length);
            offset += e.getValue().length;
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        for (byte[] e : entries.values()) {
            b.put(e);
        }
        return b.flip();
    }

    private static Map<TaskKey, long[]> headerOffsets(Map<TaskKey, byte[]> entries) {
        Map<TaskKey, long[]> at = new HashMap<>();
        long offset = 9 + (long) entries.size() * RECORD + 4;
        for (Map.Entry<TaskKey, byte[]> e : entries.entrySet()) {
            at.put(e.getKey(), new long[] {offset, e.getValue().length});
            offset += e.getValue().length;
        }
        return at;
    }

    /** Key → {offset, length}; an empty map if the header is damaged (its results then count as absent). */
    private static Map<TaskKey, long[]> decodeHeader(ByteBuffer b) {
        Map<TaskKey, long[]> entries = new LinkedHashMap<>();
        if (b.remaining() < 13 || b.get(0) != MAGIC[0] || b.get(1) != MAGIC[1] || b.get(2) != MAGIC[2]
                || b.get(3) != MAGIC[3] || b.get(4) != VERSION) {
            return entries;
        }
        int count = b.getInt(5);
        int headerEnd = 9 + count * RECORD;
        if (count < 0 || headerEnd + 4 > b.limit()) {
            return entries;
        }
        CRC32C crc = new CRC32C();
        crc.update(b.array(), b.arrayOffset(), headerEnd);
        if ((int) crc.getValue() != b.getInt(headerEnd)) {
            return entries;
        }
        byte[] key = new byte[32];
        for (int i = 0; i < count; i++) {
            int at = 9 + i * RECORD;
            b.get(at, key);
            entries.put(TaskKey.of(key), new long[] {b.getLong(at + 32), b.getInt(at + 40)});
        }
        return entries;
    }
}
