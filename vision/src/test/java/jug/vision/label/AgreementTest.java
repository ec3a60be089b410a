package jug.vision.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import org.junit.jupiter.api.Test;

class AgreementTest {
    private static GrayS32 row(int... labels) {
        return new GrayS32(1, labels.length, labels);
    }

    @Test
    void adjustedRandIndexMatchesHubertAndArabiesWorkedValues() {
        // the values scikit-learn's documentation gives for adjusted_rand_score
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 1, 1), row(0, 0, 1, 1))).isEqualTo(1.0);
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 1, 1), row(1, 1, 0, 0))).isEqualTo(1.0);
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 1, 2), row(0, 0, 1, 1))).isCloseTo(0.5714285714285715, within(1e-12));
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 1, 1), row(0, 0, 1, 2))).isCloseTo(0.5714285714285715, within(1e-12));
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 0, 0), row(0, 1, 2, 3))).isCloseTo(0.0, within(1e-12));
        assertThat(Agreement.adjustedRandIndex(row(0, 0, 1, 1), row(0, 1, 0, 1))).isCloseTo(-0.5, within(1e-12));
    }

    @Test
    void adjustedRandIndexIgnoresRenumberingAndCropsWork() {
        Random random = new Random(3);
        GrayS32 a = new GrayS32(20, 30);
        GrayS32 b = new GrayS32(20, 30);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = random.nextInt(5);
            b.data()[i] = 7 * a.data()[i] + 3;
        }
        assertThat(Agreement.adjustedRandIndex(a, b)).isCloseTo(1.0, within(1e-12));
        assertThat(Agreement.adjustedRandIndex(a.crop(2, 3, 10, 10), b.crop(2, 3, 10, 10))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void labelsTooFarApartForATableGiveTheSameIndex() {
        GrayS32 a = row(0, 0, 1, 2, 7, 7);
        GrayS32 b = row(5, 5, 5, 9, 9, 9);
        GrayS32 spreadA = row(0, 0, 100_000, 200_000, 700_000_000, 700_000_000);
        GrayS32 spreadB = row(-5, -5, -5, 900_000, 900_000, 900_000);
        assertThat(Agreement.adjustedRandIndex(spreadA, spreadB)).isEqualTo(Agreement.adjustedRandIndex(a, b));
    }

    @Test
    void jaccardIsIntersectionOverUnion() {
        GrayU8 a = new GrayU8(1, 6, new byte[] {1, 1, 1, 0, 0, 0});
        GrayU8 b = new GrayU8(1, 6, new byte[] {0, 1, 1, 1, 0, 0});
        assertThat(Agreement.jaccard(a, b)).isEqualTo(0.5);
        assertThat(Agreement.jaccard(new GrayU8(2, 2), new GrayU8(2, 2))).isEqualTo(1.0);
        assertThat(Agreement.jaccard(row(0, 5, 9), row(0, 1, 0))).isEqualTo(0.5);
    }

    @Test
    void differentShapesAreRefused() {
        assertThatThrownBy(() -> Agreement.adjustedRandIndex(new GrayS32(2, 3), new GrayS32(3, 2)))
                .hasMessage("shape mismatch: labels is 2×3, reference is 3×2");
    }
}
