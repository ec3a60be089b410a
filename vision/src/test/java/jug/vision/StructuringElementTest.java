package jug.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StructuringElementTest {
    @Test
    void crossHasFiveMembersAroundTheCentre() {
        StructuringElement cross = StructuringElement.cross();
        assertThat(cross.size()).isEqualTo(5);
        assertThat(cross.rowOffsets()).containsExactly(-1, 0, 0, 0, 1);
        assertThat(cross.colOffsets()).containsExactly(0, -1, 0, 1, 0);
    }

    @Test
    void diskUsesAStrictRadiusLikeMahotas() {
        assertThat(StructuringElement.disk(2).size()).isEqualTo(9);
        assertThat(StructuringElement.disk(1).size()).isEqualTo(1);
    }

    @Test
    void evenSizedElementsHaveTheirOriginAtHalfTheShape() {
        StructuringElement two = StructuringElement.ones(2, 2);
        assertThat(two.rowOffsets()).containsExactly(-1, -1, 0, 0);
        assertThat(two.colOffsets()).containsExactly(-1, 0, -1, 0);
    }

    @Test
    void reflectionNegatesOffsets() {
        StructuringElement corner = StructuringElement.of(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 0}});
        assertThat(corner.isSymmetric()).isFalse();
        StructuringElement mirrored = corner.reflected();
        assertThat(mirrored.rowOffsets()).containsExactly(0, 1, 1);
        assertThat(mirrored.colOffsets()).containsExactly(0, 0, 1);
    }

    @Test
    void emptyElementIsRefused() {
        assertThatThrownBy(() -> StructuringElement.of(new int[][] {{0, 0}, {0, 0}}))
                .hasMessageContaining("empty structuring element");
    }
}
