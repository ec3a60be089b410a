package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import jug.vision.GrayU8;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MajorityVoteTest {
    private static final Refs REFS = Refs.of("masks");

    static Stream<String> shapes() {
        return REFS.suffixes("in__");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void majorityOfTheInImageWindowMatchesScipyCounts(String shape) {
        GrayU8 mask = REFS.get("in__" + shape).toU8();
        int[] sizes = {1, 3, 5, 7};
        for (int k = 0; k < sizes.length; k++) {
            Refs.assertSame(Morphology.majorityFilter(mask, sizes[k]), Refs.slice(REFS.get("majority__" + shape), k),
                    "majority " + sizes[k] + "×" + sizes[k]);
        }
    }

    @Test
    void allTrueMaskStaysAllTrueWhereMahotasClearsTheBorderAndAnOffByOneRowAndColumn() {
        // Oracle MJ: mahotas.majority_filter(ones(6, 6)) is true only on [1:4, 1:4].
        GrayU8 ones = new GrayU8(6, 6);
        ones.fill(1);
        assertThat(Morphology.majorityFilter(ones, 3).data()).containsOnly((byte) 1);
    }

    @Test
    void fourOfNineIsNotAMajority() {
        // mahotas needs only floor(9 / 2) = 4 votes; a majority of 9 is 5.
        GrayU8 mask = new GrayU8(5, 5);
        int[][] four = {{1, 1}, {1, 3}, {3, 1}, {3, 3}};
        for (int[] p : four) {
            mask.set(p[0], p[1], 1);
        }
        assertThat(Morphology.majorityFilter(mask, 3).get(2, 2)).isZero();
        mask.set(2, 2, 1);
        assertThat(Morphology.majorityFilter(mask, 3).get(2, 2)).isOne();
    }

    @Test
    void evenOrNonPositiveWindowsAreRefused() {
        GrayU8 mask = new GrayU8(3, 3);
        assertThatThrownBy(() -> Morphology.majorityFilter(mask, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be odd and positive: 4; a window needs a centre pixel");
        assertThatThrownBy(() -> Morphology.majorityFilter(mask, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
