package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jug.vision.Border;
import jug.vision.DType;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class RankFiltersTest {
    private static final Refs RANK = new Refs("rank.npz");
    private static final Map<String, StructuringElement> FOOTPRINTS = Map.of(
            "square", StructuringElement.square(),
            "cross", StructuringElement.cross(),
            "asym", StructuringElement.of(new int[][] {{1, 1, 0}, {0, 1, 1}}),
            "even", StructuringElement.of(new int[][] {{1, 1}, {1, 0}}),
            "disk", StructuringElement.of(new int[][] {
                {0, 1, 1, 1, 0}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {1, 1, 1, 1, 1}, {0, 1, 1, 1, 0}}),
            "big", StructuringElement.ones(17, 17));
    private static final int[][] M1 = {{1, 9, 2, 8}, {7, 3, 6, 4}, {5, 5, 0, 1}};

    private interface Filter {
        GrayImage apply(GrayImage in, String param, Border border, double cval);
    }

    private static int checkAll(String prefix, Filter filter) {
        int checked = 0;
        for (String key : RANK.keys(prefix)) {
            String dtype = Refs.field(key, 2);
            double cval = Refs.dtype(dtype).isInteger() ? Refs.CVAL_INT : Refs.CVAL;
            List<GrayImage> inputs = RANK.inputs(dtype, Refs.field(key, 3));
            for (int m = 0; m < Refs.BORDERS.length; m++) {
                for (int i = 0; i < inputs.size(); i++) {
                    GrayImage in = inputs.get(i);
                    GrayImage got = filter.apply(in, Refs.field(key, 1), Refs.BORDERS[m], cval);
                    Refs.assertMatches(got, RANK.expected(key, m, i), 0, key + " " + Refs.BORDERS[m] + " " + in.shape());
                    checked++;
                }
            }
        }
        return checked;
    }

    @Test
    void medianMatchesScipyForEveryFootprintModeDtypeAndShape() {
        int n = checkAll("median~", (in, fp, b, cval) -> RankFilters.median(in, FOOTPRINTS.get(fp), b, cval, in.zerosLike()));
        // The square on every shape of every dtype; other footprints on every shape of u8 and f64, 7×9 for the rest;
        // the 289-member block (per-pixel selection) on the 7×9 image of u8 and f64.
        assertThat(n).isEqualTo(5 * 5 * 5 + 4 * (2 * 5 + 3) * 5 + 2 * 5);
    }

    @Test
    void rankMatchesScipyForTheSmallestSecondAndLargestRanks() {
        checkAll("rank~", (in, p, b, cval) -> {
            String[] parts = p.split(",");
            return RankFilters.rank(in, FOOTPRINTS.get(parts[0]), Integer.parseInt(parts[1]), b, cval, in.zerosLike());
        });
    }

    @Test
    void medianOfOracleM1MatchesMahotasAndScipy() {
        GrayU8 a = u8(M1);
        assertThat(rows(RankFilters.median(a, Border.REFLECT))).isEqualTo(new int[][] {{3, 3, 6, 6}, {5, 5, 4, 4}, {5, 5, 3, 1}});
        assertThat(rows(RankFilters.median(a, StructuringElement.square(), Border.REFLECT)))
                .isEqualTo(new int[][] {{3, 3, 6, 6}, {5, 5, 4, 4}, {5, 5, 3, 1}});
    }

    @Test
    void rankOfOracleM1CountsFromTheSmallestWithZeroBorders() {
        GrayU8 a = u8(M1);
        StructuringElement ones = StructuringElement.square();
        assertThat(rows(RankFilters.rank(a, ones, 0, Border.CONSTANT)))
                .isEqualTo(new int[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}});
        assertThat(rows(RankFilters.rank(a, ones, 8, Border.CONSTANT)))
                .isEqualTo(new int[][] {{9, 9, 9, 8}, {9, 9, 9, 8}, {7, 7, 6, 6}});
        assertThat(rows(RankFilters.rank(a, ones, 0, Border.REFLECT)))
                .isEqualTo(new int[][] {{1, 1, 2, 2}, {1, 0, 0, 0}, {3, 0, 0, 0}});
        assertThat(rows(RankFilters.rank(a, ones, 8, Border.REFLECT)))
                .isEqualTo(new int[][] {{9, 9, 9, 8}, {9, 9, 9, 8}, {7, 7, 6, 6}});
    }

    @Test
    void rankWithZeroPaddingEqualsBruteForceForEveryRank() {
        // mahotas' test_median_filter: rank_filter(A, ones(3,3), r, mode='constant') against a zero-padded brute force.
        GrayImage a = RANK.inputs("u8", "all").get(3);
        for (int r = 0; r < 9; r++) {
            GrayImage got = RankFilters.rank(a, StructuringElement.square(), r, Border.CONSTANT);
            for (int y = 0; y < a.height(); y++) {
                for (int x = 0; x < a.width(); x++) {
                    double[] window = new double[9];
                    for (int k = 0; k < 9; k++) {
                        int yy = y + k / 3 - 1;
                        int xx = x + k % 3 - 1;
                        boolean inside = yy >= 0 && yy < a.height() && xx >= 0 && xx < a.width();
                        window[k] = inside ? a.getAsDouble(yy, xx) : 0;
                    }
                    java.util.Arrays.sort(window);
                    assertThat(got.getAsDouble(y, x)).as("rank %d at (%d, %d)", r, y, x).isEqualTo(window[r]);
                }
            }
        }
    }

    @Test
    void medianKeepsTheInputTypeOrConvertsIntoTheCallersImage() {
        GrayU16 in = new GrayU16(3, 3, new short[] {1, 2, 3, 4, (short) 60000, (short) 60000, 7, (short) 60000, (short) 60000});
        assertThat(RankFilters.median(in, Border.NEAREST).dtype()).isEqualTo(DType.U16);
        GrayU8 narrow = new GrayU8(3, 3);
        RankFilters.median(in, StructuringElement.square(), Border.NEAREST, 0, narrow);
        assertThat(narrow.get(2, 2)).isEqualTo(255);
        GrayF64 wide = new GrayF64(3, 3);
        RankFilters.median(in, StructuringElement.square(), Border.NEAREST, 0, wide);
        assertThat(wide.get(2, 2)).isEqualTo(60000);
    }

    @Test
    void anOutOfRangeConstantIsComparedAsItsValueAndSaturatedOnOutput() {
        GrayU8 a = u8(M1);
        GrayImage min = RankFilters.rank(a, StructuringElement.square(), 0, Border.CONSTANT, -3, a.zerosLike());
        assertThat(((GrayU8) min).get(1, 1)).isZero();
        GrayImage max = RankFilters.rank(a, StructuringElement.square(), 8, Border.CONSTANT, 300, a.zerosLike());
        assertThat(((GrayU8) max).get(1, 1)).isEqualTo(9);
        assertThat(((GrayU8) max).get(0, 0)).isEqualTo(255);
        GrayImage median = RankFilters.median(a, StructuringElement.square(), Border.CONSTANT, 0.5, new GrayF64(3, 4));
        assertThat(median.getAsDouble(0, 0)).isEqualTo(0.5);
    }

    @Test
    void outOfRangeRanksAndEmptyFootprintsAreRefused() {
        GrayU8 a = u8(M1);
        assertThatThrownBy(() -> RankFilters.rank(a, StructuringElement.square(), 9, Border.REFLECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rank outside 0..8 for a footprint of 9 members: 9");
        assertThatThrownBy(() -> RankFilters.rank(a, StructuringElement.cross(), -1, Border.REFLECT))
                .hasMessageContaining(": -1");
        assertThatThrownBy(() -> StructuringElement.of(new int[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty structuring element");
        assertThatThrownBy(() -> RankFilters.median(a, StructuringElement.square(), Border.REFLECT, 0, new GrayU8(4, 3)))
                .hasMessage("shape mismatch: in is 3×4, out is 4×3");
    }

    @Test
    void selectFindsEveryRankOfARandomArrayWithTies() {
        java.util.Random random = new java.util.Random(5);
        for (int n = 1; n < 60; n++) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(7);
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            for (int k = 0; k < n; k++) {
                assertThat(RankSelect.select(values.clone(), k)).as("n=%d k=%d", n, k).isEqualTo(sorted[k]);
            }
        }
    }

    private static GrayU8 u8(int[][] rows) {
        GrayU8 img = new GrayU8(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[0].length; c++) {
                img.set(r, c, rows[r][c]);
            }
        }
        return img;
    }

    private static int[][] rows(GrayImage img) {
        int[][] out = new int[img.height()][img.width()];
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                out[r][c] = (int) img.getAsDouble(r, c);
            }
        }
        return out;
    }

    @Test
    void rankFiltersOfALargeImageSplitOverThreadsMatchScipy() {
        LargeImages.assertSamplesMatch(RankFilters.median(LargeImages.u8(), Border.REFLECT), "median~u8");
        GrayImage f = LargeImages.f64();
        LargeImages.assertSamplesMatch(RankFilters.median(f, StructuringElement.square(), Border.CONSTANT, Refs.CVAL,
                f.zerosLike()), "median~f64");
        LargeImages.assertSamplesMatch(RankFilters.rank(LargeImages.u8(), StructuringElement.cross(), 1, Border.WRAP),
                "rank~u8");
    }

    @Test
    void cropViewsAreFilteredAsTheirPixelsByEveryPath() {
        for (String dtype : new String[] {"u8", "f64"}) {
            GrayImage in = RANK.inputs(dtype, "one").get(0);
            GrayImage big = GrayImage.zeros(in.dtype(), in.height() + 2, in.width() + 4);
            for (int r = 0; r < in.height(); r++) {
                for (int c = 0; c < in.width(); c++) {
                    double[] v = {in.getAsDouble(r, c)};
                    Rows.store(v, 0, 1, big, r + 1, c + 3);
                }
            }
            GrayImage view = big.crop(1, 3, in.height(), in.width());
            GrayImage target = GrayImage.zeros(in.dtype(), in.height() + 1, in.width() + 1).crop(1, 1, in.height(), in.width());
            for (String fp : new String[] {"square", "cross"}) {
                String key = "median~" + fp + "~" + dtype + "~all";
                RankFilters.median(view, FOOTPRINTS.get(fp), Border.MIRROR, 0, target);
                Refs.assertMatches(target, RANK.expected(key, 3, 2), 0, "crop " + key);
            }
        }
    }
}
