package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ThinningTest {
    private static final Refs REFS = Refs.of("masks");

    static Stream<String> shapes() {
        return REFS.suffixes("in__");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void hitOrMissMatchesScipyForEveryTemplate(String shape) {
        GrayU8 mask = REFS.get("in__" + shape).toU8();
        List<Map.Entry<String, int[][]>> templates = REFS.templates();
        for (int k = 0; k < templates.size(); k++) {
            Refs.assertSame(Morphology.hitOrMiss(mask, templates.get(k).getValue()),
                    Refs.slice(REFS.get("hitmiss__" + shape), k), "hit-or-miss " + templates.get(k).getKey());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void thinMatchesMahotasSlowThinReference(String shape) {
        GrayU8 blobs = REFS.get("blobs__" + shape).toU8();
        Refs.assertSame(Morphology.thin(blobs), REFS.get("thin__" + shape), "thin " + shape);
        Refs.assertSame(Morphology.thin(blobs, 1), REFS.get("thin1__" + shape), "one thinning pass " + shape);
        Refs.assertSame(Morphology.thin((GrayU8) Refs.embedded(blobs)), REFS.get("thin__" + shape), "view");
    }

    @Test
    void oracleTH1ThinsAFilledRectangleAsMahotasDoes() {
        GrayU8 rect = new GrayU8(7, 9);
        for (int r = 1; r < 6; r++) {
            for (int c = 1; c < 8; c++) {
                rect.set(r, c, 1);
            }
        }
        String[] expected = {"000000000", "010000010", "011000110", "001111100", "011000100", "010000110",
            "000000000"};
        GrayU8 thin = Morphology.thin(rect);
        for (int r = 0; r < 7; r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < 9; c++) {
                row.append(thin.get(r, c));
            }
            assertThat(row.toString()).as("row %d", r).isEqualTo(expected[r]);
        }
    }

    @Test
    void skeletonHasNoPixelThatSurvivesA4ConnectedErosion() {
        // mahotas's test_thin: a thinned shape is at most one pixel thick.
        GrayU8 skeleton = Morphology.thin(REFS.get("blobs__20x20").toU8());
        GrayU8 eroded = Morphology.binaryErode(skeleton, StructuringElement.cross());
        GrayU8 inner = eroded.crop(1, 1, 18, 18).copy();
        assertThat(inner.data()).containsOnly((byte) 0);
    }

    @Test
    void zeroIterationsReturnTheMaskAsZeroOne() {
        GrayU8 mask = new GrayU8(2, 2, new byte[] {0, 7, (byte) 255, 1});
        assertThat(Morphology.thin(mask, 0).data()).containsExactly(0, 1, 1, 1);
        assertThatThrownBy(() -> Morphology.thin(mask, -1)).hasMessage("maxIterations < 0: -1");
    }

    @Test
    void malformedTemplatesAreRefused() {
        GrayU8 mask = new GrayU8(3, 3);
        assertThatThrownBy(() -> Morphology.hitOrMiss(mask, new int[][] {{0, 3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template entry must be 0, 1 or 2 (don't care): 3");
        assertThatThrownBy(() -> Morphology.hitOrMiss(mask, new int[][] {{0, 1}, {1}}))
                .hasMessage("template row 1 has 1 entries, row 0 has 2");
        assertThatThrownBy(() -> Morphology.hitOrMiss(mask, new int[0][]))
                .hasMessageStartingWith("empty hit-or-miss template");
    }
}
