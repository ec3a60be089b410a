package jug.vision.bench;

import java.util.concurrent.TimeUnit;
import jug.vision.GrayF64;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import jug.vision.morph.Morphology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Morphology on the 2048×2048 benchmark images. Targets: grey erosion 3×3 of uint8 within 2 ms on one thread
 * (scipy 84 ms, mahotas 28 ms, OpenCV 0.20 ms). Run single-threaded with
 * {@code scripts/bench-vision MorphBenchmark -f 1 -wi 3 -i 5 -jvmArgs -Djug.vision.threads=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MorphBenchmark {
    private static final int SIZE = 2048;
    private static final StructuringElement SQUARE = StructuringElement.square();
    private static final StructuringElement CROSS = StructuringElement.cross();

    private GrayU8 fieldU8;
    private GrayU8 outU8;
    private GrayF64 field;
    private GrayF64 smoothField;
    private GrayF64 outF64;
    private GrayU8 binary;
    private GrayU8 outBinary;

    @Setup
    public void setUp() {
        fieldU8 = BenchImages.fieldU8(SIZE);
        outU8 = new GrayU8(SIZE, SIZE);
        field = BenchImages.field(SIZE);
        smoothField = boxSmooth(boxSmooth(field));
        outF64 = new GrayF64(SIZE, SIZE);
        binary = BenchImages.binary(SIZE);
        outBinary = new GrayU8(SIZE, SIZE);
    }

    @Benchmark
    public GrayU8 greyErodeSquareU8() {
        return Morphology.erode(fieldU8, SQUARE, outU8);
    }

    @Benchmark
    public GrayU8 greyErodeCrossU8() {
        return Morphology.erode(fieldU8, CROSS, outU8);
    }

    @Benchmark
    public GrayU8 greyDilateDisk5U8() {
        return Morphology.dilate(fieldU8, StructuringElement.disk(5), outU8);
    }

    @Benchmark
    public GrayF64 greyErodeSquareF64() {
        return Morphology.erode(field, SQUARE, outF64);
    }

    @Benchmark
    public GrayU8 binaryErodeSquare() {
        return Morphology.binaryErode(binary, SQUARE, outBinary);
    }

    @Benchmark
    public GrayU8 regmaxSmoothedField() {
        return Morphology.regmax(smoothField, CROSS);
    }

    @Benchmark
    public GrayU8 regmaxNoisyField() {
        return Morphology.regmax(field, CROSS);
    }

    /** A 5×5 mean with clamped edges, to take the noise off the field before looking for its maxima. */
    private static GrayF64 boxSmooth(GrayF64 in) {
        int n = in.height();
        double[] src = in.data();
        double[] tmp = new double[src.length];
        double[] dst = new double[src.length];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int d = -2; d <= 2; d++) {
                    s += src[r * n + Math.min(n - 1, Math.max(0, c + d))];
                }
                tmp[r * n + c] = s / 5;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double s = 0;
                for (int d = -2; d <= 2; d++) {
                    s += tmp[Math.min(n - 1, Math.max(0, r + d)) * n + c];
                }
                dst[r * n + c] = s / 5;
            }
        }
        return new GrayF64(n, n, dst);
    }
}
