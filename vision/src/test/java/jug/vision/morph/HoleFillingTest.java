package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HoleFillingTest {
    private static final Refs REFS = Refs.of("masks");

    static Stream<String> shapes() {
        return REFS.suffixes("holes__");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void closeHolesMatchesScipyFillHolesForEveryConnectivity(String shape) {
        GrayU8 mask = REFS.get("holes__" + shape).toU8();
        List<Map.Entry<String, StructuringElement>> elements = REFS.elements();
        for (int k = 0; k < elements.size(); k++) {
            Refs.assertSame(Morphology.closeHoles(mask, elements.get(k).getValue()),
                    Refs.slice(REFS.get("fill__" + shape), k), "fill holes with " + elements.get(k).getKey());
        }
    }

    @Test
    void ringIsFilledToTheSquareItCameFrom() {
        // mahotas's test_close_holes: a square minus its twice-eroded self, then closed.
        GrayU8 square = new GrayU8(20, 20);
        for (int r = 4; r < 15; r++) {
            for (int c = 3; c < 17; c++) {
                square.set(r, c, 1);
            }
        }
        GrayU8 inner = Morphology.binaryErode(Morphology.binaryErode(square, StructuringElement.cross()),
                StructuringElement.cross());
        GrayU8 ring = square.copy();
        for (int i = 0; i < ring.data().length; i++) {
            ring.data()[i] ^= inner.data()[i];
        }
        assertThat(ring).isNotEqualTo(square);
        assertThat(Morphology.closeHoles(ring, StructuringElement.cross())).isEqualTo(square);
    }
}
