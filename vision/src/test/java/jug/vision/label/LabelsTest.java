package jug.vision.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class LabelsTest {
    static final Map<String, Npy.Array> REF = Npy.resourceArchive("/jug/vision/label/label.npz");
    private static final List<String> IMAGES = List.of("row", "column", "odd", "sparse", "half", "dense", "blobs",
            "checker", "empty", "full", "comb", "spiral", "diagonals");
    private static final List<String> ELEMENT_IMAGES = List.of("odd", "sparse", "blobs", "checker", "comb", "spiral",
            "diagonals", "row", "column");
    private static final int[][] L1 = {{0, 0, 1, 0, 1}, {1, 0, 1, 0, 0}, {1, 0, 0, 1, 1}, {0, 1, 0, 0, 0}};

    static int[] ints(Npy.Array a) {
        double[] v = a.values();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    static int scalar(String key) {
        return (int) REF.get(key).values()[0];
    }

    static GrayS32 image(int[][] rows) {
        GrayS32 out = new GrayS32(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[0].length; c++) {
                out.set(r, c, rows[r][c]);
            }
        }
        return out;
    }

    static GrayU8 mask(int[][] rows) {
        GrayU8 out = new GrayU8(rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[0].length; c++) {
                out.set(r, c, rows[r][c]);
            }
        }
        return out;
    }

    static int[] flat(int[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void labelMatchesScipyWithCrossAndSquareOnEveryReferenceImage() {
        for (String name : IMAGES) {
            GrayImage img = REF.get(name).toImage();
            Labeling four = Labels.label4(img);
            Labeling eight = Labels.label8(img);
            assertThat(four.count()).as(name).isEqualTo(scalar(name + "_n_cross"));
            assertThat(four.labels().data()).as(name).containsExactly(ints(REF.get(name + "_cross")));
            assertThat(eight.count()).as(name).isEqualTo(scalar(name + "_n_square"));
            assertThat(eight.labels().data()).as(name).containsExactly(ints(REF.get(name + "_square")));
            // The same mask with varied byte values, high bit set included: only zero versus nonzero may count.
            GrayU8 bytes = (GrayU8) img.copy();
            for (int i = 0; i < bytes.data().length; i++) {
                bytes.data()[i] = (byte) (bytes.data()[i] == 0 ? 0 : new int[] {255, 128, 1, 255, 7}[i % 5]);
            }
            assertThat(Labels.label4(bytes).labels().data()).as(name).containsExactly(ints(REF.get(name + "_cross")));
            assertThat(Labels.label8(bytes).labels().data()).as(name).containsExactly(ints(REF.get(name + "_square")));
        }
    }

    @Test
    void labelMatchesReferencesForOtherElementsIncludingAsymmetricAndWideOnes() {
        int n = scalar("n_elements");
        for (int k = 0; k < n; k++) {
            Npy.Array se = REF.get("se_" + k);
            int[][] rows = new int[se.rows()][se.cols()];
            for (int i = 0; i < se.values().length; i++) {
                rows[i / se.cols()][i % se.cols()] = (int) se.values()[i];
            }
            StructuringElement element = StructuringElement.of(rows);
            for (String name : ELEMENT_IMAGES) {
                Labeling l = Labels.label(REF.get(name).toImage(), element);
                assertThat(l.count()).as("%s se%d", name, k).isEqualTo(scalar(name + "_n_se" + k));
                assertThat(l.labels().data()).as("%s se%d", name, k).containsExactly(ints(REF.get(name + "_se" + k)));
            }
        }
    }

    @Test
    void labelTreatsNonzeroAsForegroundInEveryDtype() {
        GrayImage u8 = REF.get("blobs").toImage();
        int[] expected = ints(REF.get("blobs_cross"));
        GrayU8 bytes = new GrayU8(u8.height(), u8.width());
        for (int i = 0; i < bytes.data().length; i++) {
            // Byte values whose high bit is set, so the word-at-a-time scan cannot mistake them for zeros.
            bytes.data()[i] = (byte) (((GrayU8) u8).data()[i] == 0 ? 0 : new int[] {1, 128, 255, 7}[i % 4]);
        }
        GrayImage[] variants = {bytes, u8.toF64(), u8.toF32(), scaled(u8, -3).toF64(), u16(u8), s32(u8, -7)};
        for (GrayImage v : variants) {
            assertThat(Labels.label4(v).labels().data()).as(v.toString()).containsExactly(expected);
        }
    }

    private static GrayImage scaled(GrayImage img, double k) {
        jug.vision.GrayF64 out = img.toF64();
        for (int i = 0; i < out.data().length; i++) {
            out.data()[i] *= k;
        }
        return out;
    }

    private static GrayImage u16(GrayImage img) {
        jug.vision.GrayU16 out = new jug.vision.GrayU16(img.height(), img.width());
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                out.set(r, c, (int) img.getAsDouble(r, c) * 40000);
            }
        }
        return out;
    }

    private static GrayImage s32(GrayImage img, int k) {
        GrayS32 out = new GrayS32(img.height(), img.width());
        for (int r = 0; r < img.height(); r++) {
            for (int c = 0; c < img.width(); c++) {
                out.set(r, c, (int) img.getAsDouble(r, c) * k);
            }
        }
        return out;
    }

    @Test
    void labelOfACropViewEqualsLabelOfItsCopyAndCanWriteIntoAView() {
        GrayImage big = REF.get("half").toImage();
        GrayImage crop = big.crop(5, 7, 40, 33);
        Labeling expected = Labels.label8(crop.copy());
        assertThat(Labels.label8(crop)).isEqualTo(expected);
        GrayS32 canvas = new GrayS32(50, 50);
        canvas.fill(-9);
        GrayS32 view = canvas.crop(3, 4, 40, 33);
        Labeling written = Labels.label(crop, StructuringElement.square(), view);
        assertThat(written.count()).isEqualTo(expected.count());
        assertThat(view.copy()).isEqualTo(expected.labels());
        assertThat(canvas.get(0, 0)).isEqualTo(-9);
        assertThat(Labels.label(crop, StructuringElement.of(new int[][] {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}}), view).count())
                .isEqualTo(Labels.label(crop.copy(), StructuringElement.of(new int[][] {{1, 1, 0}, {1, 1, 0}, {0, 0, 0}})).count());
    }

    @Test
    void mahotasOracleL1GivesFiveRegionsWithTheCrossAndThreeWithTheSquare() {
        Labeling cross = Labels.label4(mask(L1));
        assertThat(cross.count()).isEqualTo(5);
        assertThat(cross.labels().data()).containsExactly(
                flat(new int[][] {{0, 0, 1, 0, 2}, {3, 0, 1, 0, 0}, {3, 0, 0, 4, 4}, {0, 5, 0, 0, 0}}));
        Labeling square = Labels.label8(mask(L1));
        assertThat(square.count()).isEqualTo(3);
        assertThat(square.labels().data()).containsExactly(
                flat(new int[][] {{0, 0, 1, 0, 2}, {3, 0, 1, 0, 0}, {3, 0, 0, 1, 1}, {0, 3, 0, 0, 0}}));
    }

    @Test
    void mahotasTwoSquaresGiveTwoRegionsOfSizes1600And9AndAllOnesGivesOne() {
        GrayU8 f = new GrayU8(128, 128);
        for (int r = 4; r < 44; r++) {
            for (int c = 4; c < 44; c++) {
                f.set(r, c, 1);
            }
        }
        for (int r = 55; r < 58; r++) {
            for (int c = 55; c < 58; c++) {
                f.set(r, c, 1);
            }
        }
        Labeling l = Labels.label4(f);
        assertThat(l.count()).isEqualTo(2);
        assertThat(Measurements.sizes(l.labels())).containsExactly(128 * 128 - 1609, 1600, 9);
        GrayU8 ones = new GrayU8(10, 7);
        ones.fill(1);
        assertThat(Labels.label4(ones).count()).isEqualTo(1);
    }

    @Test
    void relabelNumbersValuesByFirstAppearance() {
        Labeling l = Labels.relabel(image(new int[][] {{5, 0, 2}, {2, 9, 5}}));
        assertThat(l.count()).isEqualTo(3);
        assertThat(l.labels().data()).containsExactly(1, 0, 2, 2, 3, 1);
        Labeling ref = Labels.relabel(REF.get("r_labels").toS32());
        assertThat(ref.count()).isEqualTo(scalar("r_n"));
        assertThat(ref.labels().data()).containsExactly(ints(REF.get("r_relabel")));
        Labeling wide = Labels.relabel(image(new int[][] {{Integer.MAX_VALUE, 0, Integer.MIN_VALUE}, {4, Integer.MAX_VALUE, 0}}));
        assertThat(wide.labels().data()).containsExactly(1, 0, 2, 3, 1, 0);
    }

    @Test
    void removeRegionsAndRemoveBorderingMatchTheReference() {
        GrayS32 labels = REF.get("r_labels").toS32();
        assertThat(Labels.removeRegions(labels, ints(REF.get("r_removed"))).data())
                .containsExactly(ints(REF.get("r_remove_regions")));
        assertThat(Labels.removeBordering(labels).data()).containsExactly(ints(REF.get("r_bordering_1")));
        for (int margin : new int[] {0, 1, 3}) {
            assertThat(Labels.removeBordering(labels, margin).data()).as("margin %d", margin)
                    .containsExactly(ints(REF.get("r_bordering_" + margin)));
        }
        assertThat(labels.data()).containsExactly(ints(REF.get("r_labels")));
    }

    @Test
    void filterBySizeKeepsSizesInTheInclusiveRangeAndRenumbers() {
        GrayS32 labels = REF.get("r_labels").toS32();
        for (int k = 0; k < 4; k++) {
            double[] args = REF.get("r_filter_" + k + "_args").values();
            Labeling f = Labels.filterBySize(labels, (int) args[0], (int) args[1], args[2] != 0);
            assertThat(f.count()).as("case %d", k).isEqualTo(scalar("r_filter_" + k + "_n"));
            assertThat(f.labels().data()).as("case %d", k).containsExactly(ints(REF.get("r_filter_" + k)));
        }
    }

    @Test
    void argumentErrorsNameTheParameterAndValue() {
        GrayS32 labels = new GrayS32(3, 4);
        assertThatThrownBy(() -> Labels.filterBySize(labels, -1, 5, false)).hasMessage("minSize < 0: -1");
        assertThatThrownBy(() -> Labels.filterBySize(labels, 5, 3, false)).hasMessage("maxSize < minSize: 3 < 5");
        assertThatThrownBy(() -> Labels.removeBordering(labels, -2)).hasMessage("margin < 0: -2");
        assertThatThrownBy(() -> Labels.label(new GrayU8(4, 3), StructuringElement.cross(), labels))
                .hasMessage("shape mismatch: binary is 4×3, out is 3×4");
    }

    @Test
    void emptyImagesHaveNoRegions() {
        assertThat(Labels.label4(new GrayU8(0, 5)).count()).isZero();
        assertThat(Labels.label(new GrayU8(3, 0), StructuringElement.disk(3)).count()).isZero();
        assertThat(Labels.relabel(new GrayS32(0, 0)).count()).isZero();
    }
}
