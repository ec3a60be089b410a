package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianKernelTest {
    @Test
    void radiusIsFourSigmasRoundedAsMahotasAndScipyDo() {
        assertThat(GaussianKernel.of(1.0, 0).radius()).isEqualTo(4);
        assertThat(GaussianKernel.of(0.5, 0).radius()).isEqualTo(2);
        assertThat(GaussianKernel.of(2.3, 0).radius()).isEqualTo(9);
        assertThat(GaussianKernel.of(8, 0).radius()).isEqualTo(32);
        assertThat(GaussianKernel.of(0.1, 0).radius()).isZero();
    }

    @Test
    void smoothingWeightsSumToOneAndDerivativesHaveTheirMoments() {
        for (double sigma : new double[] {1.0, 2.3, 5.0}) {
            GaussianKernel g0 = GaussianKernel.of(sigma, 0);
            GaussianKernel g1 = GaussianKernel.of(sigma, 1);
            GaussianKernel g2 = GaussianKernel.of(sigma, 2);
            double sum = g0.half[0];
            double first = 0;
            double second = 0;
            double zeroth2 = g2.half[0];
            for (int k = 1; k <= g0.radius(); k++) {
                sum += 2 * g0.half[k];
                first += 2 * k * g1.half[k];
                second += k * k * g2.half[k];
                zeroth2 += 2 * g2.half[k];
            }
            assertThat(sum).isCloseTo(1, within(1e-14));
            assertThat(g1.odd).isTrue();
            assertThat(g2.odd).isFalse();
            // Discrete moments: correlating x with the order-1 kernel gives its slope, 1; x² with the order-2 kernel gives
            // its second derivative, 2 (half of it from each side); a constant gives 0. Truncation costs a little.
            assertThat(first).as("sigma %s", sigma).isCloseTo(1, within(1e-2));
            assertThat(second).as("sigma %s", sigma).isCloseTo(1, within(1e-2));
            assertThat(zeroth2).as("sigma %s", sigma).isCloseTo(0, within(1e-2));
        }
    }
}
