package jug.vision.label;

import java.util.Arrays;

/** A set of nonzero label values, tested once per pixel: a table when the values are close together, else a search. */
final class LabelSet {
    private static final int MAX_TABLE = 1 << 24;

    private final int min;
    private final boolean[] table;
    private final int[] sorted;

    LabelSet(int[] values) {
        int[] v = Arrays.stream(values).filter(x -> x != 0).sorted().distinct().toArray();
        if (v.length > 0 && (long) v[v.length - 1] - v[0] < MAX_TABLE) {
            min = v[0];
            table = new boolean[v[v.length - 1] - min + 1];
            for (int x : v) {
                table[x - min] = true;
            }
            sorted = null;
        } else {
            min = 0;
            table = null;
            sorted = v;
        }
    }

    boolean contains(int v) {
        if (table != null) {
            long i = (long) v - min;
            return i >= 0 && i < table.length && table[(int) i];
        }
        return sorted.length > 0 && Arrays.binarySearch(sorted, v) >= 0;
    }
}
