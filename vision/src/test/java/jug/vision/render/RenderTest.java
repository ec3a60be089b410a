package jug.vision.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jug.vision.GrayF64;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.Planar;
import jug.vision.io.Images;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderTest {
    private static final Map<String, Npy.Array> REF = Npy.resourceArchive("/jug/vision/render/render.npz");

    @TempDir
    Path dir;

    private static GrayU8 u8(String key) {
        return REF.get(key).toU8();
    }

    @Test
    void overlayReproducesTheMahotasOracle() {
        GrayU8 grey = new GrayU8(1, 2, new byte[] {10, 20});
        GrayU8 red = new GrayU8(1, 2, new byte[] {1, 0});
        Planar<GrayU8> out = Render.overlay(grey, red, null, null);
        assertThat(out.band(0).data()).containsExactly((byte) 255, 20);
        assertThat(out.band(1).data()).containsExactly(10, 20);
        assertThat(out.band(2).data()).containsExactly(10, 20);
    }

    @Test
    void overlayMatchesNumpyForEveryChannelAndStretchesWideGrey() {
        GrayU8 grey = u8("overlay_grey");
        Planar<GrayU8> out = Render.overlay(grey, u8("overlay_mask_r"), u8("overlay_mask_g"), u8("overlay_mask_b"));
        for (int b = 0; b < 3; b++) {
            assertThat(out.band(b)).isEqualTo(u8("overlay_" + "rgb".charAt(b)));
        }
        GrayU16 wide = REF.get("overlay_wide").toU16();
        Planar<GrayU8> stretched = Render.overlay(wide, u8("overlay_mask_r"), null, null);
        assertThat(stretched.band(0)).isEqualTo(u8("overlay_wide_r"));
        assertThat(grey).isEqualTo(u8("overlay_grey"));
    }

    @Test
    void overlayRefusesMasksOfAnotherShape() {
        assertThatThrownBy(() -> Render.overlay(new GrayU8(2, 3), null, new GrayU8(3, 2), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("shape mismatch: grey is 2×3, green is 3×2");
    }

    @Test
    void labelColoursFollowTheDocumentedHsvRule() {
        double[] table = REF.get("colours").values();
        for (int k = 1; k <= table.length / 3; k++) {
            int rgb = Render.labelColour(k);
            assertThat(new int[] {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF}).as("label %d", k)
                    .containsExactly((int) table[3 * k - 3], (int) table[3 * k - 2], (int) table[3 * k - 1]);
        }
        assertThat(Render.labelColour(0)).isZero();
        assertThat(Render.labelColour(-4)).isZero();
    }

    @Test
    void labelColoursAreDistinctVisibleAndConsecutiveLabelsContrast() {
        Set<Integer> seen = new HashSet<>();
        for (int k = 1; k <= 1983; k++) {
            int c = Render.labelColour(k);
            assertThat(seen.add(c)).as("label %d repeats a colour", k).isTrue();
            assertThat(0.30 * (c >> 16 & 0xFF) + 0.59 * (c >> 8 & 0xFF) + 0.11 * (c & 0xFF)).as("luminance of %d", k)
                    .isGreaterThan(30);
            assertThat(distance(c, Render.labelColour(k + 1))).as("labels %d and %d", k, k + 1).isGreaterThan(150);
        }
        for (int a = 1; a <= 16; a++) {
            for (int b = a + 1; b <= 16; b++) {
                assertThat(distance(Render.labelColour(a), Render.labelColour(b))).isGreaterThan(50);
            }
        }
        assertThat(Render.labelColour(Integer.MAX_VALUE)).isNotZero();
    }

    private static double distance(int p, int q) {
        int dr = (p >> 16 & 0xFF) - (q >> 16 & 0xFF);
        int dg = (p >> 8 & 0xFF) - (q >> 8 & 0xFF);
        int db = (p & 0xFF) - (q & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    @Test
    void colorizeBlendsOverGreyWithOutlinesAsNumpyDoes() {
        GrayS32 labels = REF.get("labels").toS32();
        GrayU8 grey = u8("labels_grey");
        Object[][] cases = {{0.4, true, "4_1"}, {0.4, false, "4_0"}, {0.0, true, "0_1"}, {1.0, false, "10_0"}};
        for (Object[] c : cases) {
            Planar<GrayU8> out = Render.colorize(labels, grey, (double) c[0], (boolean) c[1]);
            for (int b = 0; b < 3; b++) {
                assertThat(out.band(b)).as("%s band %d", c[2], b).isEqualTo(u8("colorize_" + c[2] + "_" + "rgb".charAt(b)));
            }
        }
    }

    @Test
    void colorizeWithoutGreyPaintsFlatColoursOnBlack() {
        GrayS32 labels = new GrayS32(2, 3, new int[] {0, 1, 1, -2, 7, 0});
        Planar<GrayU8> out = Render.colorize(labels);
        for (int i = 0; i < 6; i++) {
            int want = Render.labelColour(labels.data()[i]);
            int got = (out.band(0).data()[i] & 0xFF) << 16 | (out.band(1).data()[i] & 0xFF) << 8
                    | out.band(2).data()[i] & 0xFF;
            assertThat(got).as("pixel %d", i).isEqualTo(want);
        }
    }

    @Test
    void colorizeChecksShapeAndOpacity() {
        GrayS32 labels = new GrayS32(2, 2);
        assertThatThrownBy(() -> Render.colorize(labels, new GrayU8(2, 3), 0.5, false))
                .hasMessage("shape mismatch: labels is 2×2, grey is 2×3");
        assertThatThrownBy(() -> Render.colorize(labels, new GrayU8(2, 2), 1.5, false))
                .hasMessage("opacity outside [0, 1]: 1.5");
        assertThatThrownBy(() -> Render.colorize(labels, new GrayU8(2, 2), Double.NaN, false))
                .hasMessage("opacity outside [0, 1]: NaN");
    }

    @Test
    void montagePlacesPicturesRowByRowCentredInEqualCells() {
        Planar<GrayU8> a = solid(2, 3, 10, 20, 30);
        Planar<GrayU8> b = Planar.of(fill(new GrayU8(4, 1), 99));
        Planar<GrayU8> c = solid(1, 1, 200, 100, 50);
        Planar<GrayU8> m = Render.montage(List.of(a, b, c), 2, 1);
        // Cells are 4×3, two columns and two rows, one pixel apart: 9 rows by 7 columns.
        assertThat(m.height()).isEqualTo(9);
        assertThat(m.width()).isEqualTo(7);
        int[][] red = new int[9][7];
        for (int r = 1; r <= 2; r++) {
            for (int col = 0; col < 3; col++) {
                red[r][col] = 10;
            }
        }
        for (int r = 0; r < 4; r++) {
            red[r][5] = 99;
        }
        red[6][1] = 200;
        for (int r = 0; r < 9; r++) {
            for (int col = 0; col < 7; col++) {
                assertThat(m.band(0).get(r, col)).as("(%d, %d)", r, col).isEqualTo(red[r][col]);
            }
        }
        assertThat(m.band(1).get(1, 0)).isEqualTo(20);
        assertThat(m.band(2).get(2, 2)).isEqualTo(30);
        assertThat(m.band(2).get(0, 5)).isEqualTo(99);
        assertThat(m.band(1).get(6, 1)).isEqualTo(100);
    }

    @Test
    void thumbnailAveragesBlocksRoundingAndKeepsPartialBlocksAtTheEdges() {
        GrayU8 band = new GrayU8(5, 3);
        for (int i = 0; i < 15; i++) {
            band.data()[i] = (byte) (i * 10); // row r, column c holds 30r + 10c
        }
        Planar<GrayU8> small = Render.thumbnail(Planar.of(band, fill(new GrayU8(5, 3), 255)), 2);
        // f = 3: rows 0-2 (nine pixels, mean 40) and rows 3-4 (six pixels, mean 115) of the three columns.
        assertThat(small.height()).isEqualTo(2);
        assertThat(small.width()).isEqualTo(1);
        assertThat(small.band(0).data()).containsExactly(40, 115);
        assertThat(small.band(1).data()).containsExactly((byte) 255, (byte) 255);
    }

    @Test
    void thumbnailOfAPictureThatFitsIsAnEqualCopy() {
        Planar<GrayU8> picture = solid(2, 3, 10, 20, 30);
        Planar<GrayU8> same = Render.thumbnail(picture, 3);
        assertThat(same.band(2).data()).isEqualTo(picture.band(2).data()).isNotSameAs(picture.band(2).data());
        assertThat(Render.thumbnail(Planar.of(new GrayU8(1, 1000)), 100).width()).isEqualTo(100);
        assertThatThrownBy(() -> Render.thumbnail(picture, 0)).hasMessage("side < 1: 0");
    }

    @Test
    void montageRefusesWhatItCannotDraw() {
        Planar<GrayU8> a = solid(1, 1, 1, 2, 3);
        assertThatThrownBy(() -> Render.montage(List.of(), 2, 0)).hasMessage("montage of no pictures");
        assertThatThrownBy(() -> Render.montage(List.of(a), 0, 0)).hasMessage("columns < 1: 0");
        assertThatThrownBy(() -> Render.montage(List.of(a), 1, -1)).hasMessage("gap < 0: -1");
        assertThatThrownBy(() -> Render.montage(List.of(a, Planar.of(new GrayF64(1, 1))), 2, 0))
                .hasMessage("montage picture 1 is float64 with 1 bands; give uint8 grey, RGB or RGBA (see Render.toRgb)");
    }

    @Test
    void renderedSegmentationSavesAsPngWithTheExpectedPixels() throws IOException {
        GrayS32 labels = REF.get("labels").toS32();
        GrayU8 grey = u8("labels_grey");
        Planar<GrayU8> picture = Render.montage(
                List.of(Render.toRgb(grey), Render.colorize(labels, grey, 0.4, true)), 2, 2);
        Path file = dir.resolve("segmentation.png");
        Images.imsave(file, picture);
        Planar<GrayU8> back = Images.imread(file).planar(GrayU8.class);
        assertThat(back.width()).isEqualTo(2 * 17 + 2);
        for (int b = 0; b < 3; b++) {
            GrayU8 right = back.band(b).crop(0, 17 + 2, 14, 17).copy();
            GrayU8 left = back.band(b).crop(0, 0, 14, 17).copy();
            assertThat(right).isEqualTo(u8("colorize_4_1_" + "rgb".charAt(b)));
            assertThat(left).isEqualTo(grey);
            assertThat(back.band(b).crop(0, 17, 14, 2).copy()).isEqualTo(new GrayU8(14, 2));
        }
    }

    @Test
    void toRgbStretchesWideImagesAndCopiesUint8() {
        GrayU16 wide = new GrayU16(1, 3, new short[] {100, 200, 300});
        Planar<GrayU8> rgb = Render.toRgb(wide);
        assertThat(rgb.band(1).data()).containsExactly(0, 127, (byte) 255);
        GrayU8 grey = new GrayU8(1, 1, new byte[] {5});
        Planar<GrayU8> copy = Render.toRgb(grey);
        copy.band(0).set(0, 0, 6);
        assertThat(grey.get(0, 0)).isEqualTo(5);
    }

    private static Planar<GrayU8> solid(int h, int w, int r, int g, int b) {
        return Planar.of(fill(new GrayU8(h, w), r), fill(new GrayU8(h, w), g), fill(new GrayU8(h, w), b));
    }

    private static GrayU8 fill(GrayU8 img, int v) {
        img.fill(v);
        return img;
    }
}
