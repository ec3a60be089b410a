package jug.vision.segment;

import java.util.Arrays;

/**
 * The watershed's priority queue over pixel indices: pops the pixel with the smallest key and, among equal keys,
 * the one pushed first. Each pixel is pushed at most once, which both implementations rely on.
 */
abstract sealed class FloodQueue permits FloodQueue.Buckets, FloodQueue.Heap {
    /** Pushes pixel {@code p}, whose bucket is {@code bucket} (only the bucket queue uses it; the heap has keys). */
    abstract void push(int p, int bucket);

    /** Removes and returns the next pixel, or -1 when the queue is empty. */
    abstract int pop();

    /**
     * A bucket queue for small integer keys, each bucket a FIFO of fixed-size chunks taken from one shared pool, and
     * a bitmap of the non-empty buckets. Chunks are recycled as soon as they are read, so the pool stays about as
     * large as the flooding front and pushes and pops touch memory sequentially. Keys pushed below the current
     * minimum are fine: flooding queues each neighbour with its own value, so priorities can go down.
     */
    static final class Buckets extends FloodQueue {
        private final int shift;
        private final int mask;
        private final int[] headPos;
        private final int[] tailPos;
        private final long[] nonEmpty;
        private int[] pool;
        private int[] nextChunk;
        private int[] free;
        private int freeCount;
        private int chunks;
        private int lowest;

        Buckets(int buckets) {
            // Chunks of a power of two (shifts, not divisions, on every push and pop); small ones when there are
            // many buckets, so that sparse levels do not hold much memory each.
            this.shift = buckets <= 1024 ? 8 : 5;
            this.mask = (1 << shift) - 1;
            this.headPos = new int[buckets];
            this.tailPos = new int[buckets];
            Arrays.fill(headPos, -1);
            this.nonEmpty = new long[(buckets + 63) >>> 6];
            this.pool = new int[64 << shift];
            this.nextChunk = new int[64];
            this.free = new int[64];
            this.lowest = buckets;
        }

        @Override
        void push(int p, int b) {
            int t = tailPos[b];
            if (headPos[b] < 0) {
                t = newChunk() << shift;
                headPos[b] = t;
                nonEmpty[b >>> 6] |= 1L << b;
            } else if ((t & mask) == 0) {
                // The tail chunk is full (t points just past it): link a new one.
                int c = newChunk();
                nextChunk[(t >>> shift) - 1] = c;
                t = c << shift;
            }
            pool[t] = p;
            tailPos[b] = t + 1;
            if (b < lowest) {
                lowest = b;
            }
        }

        @Override
        int pop() {
            if (lowest < headPos.length && headPos[lowest] >= 0) {
                return take(lowest);
            }
            int wi = lowest >>> 6;
            if (wi >= nonEmpty.length) {
                return -1;
            }
            long word = nonEmpty[wi] & (-1L << lowest);
            while (word == 0) {
                if (++wi == nonEmpty.length) {
                    lowest = wi << 6;
                    return -1;
                }
                word = nonEmpty[wi];
            }
            lowest = (wi << 6) + Long.numberOfTrailingZeros(word);
            return take(lowest);
        }

        private int take(int b) {
            int h = headPos[b];
            int p = pool[h++];
            if (h == tailPos[b]) {
                release((h - 1) >>> shift);
                headPos[b] = -1;
                nonEmpty[b >>> 6] &= ~(1L << b);
            } else if ((h & mask) == 0) {
                int done = (h >>> shift) - 1;
                headPos[b] = nextChunk[done] << shift;
                release(done);
            } else {
                headPos[b] = h;
            }
            return p;
        }

        private int newChunk() {
            if (freeCount > 0) {
                return free[--freeCount];
            }
            if (chunks == nextChunk.length) {
                nextChunk = Arrays.copyOf(nextChunk, chunks * 2);
                free = Arrays.copyOf(free, chunks * 2);
                pool = Arrays.copyOf(pool, (chunks * 2) << shift);
            }
            return chunks++;
        }

        private void release(int c) {
            free[freeCount++] = c;
        }
    }

    /** A binary min-heap on (key, insertion number), for keys too spread out for buckets (floats, wide ints). */
    static final class Heap extends FloodQueue {
        private final long[] key;
        private final long[] heapKey;
        private final int[] heapSeq;
        private final int[] pixelOf;
        private int size;
        private int pushed;

        Heap(long[] key, int capacity) {
            this.key = key;
            this.heapKey = new long[capacity];
            this.heapSeq = new int[capacity];
            this.pixelOf = new int[capacity];
        }

        @Override
        void push(int p, int bucket) {
            long k = key[p];
            int seq = pushed++;
            pixelOf[seq] = p;
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(k, seq, heapKey[parent], heapSeq[parent])) {
                    break;
                }
                heapKey[i] = heapKey[parent];
                heapSeq[i] = heapSeq[parent];
                i = parent;
            }
            heapKey[i] = k;
            heapSeq[i] = seq;
        }

        @Override
        int pop() {
            if (size == 0) {
                return -1;
            }
            int top = pixelOf[heapSeq[0]];
            long k = heapKey[--size];
            int seq = heapSeq[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(heapKey[child + 1], heapSeq[child + 1], heapKey[child], heapSeq[child])) {
                    child++;
                }
                if (!before(heapKey[child], heapSeq[child], k, seq)) {
                    break;
                }
                heapKey[i] = heapKey[child];
                heapSeq[i] = heapSeq[child];
                i = child;
            }
            heapKey[i] = k;
            heapSeq[i] = seq;
            return top;
        }

        private static boolean before(long k1, int s1, long k2, int s2) {
            return k1 < k2 || (k1 == k2 && s1 < s2);
        }
    }
}
