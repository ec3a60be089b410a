package jug.vision.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.feature.Haralick;
import jug.vision.feature.Lbp;
import jug.vision.feature.Surf;
import jug.vision.feature.SurfPoint;
import jug.vision.feature.Zernike;
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
 * Texture features on the {@link BenchImages} field: Haralick (all four directions, 13 features) and LBP (r = 1,
 * P = 8) on 512² uint8, Zernike (degree 8, radius 100) on 256² uint8, SURF (mahotas's defaults) on 512² uint8.
 * Target: Haralick ≤ 2 ms (mahotas 3.95 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Djug.vision.threads=1")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FeatureBenchmark {
    private GrayU8 u8x512;
    private GrayU8 u8x256;
    private GrayS32 lbpOut;

    @Setup
    public void setUp() {
        u8x512 = BenchImages.fieldU8(512);
        u8x256 = BenchImages.fieldU8(256);
        lbpOut = new GrayS32(512, 512);
    }

    @Benchmark
    public double[][] haralick512() {
        return Haralick.features(u8x512);
    }

    @Benchmark
    public GrayS32 lbpTransform512() {
        return Lbp.transform(u8x512, 1, 8, lbpOut);
    }

    @Benchmark
    public double[] lbpHistogram512() {
        return Lbp.histogram(u8x512, 1, 8);
    }

    @Benchmark
    public List<SurfPoint> surf512() {
        return Surf.surf(u8x512);
    }

    @Benchmark
    public double[] zernike256() {
        return Zernike.moments(u8x256, 100, 8);
    }
}
