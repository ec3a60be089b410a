package jug.vision.morph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MorphologyTest {
    private static final Refs GREY = Refs.of("grey");
    private static final Refs BINARY = Refs.of("binary");

    static Stream<String> greyInputs() {
        return GREY.suffixes("in__");
    }

    static Stream<String> greyInputsWithCompositions() {
        return GREY.suffixes("open__");
    }

    static Stream<String> maskInputs() {
        return BINARY.suffixes("in__");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greyInputs")
    void erodeAndDilateMatchScipyForEveryTypeShapeAndElement(String key) {
        GrayImage in = GREY.get("in__" + key).toImage();
        checkEveryElement(GREY, "erode__" + key, se -> Morphology.erode(in, se));
        checkEveryElement(GREY, "dilate__" + key, se -> Morphology.dilate(in, se));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greyInputs")
    void cropViewsGiveTheSameResultAsContiguousImages(String key) {
        GrayImage view = Refs.embedded(GREY.get("in__" + key).toImage());
        checkEveryElement(GREY, "erode__" + key, se -> Morphology.erode(view, se));
        checkEveryElement(GREY, "dilate__" + key, se -> Morphology.dilate(view, se));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("greyInputsWithCompositions")
    void openCloseAndTopHatsMatchScipy(String key) {
        GrayImage in = GREY.get("in__" + key).toImage();
        checkEveryElement(GREY, "open__" + key, se -> Morphology.open(in, se));
        checkEveryElement(GREY, "close__" + key, se -> Morphology.close(in, se));
        checkEveryElement(GREY, "whitetophat__" + key, se -> Morphology.whiteTopHat(in, se));
        checkEveryElement(GREY, "blacktophat__" + key, se -> Morphology.blackTopHat(in, se));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("maskInputs")
    void binaryOperatorsMatchScipyWithTheirBorderValues(String key) {
        GrayU8 mask = BINARY.get("in__" + key).toU8();
        checkEveryElement(BINARY, "erode__" + key, se -> Morphology.binaryErode(mask, se));
        checkEveryElement(BINARY, "dilate__" + key, se -> Morphology.binaryDilate(mask, se));
        checkEveryElement(BINARY, "open__" + key, se -> Morphology.binaryOpen(mask, se));
        checkEveryElement(BINARY, "close__" + key, se -> Morphology.binaryClose(mask, se));
        GrayU8 view = (GrayU8) Refs.embedded(mask);
        checkEveryElement(BINARY, "erode__" + key, se -> Morphology.binaryErode(view, se));
    }

    private static void checkEveryElement(Refs refs, String key, java.util.function.Function<StructuringElement,
            GrayImage> op) {
        Npy.Array stacked = refs.get(key);
        List<Map.Entry<String, StructuringElement>> elements = refs.elements();
        for (int k = 0; k < elements.size(); k++) {
            Refs.assertSame(op.apply(elements.get(k).getValue()), Refs.slice(stacked, k),
                    key + " with " + elements.get(k).getKey());
        }
    }

    @Test
    void flatErosionIsMahotasNonFlatErosionPlusOneOnOracleE1() {
        // mahotas.erode/dilate on uint8 subtract/add the element's value 1 (non-flat, issue #29); E1 in mahotas.md.
        GrayU8 a = new GrayU8(4, 4);
        for (int i = 0; i < 16; i++) {
            a.data()[i] = (byte) (i + 1);
        }
        int[][] mahotasErodeCross = {{0, 0, 1, 2}, {0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}};
        int[][] mahotasDilateCross = {{6, 7, 8, 9}, {10, 11, 12, 13}, {14, 15, 16, 17}, {15, 16, 17, 17}};
        int[][] mahotasErodeSquare = {{0, 0, 1, 2}, {0, 0, 1, 2}, {4, 4, 5, 6}, {8, 8, 9, 10}};
        int[][] mahotasDilateSquare = {{7, 8, 9, 9}, {11, 12, 13, 13}, {15, 16, 17, 17}, {15, 16, 17, 17}};
        assertShifted(Morphology.erode(a, StructuringElement.cross()), mahotasErodeCross, 1);
        assertShifted(Morphology.dilate(a, StructuringElement.cross()), mahotasDilateCross, -1);
        assertShifted(Morphology.erode(a, StructuringElement.square()), mahotasErodeSquare, 1);
        assertShifted(Morphology.dilate(a, StructuringElement.square()), mahotasDilateSquare, -1);
    }

    private static void assertShifted(GrayU8 actual, int[][] mahotas, int shift) {
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                assertThat(actual.get(r, c)).as("(%d, %d)", r, c).isEqualTo(mahotas[r][c] + shift);
            }
        }
    }

    @Test
    void dilatingOnePixelStampsTheElementAndErodingItsComplementStampsItsMirror() {
        // mahotas's test_dilate_1 element, used flat. Dilation reads in[x - b], so an impulse at p lights p + b.
        int[][] b = {{0, 1, 0}, {2, 2, 1}, {1, 3, 0}};
        GrayU8 impulse = new GrayU8(16, 16);
        impulse.set(8, 8, 1);
        GrayU8 d = Morphology.dilate(impulse, StructuringElement.of(b));
        GrayU8 hole = new GrayU8(16, 16);
        hole.fill(1);
        hole.set(8, 8, 0);
        GrayU8 e = Morphology.binaryErode(hole, StructuringElement.of(b));
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                int dr = r - 8;
                int dc = c - 8;
                boolean member = Math.abs(dr) <= 1 && Math.abs(dc) <= 1 && b[1 + dr][1 + dc] != 0;
                boolean mirror = Math.abs(dr) <= 1 && Math.abs(dc) <= 1 && b[1 - dr][1 - dc] != 0;
                assertThat(d.get(r, c)).as("dilation at (%d, %d)", r, c).isEqualTo(member ? 1 : 0);
                assertThat(e.get(r, c)).as("erosion at (%d, %d)", r, c).isEqualTo(mirror ? 0 : 1);
            }
        }
        assertThat(Morphology.binaryDilate(impulse, StructuringElement.of(b))).isEqualTo(d);
    }

    @Test
    void allTrueMaskSurvivesErosionAsWithMahotasNearestBorder() {
        GrayU8 ones = new GrayU8(5, 7);
        ones.fill(9);
        GrayU8 eroded = Morphology.binaryErode(ones, StructuringElement.disk(3));
        assertThat(eroded.data()).containsOnly((byte) 1);
    }

    @Test
    void dilatingTwelveTimesThenErodingTwelveTimesRestoresASquare() {
        GrayU8 square = new GrayU8(64, 64);
        for (int r = 27; r < 37; r++) {
            for (int c = 27; c < 37; c++) {
                square.set(r, c, 1);
            }
        }
        GrayU8 m = square.copy();
        for (int i = 0; i < 12; i++) {
            m = Morphology.binaryDilate(m, StructuringElement.cross(), m);
        }
        assertThat(m).isNotEqualTo(square);
        for (int i = 0; i < 12; i++) {
            m = Morphology.binaryErode(m, StructuringElement.cross(), m);
        }
        assertThat(m).isEqualTo(square);
    }

    @Test
    void outputMayBeTheInputItself() {
        GrayF64 in = GREY.get("in__f64__16x23").toF64();
        GrayF64 expected = Morphology.erode(in, StructuringElement.disk(3));
        assertThat(Morphology.erode(in, StructuringElement.disk(3), in)).isSameAs(in);
        assertThat(in).isEqualTo(expected);
    }

    @Test
    void outputMayBeACropViewOfALargerImage() {
        GrayU8 in = GREY.get("in__u8__16x23").toU8();
        GrayU8 canvas = new GrayU8(20, 30);
        canvas.fill(77);
        GrayU8 view = canvas.crop(2, 4, 16, 23);
        Morphology.dilate(in, StructuringElement.disk(3), view);
        assertThat(view.copy()).isEqualTo(Morphology.dilate(in, StructuringElement.disk(3)));
        assertThat(canvas.get(1, 4)).isEqualTo(77);
        assertThat(canvas.get(2, 27)).isEqualTo(77);
        assertThat(canvas.get(18, 4)).isEqualTo(77);
    }

    @Test
    void largeImagesSplitIntoBandsGiveTheSameResultAsTheDefinition() {
        // 640×500 has more than Parallelism.MIN_PIXELS_TO_SPLIT pixels, so rows are processed in bands.
        GrayU8 u8 = new GrayU8(640, 500);
        GrayF32 f32 = new GrayF32(640, 500);
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < u8.data().length; i++) {
            u8.data()[i] = (byte) random.nextInt(256);
            f32.data()[i] = (float) random.nextGaussian();
        }
        StructuringElement corner = StructuringElement.of(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}});
        for (StructuringElement se : List.of(StructuringElement.square(), StructuringElement.cross(), corner)) {
            assertThat(Morphology.erode(u8, se)).isEqualTo(BruteForce.erode(u8, se));
            assertThat(Morphology.dilate(u8, se)).isEqualTo(BruteForce.dilate(u8, se));
            assertThat(Morphology.dilate(f32, se)).isEqualTo(BruteForce.dilate(f32, se));
        }
    }

    @Test
    void randomElementsAgreeWithTheDefinitionOnEveryType() {
        java.util.Random random = new java.util.Random(11);
        for (int trial = 0; trial < 40; trial++) {
            int[][] rows = new int[1 + random.nextInt(5)][1 + random.nextInt(21)];
            for (int[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = random.nextInt(3) == 0 ? 1 : 0;
                }
            }
            rows[0][0] = 1;
            StructuringElement se = StructuringElement.of(rows);
            GrayU8 u8 = new GrayU8(1 + random.nextInt(12), 1 + random.nextInt(30));
            random.nextBytes(u8.data());
            GrayS32 s32 = new GrayS32(u8.height(), u8.width());
            for (int i = 0; i < s32.data().length; i++) {
                s32.data()[i] = random.nextInt();
            }
            BiFunction<String, Object, String> what = (op, image) -> op + " " + image + " by " + se;
            assertThat(Morphology.erode(u8, se)).as(what.apply("erode", u8)).isEqualTo(BruteForce.erode(u8, se));
            assertThat(Morphology.dilate(u8, se)).as(what.apply("dilate", u8)).isEqualTo(BruteForce.dilate(u8, se));
            assertThat(Morphology.erode(s32, se)).as(what.apply("erode", s32)).isEqualTo(BruteForce.erode(s32, se));
            assertThat(Morphology.dilate(s32, se)).as(what.apply("dilate", s32))
                    .isEqualTo(BruteForce.dilate(s32, se));
        }
    }

    @Test
    void conditionalOperatorsMatchScipyCompositions() {
        Refs refs = Refs.of("conditional");
        List<Map.Entry<String, StructuringElement>> elements = refs.elements();
        int[] iterations = {1, 3, 1000};
        for (String dt : List.of("u8", "i32", "f32", "f64")) {
            GrayImage image = refs.get("image__" + dt).toImage();
            GrayImage bound = refs.get("bound__" + dt).toImage();
            for (int e = 0; e < elements.size(); e++) {
                for (int i = 0; i < iterations.length; i++) {
                    StructuringElement se = elements.get(e).getValue();
                    String what = dt + " " + elements.get(e).getKey() + " ×" + iterations[i];
                    int k = e * iterations.length + i;
                    Refs.assertSame(Morphology.conditionalErode(image, bound, se, iterations[i]),
                            Refs.slice(refs.get("cerode__" + dt), k), "conditionalErode " + what);
                    Refs.assertSame(Morphology.conditionalDilate(image, bound, se, iterations[i]),
                            Refs.slice(refs.get("cdilate__" + dt), k), "conditionalDilate " + what);
                }
            }
        }
    }

    @Test
    void mismatchedOutputsAreRefusedWithBothDescriptions() {
        GrayU8 in = new GrayU8(3, 4);
        assertThatThrownBy(() -> Morphology.erode(in, StructuringElement.cross(), new GrayU8(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape mismatch: image is 3×4, out is 4×3");
        assertThatThrownBy(() -> Morphology.dilate((GrayImage) in, StructuringElement.cross(), new GrayF32(3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("out is float32, image is uint8");
        assertThatThrownBy(() -> Morphology.conditionalDilate(in, in, StructuringElement.cross(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("iterations < 1: 0");
    }

    @Test
    void emptyImagesGiveEmptyResults() {
        assertThat(Morphology.erode(new GrayF64(0, 5), StructuringElement.square()).shape()).isEqualTo("0×5");
        assertThat(Morphology.binaryDilate(new GrayU8(3, 0), StructuringElement.square()).shape()).isEqualTo("3×0");
    }
}
