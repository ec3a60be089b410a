package jug.vision.segment;

import static jug.vision.segment.DistanceTest.REF;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jug.vision.GrayS32;
import org.junit.jupiter.api.Test;

class VoronoiTest {
    private static final List<String> IMAGES = List.of("random0", "random1", "random2", "lattice", "symmetric", "blobs",
            "row", "column");

    private static int[] ints(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @Test
    void gvoronoiMatchesScipyFeatureTransformIncludingTies() {
        for (String name : IMAGES) {
            GrayS32 labels = REF.get("v_" + name).toS32();
            assertThat(Voronoi.gvoronoi(labels).data()).as(name).containsExactly(ints(REF.get("v_" + name + "_out").values()));
        }
    }

    @Test
    void mahotasCornerSeedsSplitAlongTheAntiDiagonal() {
        GrayS32 labels = new GrayS32(128, 128);
        labels.set(0, 0, 1);
        labels.set(127, 127, 2);
        GrayS32 regions = Voronoi.gvoronoi(labels);
        for (int r = 0; r < 128; r++) {
            for (int c = 0; c < 128; c++) {
                if (regions.get(r, c) == 1) {
                    assertThat(r + c).isLessThan(128);
                } else {
                    assertThat(regions.get(r, c)).isEqualTo(2);
                    assertThat(r + c).isGreaterThanOrEqualTo(127);
                }
            }
        }
    }

    @Test
    void noLabelGivesAllZeroAndCropsAreRead() {
        assertThat(Voronoi.gvoronoi(new GrayS32(4, 5)).data()).containsOnly(0);
        GrayS32 labels = REF.get("v_random0").toS32();
        GrayS32 crop = labels.crop(4, 9, 50, 41);
        assertThat(Voronoi.gvoronoi(crop)).isEqualTo(Voronoi.gvoronoi(crop.copy()));
    }
}
