package jug.vision.label;

import static jug.vision.label.LabelsTest.REF;
import static jug.vision.label.LabelsTest.image;
import static jug.vision.label.LabelsTest.ints;
import static jug.vision.label.LabelsTest.mask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
    private static final List<String> DTYPES = List.of("u8", "u16", "s32", "f32", "f64");
    private static final int[][] L1 = {{0, 0, 1, 0, 1}, {1, 0, 1, 0, 0}, {1, 0, 0, 1, 1}, {0, 1, 0, 0, 0}};
    private static final GrayS32 LABELS = REF.get("m_labels").toS32();

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            if (Double.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s[%d]", what, i).isNaN();
            } else {
                assertThat(actual[i]).as("%s[%d]", what, i)
                        .isCloseTo(expected[i], within(1e-9 * Math.max(1, Math.abs(expected[i]))));
            }
        }
    }

    @Test
    void sizesAndBoxesMatchBincountAndFindObjects() {
        assertThat(Measurements.sizes(LABELS)).containsExactly(ints(REF.get("m_sizes")));
        int[] boxes = ints(REF.get("m_boxes"));
        Box[] actual = Measurements.bboxes(LABELS);
        assertThat(actual).hasSize(boxes.length / 4);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("label %d", i)
                    .isEqualTo(new Box(boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]));
        }
    }

    @Test
    void sumsMinimaMaximaAndCentresMatchScipyForEveryDtype() {
        for (String dtype : DTYPES) {
            GrayImage values = REF.get("m_" + dtype).toImage();
            assertThat(values.dtype().name().toLowerCase()).isEqualTo(dtype);
            assertClose(Measurements.sums(values, LABELS), REF.get("m_" + dtype + "_sum").values(), dtype + " sum");
            assertClose(Measurements.minima(values, LABELS), REF.get("m_" + dtype + "_min").values(), dtype + " min");
            assertClose(Measurements.maxima(values, LABELS), REF.get("m_" + dtype + "_max").values(), dtype + " max");
            double[][] com = Measurements.centerOfMass(values, LABELS);
            double[] expected = REF.get("m_" + dtype + "_com").values();
            double[] actual = new double[com.length * 2];
            for (int i = 0; i < com.length; i++) {
                actual[2 * i] = com[i][0];
                actual[2 * i + 1] = com[i][1];
            }
            assertClose(actual, expected, dtype + " centre of mass");
            assertClose(Measurements.centerOfMass(values), REF.get("m_" + dtype + "_com_all").values(), dtype + " centre");
        }
    }

    @Test
    void integerSumsAreExactInsteadOfWrappingInTheImageType() {
        double[] exact = REF.get("m_s32_sum_exact").values();
        assertThat(Measurements.sums(REF.get("m_s32").toImage(), LABELS)).containsExactly(exact);
        // mahotas oracle: label sums 1356 and 300 in uint8, which mahotas stores as 76 and 44.
        GrayU8 values = new GrayU8(2, 8);
        GrayS32 labels = new GrayS32(2, 8);
        int[] v = {250, 250, 250, 250, 250, 106, 150, 150};
        for (int c = 0; c < 8; c++) {
            values.set(0, c, v[c]);
            labels.set(0, c, c < 6 ? 1 : 2);
        }
        assertThat(Measurements.sums(values, labels)).containsExactly(0, 1356, 300);
    }

    @Test
    void maximaOfNegativeFloatsAreNegativeUnlikeMahotas() {
        GrayF64 values = new GrayF64(1, 4, new double[] {-3.5, -1.25, -8, 2});
        GrayS32 labels = image(new int[][] {{1, 1, 1, 2}});
        assertThat(Measurements.maxima(values, labels)).containsExactly(Double.NaN, -1.25, 2);
        assertThat(Measurements.minima(values, labels)).containsExactly(Double.NaN, -8, 2);
    }

    @Test
    void labelsWithoutPixelsHaveNaNExtremaAndEmptyBoxesAndNegativeLabelsAreSkipped() {
        GrayF64 values = new GrayF64(1, 4, new double[] {1, 2, 3, 4});
        GrayS32 labels = image(new int[][] {{3, -1, 3, 0}});
        assertThat(Measurements.sizes(labels)).containsExactly(1, 0, 0, 2);
        assertThat(Measurements.minima(values, labels)).containsExactly(4, Double.NaN, Double.NaN, 1);
        assertThat(Measurements.sums(values, labels)).containsExactly(4, 0, 0, 4);
        assertThat(Measurements.bboxes(labels)).containsExactly(new Box(0, 1, 3, 4), Box.EMPTY, Box.EMPTY,
                new Box(0, 1, 0, 3));
        assertThat(Measurements.centerOfMass(values, labels)[1]).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void mahotasOracleL1SizesBoxesAndCentres() {
        GrayS32 labels = Labels.label4(mask(L1)).labels();
        assertThat(Measurements.sizes(labels)).containsExactly(12, 2, 1, 2, 2, 1);
        int[][] boxes = {{0, 4, 0, 5}, {0, 2, 2, 3}, {0, 1, 4, 5}, {1, 3, 0, 1}, {2, 3, 3, 5}, {3, 4, 1, 2}};
        Box[] actual = Measurements.bboxes(labels);
        for (int i = 0; i < boxes.length; i++) {
            assertThat(actual[i]).isEqualTo(new Box(boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][3]));
        }
        assertThat(Measurements.bbox(mask(L1))).isEqualTo(new Box(0, 4, 0, 5));
        assertThat(Measurements.centerOfMass(mask(L1))).containsExactly(1.375, 2.0);
        double[][] com = Measurements.centerOfMass(mask(L1), labels);
        double[][] expected = {{Double.NaN, Double.NaN}, {0.5, 2}, {0, 4}, {1.5, 0}, {2, 3.5}, {3, 1}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(com[i]).as("label %d", i).containsExactly(expected[i]);
        }
        assertThat(Measurements.centerOfMass(mask(new int[][] {{1, 0}, {0, 3}}))).containsExactly(0.75, 0.75);
    }

    @Test
    void zeroTotalWeightGivesNaNCentre() {
        assertThat(Measurements.centerOfMass(new GrayF64(1, 2, new double[] {5, -5}))).containsExactly(Double.NaN, Double.NaN);
        assertThat(Measurements.centerOfMass(new GrayU8(3, 3))).containsExactly(Double.NaN, Double.NaN);
    }

    @Test
    void mahotasBboxOraclesAndBorderClippedToTheImage() {
        GrayU8 img = new GrayU8(10, 12);
        assertThat(Measurements.bbox(img)).isEqualTo(Box.EMPTY);
        img.set(4, 2, 1);
        assertThat(Measurements.bbox(img)).isEqualTo(new Box(4, 5, 2, 3));
        img.set(6, 8, 1);
        assertThat(Measurements.bbox(img)).isEqualTo(new Box(4, 7, 2, 9));
        assertThat(Measurements.bbox(img, 1)).isEqualTo(new Box(3, 8, 1, 10));
        GrayU8 full = new GrayU8(4, 5);
        full.fill(1);
        assertThat(Measurements.bbox(full, 3)).isEqualTo(new Box(0, 4, 0, 5));
        assertThat(Measurements.bbox(new GrayU8(4, 5), 3)).isEqualTo(Box.EMPTY);
        assertThatThrownBy(() -> Measurements.bbox(full, -1)).hasMessage("border < 0: -1");
    }

    @Test
    void perLabelBoxesEqualTheBoxOfEachLabelMask() {
        Box[] boxes = Measurements.bboxes(LABELS);
        int[] l = LABELS.data();
        for (int label = 0; label < boxes.length; label++) {
            GrayU8 m = new GrayU8(LABELS.height(), LABELS.width());
            for (int i = 0; i < l.length; i++) {
                m.data()[i] = (byte) (l[i] == label ? 1 : 0);
            }
            assertThat(boxes[label]).isEqualTo(Measurements.bbox(m));
        }
    }

    @Test
    void measurementsReadCropViewsAndCheckShapes() {
        GrayImage values = REF.get("m_f64").toImage();
        GrayImage crop = values.crop(3, 5, 30, 40);
        GrayS32 labels = LABELS.crop(3, 5, 30, 40);
        assertThat(Measurements.sums(crop, labels)).containsExactly(Measurements.sums(crop.copy(), labels.copy()));
        assertThat(Measurements.sizes(labels)).containsExactly(Measurements.sizes(labels.copy()));
        assertThatThrownBy(() -> Measurements.sums(values, new GrayS32(3, 3)))
                .hasMessage("shape mismatch: values is 57×71, labels is 3×3");
    }
}
