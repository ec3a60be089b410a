package jug.vision.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelTest {
    @Test
    void kernelsCopyTheirWeightsAndCompareByValue() {
        double[][] rows = {{1, 2}, {3, 4}};
        Kernel k = Kernel.of(rows);
        rows[0][0] = 99;
        assertThat(k.get(0, 0)).isEqualTo(1);
        assertThat(k).isEqualTo(Kernel.of(2, 2, 1, 2, 3, 4)).hasSameHashCodeAs(Kernel.of(2, 2, 1, 2, 3, 4));
        assertThat(k).isNotEqualTo(Kernel.of(1, 4, 1, 2, 3, 4));
        assertThat(k.toArray()).isEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(k.toString()).isEqualTo("Kernel 2×2 [[1.0, 2.0], [3.0, 4.0]]");
    }

    @Test
    void flippedRotatesByHalfATurn() {
        assertThat(Kernel.of(2, 3, 1, 2, 3, 4, 5, 6).flipped()).isEqualTo(Kernel.of(2, 3, 6, 5, 4, 3, 2, 1));
    }

    @Test
    void convolutionTapsAreTheCorrelationTapsMirroredThroughTheOrigin() {
        Kernel k = Kernel.of(new double[][] {{1, 2, 0}, {0, 0, 0}, {0, 0, -1}});
        Taps corr = k.taps(false);
        Taps conv = k.taps(true);
        jug.vision.GrayF64 impulse = new jug.vision.GrayF64(5, 5);
        impulse.set(2, 2, 1);
        jug.vision.GrayF64 a = new jug.vision.GrayF64(5, 5);
        jug.vision.GrayF64 b = new jug.vision.GrayF64(5, 5);
        corr.apply(impulse, jug.vision.Border.CONSTANT, 0, 1, a);
        conv.apply(impulse, jug.vision.Border.CONSTANT, 0, 1, b);
        // Correlating an impulse draws the kernel rotated; convolving draws it upright.
        assertThat(b.get(1, 1)).isEqualTo(1);
        assertThat(b.get(1, 2)).isEqualTo(2);
        assertThat(b.get(3, 3)).isEqualTo(-1);
        assertThat(a.get(3, 3)).isEqualTo(1);
        assertThat(a.get(3, 2)).isEqualTo(2);
        assertThat(a.get(1, 1)).isEqualTo(-1);
    }

    @Test
    void malformedKernelsAreRefused() {
        assertThatThrownBy(() -> Kernel.of(new double[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty kernel: no rows or no columns");
        assertThatThrownBy(() -> Kernel.of(new double[][] {{1, 2}, {3}})).hasMessage("kernel row 1 has 1 weights, row 0 has 2");
        assertThatThrownBy(() -> Kernel.of(2, 2, 1, 2, 3)).hasMessage("a 2×2 kernel needs 4 weights, got 3");
        assertThatThrownBy(() -> Kernel.of(0, 2)).hasMessage("kernel shape must be positive: 0×2");
        assertThatThrownBy(() -> Kernel.of(1, 1, 5).get(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
