package jug.vision.segment;

import static jug.vision.segment.DistanceTest.REF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.Npy;
import jug.vision.StructuringElement;
import org.junit.jupiter.api.Test;

class WatershedTest {
    private static final int[][] W1_S = {{0, 0, 0, 0}, {0, 1, 2, 1}, {1, 1, 1, 1}, {0, 0, 1, 0}, {1, 1, 1, 1},
        {1, 2, 2, 1}, {1, 1, 2, 2}};
    private static final int[] W1_EXPECTED = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2};

    private static int[] ints(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static GrayImage of(DType dtype, int[][] rows) {
        GrayImage img = GrayImage.zeros(dtype, rows.length, rows[0].length);
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[0].length; c++) {
                int v = rows[r][c];
                switch (dtype) {
                    case U8 -> ((GrayU8) img).set(r, c, v);
                    case U16 -> ((GrayU16) img).set(r, c, v);
                    case S32 -> ((GrayS32) img).set(r, c, v);
                    case F32 -> ((GrayF32) img).set(r, c, v);
                    case F64 -> ((GrayF64) img).set(r, c, v);
                }
            }
        }
        return img;
    }

    private static StructuringElement element(Npy.Array se) {
        int[][] rows = new int[se.rows()][se.cols()];
        for (int i = 0; i < se.values().length; i++) {
            rows[i / se.cols()][i % se.cols()] = (int) se.values()[i];
        }
        return StructuringElement.of(rows);
    }

    @Test
    void mahotasOracleW1HoldsForEveryDtype() {
        int[][] surface = new int[7][4];
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 4; c++) {
                surface[r][c] = 2 - W1_S[r][c];
            }
        }
        int[][] markers = new int[7][4];
        markers[1][2] = 1;
        markers[5][1] = 2;
        for (DType dtype : DType.values()) {
            GrayS32 w = Watershed.cwatershed(of(dtype, surface), of(DType.S32, markers), StructuringElement.cross());
            assertThat(w.data()).as(dtype.name()).containsExactly(W1_EXPECTED);
            if (dtype.isInteger()) {
                GrayS32 m = Watershed.cwatershed(of(dtype, surface), of(dtype, markers), StructuringElement.cross());
                assertThat(m.data()).as("markers as %s", dtype).containsExactly(W1_EXPECTED);
            }
        }
    }

    @Test
    void mahotasOracleW2RegionsAndLinesWithinMahotasLines() {
        int[][] s = {{1, 2, 3, 4, 5}, {2, 3, 4, 5, 6}, {3, 4, 9, 4, 3}, {6, 5, 4, 3, 2}, {5, 4, 3, 2, 1}};
        int[][] m = new int[5][5];
        m[0][0] = 1;
        m[4][4] = 2;
        Basins b = Watershed.cwatershedWithLines(of(DType.U8, s), of(DType.S32, m), StructuringElement.cross());
        assertThat(b.labels().data()).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 2, 2, 2,
                2, 2, 2, 2, 2);
        // mahotas's lines (its array is never cleared, so it holds stray pixels such as the markers themselves).
        int[] mahotasLines = {1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1};
        byte[] lines = b.lines().data();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i] != 0) {
                assertThat(mahotasLines[i]).as("line pixel %d", i).isEqualTo(1);
            }
        }
        // The §3.10 rules, run by the Python reference (scripts/vision-refs/segment.py, cwatershed) on W2.
        assertThat(lines).containsExactly(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0,
            0, 0, 0});
        assertThat(Watershed.cwatershed(of(DType.U8, s), of(DType.S32, m), StructuringElement.cross()))
                .isEqualTo(b.labels());
    }

    @Test
    void flatSurfaceIsSplitByFirstInFirstOut() {
        GrayS32 markers = new GrayS32(3, 5);
        markers.set(1, 0, 1);
        markers.set(1, 4, 2);
        GrayS32 w = Watershed.cwatershed(new GrayU8(3, 5), markers, StructuringElement.cross());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 5; c++) {
                assertThat(w.get(r, c)).isEqualTo(c <= 2 ? 1 : 2);
            }
        }
    }

    @Test
    void matchesThePythonReferenceOnEveryDtypeAndElement() {
        int n = (int) REF.get("n_watershed").values()[0];
        for (int k = 0; k < n; k++) {
            GrayImage surface = REF.get("w_" + k + "_surface").toImage();
            GrayImage markers = REF.get("w_" + k + "_markers").toImage();
            StructuringElement se = element(REF.get("w_" + k + "_se"));
            Basins b = Watershed.cwatershedWithLines(surface, markers, se);
            assertThat(b.labels().data()).as("case %d (%s)", k, surface.dtype())
                    .containsExactly(ints(REF.get("w_" + k + "_labels").values()));
            byte[] expectedLines = REF.get("w_" + k + "_lines").toU8().data();
            assertThat(b.lines().data()).as("lines %d", k).containsExactly(expectedLines);
        }
    }

    @Test
    void surfacesWithMoreThan65536ValuesTakeTheHeapAndStillMatchTheReference() {
        GrayF64 surface = new GrayF64(260, 265);
        for (int r = 0; r < 260; r++) {
            for (int c = 0; c < 265; c++) {
                surface.set(r, c, ((r * 7919L + c * 104729L) % 1000003) / 1000003.0);
            }
        }
        GrayImage markers = REF.get("wh_markers").toImage();
        Basins b = Watershed.cwatershedWithLines(surface, markers, StructuringElement.cross());
        assertThat(b.labels().data()).containsExactly(ints(REF.get("wh_labels").values()));
        assertThat(b.lines().data()).containsExactly(REF.get("wh_lines").toU8().data());
        assertThat(Watershed.cwatershed(surface.toF32(), markers, StructuringElement.cross()).data())
                .as("float32 keeps the order of these values").containsExactly(ints(REF.get("wh_labels").values()));
    }

    @Test
    void everyConnectedPixelIsLabelledMarkersKeepTheirLabelsAndBasinsAreConnected() {
        GrayImage surface = REF.get("w_0_surface").toImage();
        GrayImage markers = REF.get("w_0_markers").toImage();
        GrayS32 w = Watershed.cwatershed(surface, markers, StructuringElement.cross());
        int h = w.height();
        int width = w.width();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < width; c++) {
                int m = (int) markers.getAsDouble(r, c);
                assertThat(w.get(r, c)).isPositive();
                if (m != 0) {
                    assertThat(w.get(r, c)).isEqualTo(m);
                }
            }
        }
        // Flood back from the markers within each basin: every pixel must be reached from its own marker.
        boolean[] reached = new boolean[h * width];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < h * width; i++) {
            if (markers.getAsDouble(i / width, i % width) != 0) {
                reached[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int p = queue.poll();
            int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
            for (int[] s : steps) {
                int r = p / width + s[0];
                int c = p % width + s[1];
                if (r >= 0 && r < h && c >= 0 && c < width && !reached[r * width + c]
                        && w.get(r, c) == w.get(p / width, p % width)) {
                    reached[r * width + c] = true;
                    queue.add(r * width + c);
                }
            }
        }
        assertThat(reached).doesNotContain(false);
    }

    @Test
    void strictlyIncreasingTransformsOfTheSurfaceGiveTheSameBasins() {
        GrayU8 surface = (GrayU8) REF.get("w_2_surface").toImage();
        GrayImage markers = REF.get("w_2_markers").toImage();
        GrayS32 expected = Watershed.cwatershed(surface, markers, StructuringElement.square());
        GrayF64 curved = surface.toF64();
        GrayS32 wide = new GrayS32(surface.height(), surface.width());
        GrayU16 shifted = new GrayU16(surface.height(), surface.width());
        for (int i = 0; i < curved.data().length; i++) {
            double v = curved.data()[i];
            curved.data()[i] = Math.exp(v) - 1e6;
            wide.data()[i] = (int) v * 50_000_000 - 2_000_000_000;   // spans more levels than the bucket queue takes
            shifted.data()[i] = (short) (v * 200 + 999);
        }
        for (GrayImage s : new GrayImage[] {curved, curved.toF32(), wide, shifted}) {
            assertThat(Watershed.cwatershed(s, markers, StructuringElement.square())).as(s.toString()).isEqualTo(expected);
        }
    }

    @Test
    void fractionalDifferencesInFloatSurfacesCountUnlikeMahotas() {
        GrayF64 surface = new GrayF64(1, 5, new double[] {0, 0.9, 0.5, 0.1, 0});
        GrayS32 markers = new GrayS32(1, 5, new int[] {1, 0, 0, 0, 2});
        assertThat(Watershed.cwatershed(surface, markers, StructuringElement.cross()).data())
                .containsExactly(1, 1, 2, 2, 2);
    }

    @Test
    void mahotasWatershed2AndManyMarkersOnAByteSurface() {
        GrayU8 flat = new GrayU8(100, 10);
        GrayS32 markers = new GrayS32(100, 10);
        markers.set(20, 2, 1);
        markers.set(80, 2, 2);
        assertThat(Watershed.cwatershed(flat, markers, StructuringElement.cross()).data()).containsOnly(1, 2);
        GrayU8 noise = new GrayU8(128, 64);
        java.util.Random random = new java.util.Random(41);
        for (int i = 0; i < noise.data().length; i++) {
            noise.data()[i] = (byte) random.nextInt(256);
        }
        GrayS32 many = new GrayS32(128, 64);
        for (int k = 1; k <= 280; k++) {
            many.data()[k * 29] = k;
        }
        GrayS32 w = Watershed.cwatershed(noise, many, StructuringElement.cross());
        assertThat(java.util.Arrays.stream(w.data()).max().getAsInt()).isEqualTo(280);
        assertThat(w.data()).doesNotContain(0);
    }

    @Test
    void markerValuesOfAnyRangeComeBackUnchanged() {
        // Case 2 (uint8) and case 3 (uint16, whose 16 bucket bits leave no room for 21-bit labels) with markers
        // renamed to negative, extreme and wide values: the basins must carry the renamed values.
        for (int k : new int[] {2, 3}) {
            GrayImage surface = REF.get("w_" + k + "_surface").toImage();
            GrayS32 markers = REF.get("w_" + k + "_markers").toS32();
            int[] expected = ints(REF.get("w_" + k + "_labels").values());
            StructuringElement se = element(REF.get("w_" + k + "_se"));
            java.util.function.IntUnaryOperator[] renames = {
                v -> v == 0 ? 0 : (v % 2 == 0 ? Integer.MAX_VALUE - v : Integer.MIN_VALUE + v),
                v -> v << 16,
            };
            for (java.util.function.IntUnaryOperator rename : renames) {
                GrayS32 renamed = new GrayS32(markers.height(), markers.width());
                int[] want = new int[expected.length];
                for (int i = 0; i < want.length; i++) {
                    renamed.data()[i] = rename.applyAsInt(markers.data()[i]);
                    want[i] = rename.applyAsInt(expected[i]);
                }
                assertThat(Watershed.cwatershed(surface, renamed, se).data()).as("case %d", k).containsExactly(want);
                assertThat(Watershed.cwatershedWithLines(surface, renamed, se).lines().data()).as("case %d", k)
                        .containsExactly(REF.get("w_" + k + "_lines").toU8().data());
            }
        }
    }

    @Test
    void touchingMarkersOfDifferentBasinsMeetOnALine() {
        // Both markers are queued (value 0, raster order); popping the first finds the second queued for another
        // basin, which puts the second on a line. Neither marker has an unreached neighbour.
        Basins b = Watershed.cwatershedWithLines(new GrayU8(1, 2), new GrayS32(1, 2, new int[] {1, 2}),
                StructuringElement.cross());
        assertThat(b.labels().data()).containsExactly(1, 2);
        assertThat(b.lines().data()).containsExactly(0, 1);
    }

    @Test
    void unreachablePixelsAndImagesWithoutMarkersStayZero() {
        GrayS32 none = Watershed.cwatershed(new GrayU8(4, 4), new GrayS32(4, 4), StructuringElement.cross());
        assertThat(none.data()).containsOnly(0);
        // A "neighbourhood" of only the origin cannot flood anywhere.
        GrayS32 markers = new GrayS32(2, 2, new int[] {3, 0, 0, 0});
        GrayS32 w = Watershed.cwatershed(new GrayF32(2, 2), markers, StructuringElement.ones(1, 1));
        assertThat(w.data()).containsExactly(3, 0, 0, 0);
    }

    @Test
    void cropViewsAreReadAndArgumentsChecked() {
        GrayImage surface = REF.get("w_0_surface").toImage();
        GrayImage markers = REF.get("w_0_markers").toImage();
        GrayImage cs = surface.crop(3, 4, 20, 25);
        GrayImage cm = markers.crop(3, 4, 20, 25);
        assertThat(Watershed.cwatershed(cs, cm, StructuringElement.square()))
                .isEqualTo(Watershed.cwatershed(cs.copy(), cm.copy(), StructuringElement.square()));
        assertThatThrownBy(() -> Watershed.cwatershed(surface, new GrayS32(3, 3), StructuringElement.cross()))
                .hasMessage("shape mismatch: surface is 40×47, markers is 3×3");
        assertThatThrownBy(() -> Watershed.cwatershed(surface, markers.toF64(), StructuringElement.cross()))
                .hasMessage("markers must be an integer image (U8, U16 or S32): float64");
    }
}
