package jug.vision.feature;

import static jug.vision.feature.Close.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.Npy;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ZernikeTest {
    @Test
    void rectangleMatchesMahotasOracleZ1() {
        GrayU8 img = new GrayU8(21, 21);
        for (int r = 5; r < 16; r++) {
            for (int c = 7; c < 14; c++) {
                img.set(r, c, 1);
            }
        }
        double[] expected = {0.3183098862, 0.0, 0.6875493542, 0.0572957795, 0.0, 0.0, 0.5277577913, 0.1909859317,
            0.0054112681, 0.0, 0.0, 0.0, 0.0876625427, 0.2652126141, 0.0244678443, 0.0066329414, 0.0, 0.0, 0.0, 0.0,
            0.1926599234, 0.1517524557, 0.051449089, 0.0379492866, 0.0013256525};
        double[] z = Zernike.moments(img, 10, 8);
        assertThat(z).hasSize(25);
        for (int i = 0; i < expected.length; i++) {
            assertThat(z[i]).as("Z1[" + i + "]").isCloseTo(expected[i], Offset.offset(1e-9));
        }
        assertThat(z[0]).isCloseTo(1 / Math.PI, Offset.offset(1e-15));
    }

    @Test
    void momentsMatchNumpyForEveryDtypeRadiusDegreeAndCentre() {
        Map<String, Npy.Array> ref = Close.archive("zernike.npz");
        int n = 0;
        for (; ref.containsKey("img" + n); n++) {
            GrayImage img = ref.get("img" + n).toImage();
            double[] args = ref.get("img" + n + "_args").values();
            double radius = args[0];
            int degree = (int) args[1];
            double[] z = args.length == 4
                    ? Zernike.moments(img, radius, degree, args[2], args[3])
                    : Zernike.moments(img, radius, degree);
            assertThat(z).hasSize(Zernike.count(degree));
            assertClose(z, ref.get("img" + n + "_z").values(), "img" + n + " " + img.dtype() + " " + img.shape()
                    + " radius " + radius + " degree " + degree + (args.length == 4 ? " given centre" : ""));
        }
        assertThat(n).isEqualTo(8);
    }

    @Test
    void momentsAreInvariantToIntensityScaleAndRotationByQuarterTurns() {
        GrayImage img = Close.archive("zernike.npz").get("img2").toImage();
        int h = img.height();
        int w = img.width();
        GrayF64 doubled = new GrayF64(h, w);
        GrayF64 rotated = new GrayF64(w, h);
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                doubled.set(r, c, 2 * img.getAsDouble(r, c));
                rotated.set(w - 1 - c, r, img.getAsDouble(r, c));
            }
        }
        double[] z = Zernike.moments(img, 10, 8);
        assertClose(Zernike.moments(doubled, 10, 8), z, "doubled");
        assertClose(Zernike.moments(rotated, 10, 8), z, "rotated by 90°");
    }

    @Test
    void cropViewsGiveTheMomentsOfTheirPixels() {
        GrayImage img = Close.archive("zernike.npz").get("img4").toImage();
        GrayImage crop = img.crop(2, 3, 20, 14);
        assertThat(Zernike.moments(crop, 7, 6)).containsExactly(Zernike.moments(crop.copy(), 7, 6));
    }

    @Test
    void anImageWithNothingInsideTheDiscGivesZeros() {
        assertThat(Zernike.moments(new GrayF64(5, 5), 3, 4)).hasSize(9).containsOnly(0.0);
        GrayF64 corner = new GrayF64(9, 9);
        corner.set(0, 0, 1);
        assertThat(Zernike.moments(corner, 2, 4, 8, 8)).containsOnly(0.0);
    }

    @Test
    void countFollowsTheNumberOfEvenDifferences() {
        assertThat(Zernike.count(0)).isEqualTo(1);
        assertThat(Zernike.count(8)).isEqualTo(25);
        assertThat(Zernike.count(12)).isEqualTo(49);
    }

    @Test
    void radialCoefficientsAreThoseOfTheZernikePolynomials() {
        // R_4,0 = 6D^4 − 6D^2 + 1 and R_5,1 = 10D^5 − 12D^3 + 3D
        assertThat(new double[] {Zernike.radialCoefficient(4, 0, 0), Zernike.radialCoefficient(4, 0, 1),
            Zernike.radialCoefficient(4, 0, 2)}).containsExactly(6, -6, 1);
        assertThat(new double[] {Zernike.radialCoefficient(5, 1, 0), Zernike.radialCoefficient(5, 1, 1),
            Zernike.radialCoefficient(5, 1, 2)}).containsExactly(10, -12, 3);
    }

    @Test
    void badArgumentsAreNamed() {
        GrayF64 img = new GrayF64(3, 3);
        assertThatThrownBy(() -> Zernike.moments(img, 0, 8)).hasMessage("radius must be positive and finite: 0.0");
        assertThatThrownBy(() -> Zernike.moments(img, 2, -1)).hasMessage("degree outside 0..40: -1");
        assertThatThrownBy(() -> Zernike.moments(img, Double.POSITIVE_INFINITY, 2, 1, 1)).hasMessageContaining("Infinity");
    }
}
