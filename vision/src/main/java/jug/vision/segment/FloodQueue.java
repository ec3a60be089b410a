package jug.vision.segment;

import java.util.Arrays;

/**
 * The watershed's priority queue over pixel indices: pops the pixel with the smallest key and, among equal keys,
 * the one pushed first. Each pixel is pushed at most once, which both implementations rely on.
 */
abstract sealed class FloodQueue permits FloodQueue.Buckets, FloodQueue.Heap {
    /** Pushes pixel {@code p} with its own key. */
    abstract void push(int p);

    /** Removes and returns the next pixel, or -1 when the queue is empty. */
    abstract int pop();

    /**
     * A bucket queue for small integer keys: one FIFO list per key (linked through {@code next}, indexed by
     * pixel), and a bitmap of the non-empty buckets. Keys pushed below the current minimum are fine: flooding
     * pushes each neighbour with its own value, not the level being flooded, so priorities can go down.
     */
    static final class Buckets extends FloodQueue {
        private final int[] key;
        private final int[] next;
        private final int[] head;
        private final int[] tail;
        private final long[] nonEmpty;
        private int lowest;

        Buckets(int[] key, int buckets) {
            this.key = key;
            this.next = new int[key.length];
            this.head = new int[buckets];
            this.tail = new int[buckets];
            Arrays.fill(head, -1);
            this.nonEmpty = new long[(buckets + 63) >>> 6];
            this.lowest = buckets;
        }

        @Override
        void push(int p) {
            int b = key[p];
            next[p] = -1;
            if (head[b] < 0) {
                head[b] = p;
                nonEmpty[b >>> 6] |= 1L << b;
            } else {
                next[tail[b]] = p;
            }
            tail[b] = p;
            if (b < lowest) {
                lowest = b;
            }
        }

        @Override
        int pop() {
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
            int b = (wi << 6) + Long.numberOfTrailingZeros(word);
            lowest = b;
            int p = head[b];
            int n = next[p];
            head[b] = n;
            if (n < 0) {
                nonEmpty[wi] &= ~(1L << b);
            }
            return p;
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
        void push(int p) {
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
