package jug.vision.bench;

import java.util.concurrent.TimeUnit;
import jug.vision.Border;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import jug.vision.filter.Filters;
import jug.vision.filter.Kernel;
import jug.vision.filter.RankFilters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The filters on the 2048×2048 benchmark images. Targets (one thread): gaussian σ=2.3 ≤ 20 ms, σ=8 ≤ 100 ms, 3×3
 * median of uint8 ≤ 5 ms. Run {@code scripts/bench-vision FilterBenchmark -f 1 -wi 3 -i 5 -jvmArgs
 * -Djug.vision.threads=1} for one thread, without the {@code -jvmArgs} for all cores. The {@code Into} variants
 * write into a preallocated image and so leave out allocating the 32 MB result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class FilterBenchmark {
    private static final int SIZE = 2048;

    private GrayF64 field;
    private GrayU8 fieldU8;
    private GrayF64 outF64;
    private GrayU8 outU8;
    private Kernel sharpen;

    @Setup
    public void setUp() {
        field = BenchImages.field(SIZE);
        fieldU8 = BenchImages.fieldU8(SIZE);
        outF64 = new GrayF64(SIZE, SIZE);
        outU8 = new GrayU8(SIZE, SIZE);
        sharpen = Kernel.of(new double[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}});
    }

    @Benchmark
    public GrayImage gaussianSigma2_3() {
        return Filters.gaussian(field, 2.3, Border.REFLECT);
    }

    @Benchmark
    public GrayImage gaussianSigma2_3Into() {
        return Filters.gaussian(field, 2.3, 2.3, 0, 0, Border.REFLECT, 0, outF64);
    }

    @Benchmark
    public GrayImage gaussianSigma8() {
        return Filters.gaussian(field, 8, Border.REFLECT);
    }

    @Benchmark
    public GrayImage gaussianU8Sigma2_3() {
        return Filters.gaussian(fieldU8, 2.3, Border.REFLECT);
    }

    @Benchmark
    public GrayImage median3x3U8() {
        return RankFilters.median(fieldU8, Border.REFLECT);
    }

    @Benchmark
    public GrayImage median3x3U8Into() {
        return RankFilters.median(fieldU8, StructuringElement.square(), Border.REFLECT, 0, outU8);
    }

    @Benchmark
    public GrayImage median3x3F64() {
        return RankFilters.median(field, Border.REFLECT);
    }

    @Benchmark
    public GrayImage medianCrossU8() {
        return RankFilters.median(fieldU8, StructuringElement.cross(), Border.REFLECT);
    }

    @Benchmark
    public GrayImage correlate3x3F64() {
        return Filters.correlate(field, sharpen, Border.REFLECT);
    }

    @Benchmark
    public GrayImage sobelU8() {
        return Filters.sobel(fieldU8);
    }

    @Benchmark
    public GrayImage mean3x3U8() {
        return Filters.mean(fieldU8, StructuringElement.square(), Border.REFLECT);
    }
}
