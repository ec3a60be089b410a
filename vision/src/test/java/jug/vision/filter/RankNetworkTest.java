package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import jug.vision.Border;
import jug.vision.GrayImage;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class RankNetworkTest {
    private static int[] run(int[] network, int[] values) {
        int[] v = values.clone();
        for (int q = 0; q < network.length; q += 2) {
            int a = v[network[q]];
            int b = v[network[q + 1]];
            v[network[q]] = Math.min(a, b);
            v[network[q + 1]] = Math.max(a, b);
        }
        return v;
    }

    @Test
    void prunedNetworksSelectEveryRankOfEveryZeroOneInputUpToTwelveWires() {
        // The 0-1 principle: a comparator network that sorts (or selects from) every 0/1 input does so for all inputs.
        for (int n = 1; n <= 12; n++) {
            for (int rank = 0; rank < n; rank++) {
                int[] network = RankNetwork.comparators(n, rank);
                for (int bits = 0; bits < 1 << n; bits++) {
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = bits >> i & 1;
                    }
                    int ones = Integer.bitCount(bits);
                    int expected = rank >= n - ones ? 1 : 0;
                    assertThat(run(network, v)[rank]).as("n=%d rank=%d input=%s", n, rank, Integer.toBinaryString(bits))
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void largerNetworksSelectFromRandomInputs() {
        Random random = new Random(11);
        for (int n : new int[] {13, 16, 17, 25, 31, 32, 33, 49, 64, 100, 255, RankNetwork.MAX_MEMBERS}) {
            for (int rank : new int[] {0, 1, n / 2, n - 1}) {
                int[] network = RankNetwork.comparators(n, rank);
                for (int t = 0; t < 100; t++) {
                    int[] v = random.ints(n, 0, 10).toArray();
                    int[] sorted = v.clone();
                    Arrays.sort(sorted);
                    assertThat(run(network, v)[rank]).isEqualTo(sorted[rank]);
                }
            }
        }
    }

    @Test
    void pruningKeepsFewerComparatorsForTheExtremes() {
        int full = RankNetwork.comparators(9, 4).length / 2;
        assertThat(RankNetwork.comparators(9, 0).length / 2).isLessThan(full);
        assertThat(RankNetwork.comparators(9, 0).length / 2).isEqualTo(8);
    }

    @Test
    void networkAndPerPixelSelectionAgreeOnALargeFootprint() {
        Refs refs = new Refs("rank.npz");
        GrayImage in = refs.inputs("f64", "all").get(3);
        StructuringElement disk = StructuringElement.disk(3);
        for (int rank : new int[] {0, 5, disk.size() - 1}) {
            GrayImage a = in.zerosLike();
            GrayImage b = in.zerosLike();
            RankNetwork.apply(in, disk, rank, Border.REFLECT, 0, a);
            RankSelect.apply(in, disk, rank, Border.REFLECT, 0, b);
            assertThat(a).isEqualTo(b);
        }
    }
}
