package jug.vision.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** No reference SURF is installed here, so these tests check the properties SURF promises rather than numbers. */
class SurfTest {
    static final int SIZE = 257;
    static final GrayF64 BLOBS = render(SIZE, 0);

    /**
     * 60 anisotropic Gaussian blobs, bright and dark, on a grey background, rendered analytically after rotating the
     * scene by {@code theta} about the image centre (so a rotated image needs no resampling).
     */
    static GrayF64 render(int size, double theta) {
        Random random = new Random(1);
        double[][] blobs = new double[60][];
        for (int k = 0; k < blobs.length; k++) {
            blobs[k] = new double[] {40 + random.nextDouble() * (size - 80), 40 + random.nextDouble() * (size - 80),
                2 + 4 * random.nextDouble(), 2 + 4 * random.nextDouble(), random.nextDouble() * Math.PI,
                (random.nextBoolean() ? 1 : -1) * (60 + 100 * random.nextDouble())};
        }
        GrayF64 img = new GrayF64(size, size);
        double centre = (size - 1) / 2.0;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sx = cos * (x - centre) + sin * (y - centre) + centre;
                double sy = -sin * (x - centre) + cos * (y - centre) + centre;
                double v = 100;
                for (double[] b : blobs) {
                    double ex = sx - b[1];
                    double ey = sy - b[0];
                    double u = Math.cos(b[4]) * ex + Math.sin(b[4]) * ey;
                    double t = -Math.sin(b[4]) * ex + Math.cos(b[4]) * ey;
                    v += b[5] * Math.exp(-0.5 * (u * u / (b[2] * b[2]) + t * t / (b[3] * b[3])));
                }
                img.set(y, x, v);
            }
        }
        return img;
    }

    /** new(r, c) = old(n − 1 − c, r): a quarter turn that takes old (y, x) to new (x, n − 1 − y). */
    static GrayF64 quarterTurn(GrayF64 img) {
        int n = img.height();
        GrayF64 out = new GrayF64(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                out.set(r, c, img.get(n - 1 - c, r));
            }
        }
        return out;
    }

    static SurfPoint nearest(List<SurfPoint> points, double y, double x) {
        SurfPoint best = null;
        for (SurfPoint p : points) {
            if (best == null || Math.hypot(p.y() - y, p.x() - x) < Math.hypot(best.y() - y, best.x() - x)) {
                best = p;
            }
        }
        return best;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    @Test
    void pointsOfAQuarterTurnedImageAreTheQuarterTurnedPoints() {
        List<SurfPoint> original = Surf.surf(BLOBS);
        List<SurfPoint> turned = Surf.surf(quarterTurn(BLOBS));
        assertThat(original).hasSizeGreaterThan(50);
        int exact = 0;
        int sameAngle = 0;
        List<Double> descriptorDistances = new ArrayList<>();
        for (SurfPoint p : original) {
            SurfPoint q = nearest(turned, p.x(), SIZE - 1 - p.y());
            if (Math.hypot(q.y() - p.x(), q.x() - (SIZE - 1 - p.y())) < 1e-6 && Math.abs(q.scale() - p.scale()) < 1e-9
                    && q.laplacian() == p.laplacian()) {
                exact++;
                double turn = Math.IEEEremainder(q.angle() - p.angle() - Math.PI / 2, 2 * Math.PI);
                if (Math.abs(turn) < 0.2) {
                    sameAngle++;
                }
                descriptorDistances.add(distance(p.descriptor(), q.descriptor()));
            }
        }
        assertThat(exact).as("points found again exactly").isGreaterThanOrEqualTo(original.size() * 9 / 10);
        assertThat(sameAngle).as("orientations turned by 90°").isGreaterThanOrEqualTo(exact * 8 / 10);
        // not 0: Haar boxes of even side are centred on a pixel corner, so a quarter turn shifts them by a pixel
        descriptorDistances.sort(Double::compare);
        assertThat(descriptorDistances.get(descriptorDistances.size() / 2)).as("median descriptor distance").isLessThan(0.25);
    }

    @Test
    void descriptorsMatchTheirOwnPointAcrossAQuarterTurn() {
        List<SurfPoint> original = Surf.surf(BLOBS);
        List<SurfPoint> turned = Surf.surf(quarterTurn(BLOBS));
        int correct = 0;
        for (SurfPoint p : original) {
            SurfPoint expected = nearest(turned, p.x(), SIZE - 1 - p.y());
            SurfPoint closest = null;
            for (SurfPoint q : turned) {
                if (closest == null || distance(p.descriptor(), q.descriptor()) < distance(p.descriptor(), closest.descriptor())) {
                    closest = q;
                }
            }
            if (closest == expected) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThanOrEqualTo(original.size() * 3 / 4);
    }

    @Test
    void pointsOfAnImageTurnedThirtyDegreesAreNearTheTurnedPositions() {
        double theta = Math.PI / 6;
        List<SurfPoint> turned = Surf.surf(render(SIZE, theta));
        double centre = (SIZE - 1) / 2.0;
        int central = 0;
        int found = 0;
        for (SurfPoint p : Surf.surf(BLOBS)) {
            double dy = p.y() - centre;
            double dx = p.x() - centre;
            // weak maxima between overlapping blobs move with the box filters' anisotropy; strong ones must not
            if (Math.hypot(dx, dy) > 70 || p.score() < 100) {
                continue;
            }
            central++;
            double ex = Math.cos(theta) * dx - Math.sin(theta) * dy + centre;
            double ey = Math.sin(theta) * dx + Math.cos(theta) * dy + centre;
            SurfPoint q = nearest(turned, ey, ex);
            if (Math.hypot(q.y() - ey, q.x() - ex) < 1.5 && Math.abs(q.scale() / p.scale() - 1) < 0.15) {
                found++;
            }
        }
        assertThat(central).isGreaterThan(15);
        assertThat(found).isGreaterThanOrEqualTo(central * 3 / 4);
    }

    @Test
    void aBrightBlobIsFoundAtItsCentreWithANegativeLaplacian() {
        GrayF64 img = new GrayF64(128, 128);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                img.set(y, x, 20 + 200 * Math.exp(-((y - 64.3) * (y - 64.3) + (x - 60.6) * (x - 60.6)) / (2 * 16.0)));
            }
        }
        SurfPoint p = Surf.surf(img).get(0);
        assertThat(p.y()).isCloseTo(64.3, Offset.offset(0.5));
        assertThat(p.x()).isCloseTo(60.6, Offset.offset(0.5));
        assertThat(p.laplacian()).isEqualTo(-1);
        assertThat(p.scale()).isBetween(2.0, 8.0);
    }

    @Test
    void descriptorsHaveUnitLength() {
        for (SurfPoint p : Surf.surf(BLOBS)) {
            double[] d = p.descriptor();
            assertThat(d).hasSize(64);
            assertThat(Math.sqrt(Arrays.stream(d).map(v -> v * v).sum())).isCloseTo(1, Offset.offset(1e-6));
        }
    }

    @Test
    void surfIsDeterministicAndSortedStrongestFirst() {
        List<SurfPoint> a = Surf.surf(BLOBS);
        List<SurfPoint> b = Surf.surf(BLOBS.copy());
        assertThat(a).isEqualTo(b);
        for (int i = 1; i < a.size(); i++) {
            assertThat(a.get(i).score()).isLessThanOrEqualTo(a.get(i - 1).score());
        }
        assertThat(a).allSatisfy(p -> assertThat(p.score()).isGreaterThan(0.1));
    }

    @Test
    void maxPointsAndThresholdKeepAPrefixOfTheStrongestPoints() {
        List<SurfPoint> all = Surf.surf(BLOBS);
        List<SurfPoint> few = Surf.surf(BLOBS, Surf.Options.DEFAULT.withMaxPoints(10));
        assertThat(few).hasSizeLessThanOrEqualTo(10).isEqualTo(all.subList(0, few.size()));
        double threshold = all.get(20).score();
        List<SurfPoint> strong = Surf.surf(BLOBS, Surf.Options.DEFAULT.withThreshold(threshold));
        assertThat(strong).isEqualTo(all.subList(0, 20));
    }

    @Test
    void pointsStayAwayFromTheEdges() {
        for (SurfPoint p : Surf.surf(BLOBS)) {
            double border = 15.5 * p.scale();
            assertThat(p.y()).isBetween(border, SIZE - border);
            assertThat(p.x()).isBetween(border, SIZE - border);
        }
    }

    @Test
    void aFlatImageHasNoPointsAndCropsBehaveLikeCopies() {
        GrayU8 flat = new GrayU8(100, 90);
        flat.fill(7);
        assertThat(Surf.surf(flat)).isEmpty();
        assertThat(Surf.surf(new GrayU8(5, 3))).isEmpty();
        GrayImage crop = BLOBS.crop(10, 20, 200, 180);
        assertThat(Surf.surf(crop)).isEqualTo(Surf.surf(crop.copy()));
    }

    @Test
    void rowsFollowMahotasLayout() {
        double[][] rows = Surf.toRows(Surf.surf(BLOBS));
        SurfPoint first = Surf.surf(BLOBS).get(0);
        assertThat(rows[0]).hasSize(70);
        assertThat(Arrays.copyOf(rows[0], 6)).containsExactly(first.y(), first.x(), first.scale(), first.score(),
                first.laplacian(), first.angle());
        assertThat(Arrays.copyOfRange(rows[0], 6, 70)).containsExactly(first.descriptor());
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> new Surf.Options(0, 6, 1, 0.1, 10)).hasMessage("octaves outside 1..10: 0");
        assertThatThrownBy(() -> new Surf.Options(4, 2, 1, 0.1, 10)).hasMessage("scales < 3: 2");
        assertThatThrownBy(() -> new Surf.Options(4, 6, 0, 0.1, 10)).hasMessage("initialStep < 1: 0");
        assertThatThrownBy(() -> Surf.Options.DEFAULT.withThreshold(-1)).hasMessage("threshold must be finite and >= 0: -1.0");
        assertThatThrownBy(() -> Surf.Options.DEFAULT.withMaxPoints(0)).hasMessage("maxPoints < 1: 0");
    }
}
