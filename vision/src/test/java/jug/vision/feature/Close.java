package jug.vision.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jug.vision.Npy;

/** Float comparisons for the feature tests: relative 1e-9, with an absolute floor for values that should be 0. */
final class Close {
    static final double RELATIVE = 1e-9;
    static final double ABSOLUTE = 1e-12;

    private Close() {
    }

    static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double a = actual[i];
            if (Double.isNaN(e)) {
                assertThat(a).as(what + "[" + i + "]").isNaN();
                continue;
            }
            double tolerance = RELATIVE * Math.max(Math.abs(a), Math.abs(e)) + ABSOLUTE;
            assertThat(Math.abs(a - e)).as(what + "[" + i + "]: " + a + " vs expected " + e).isLessThanOrEqualTo(tolerance);
        }
    }

    static void assertClose(double[][] actual, double[] expectedFlat, String what) {
        int n = actual.length == 0 ? 0 : actual[0].length;
        assertThat(actual.length * n).as(what + " size").isEqualTo(expectedFlat.length);
        for (int d = 0; d < actual.length; d++) {
            double[] row = new double[n];
            System.arraycopy(expectedFlat, d * n, row, 0, n);
            assertClose(actual[d], row, what + " direction " + d);
        }
    }

    static Map<String, Npy.Array> archive(String name) {
        return Npy.resourceArchive("/jug/vision/feature/" + name);
    }
}
