package jug.vision.bench;

import java.util.concurrent.TimeUnit;
import jug.vision.Border;
import jug.vision.Convert;
import jug.vision.GrayU8;
import jug.vision.threshold.Thresholds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Global thresholds on the 2048×2048 uint8 benchmark field; target for otsu: at most 1 ms (mahotas 1.14 ms). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThresholdBenchmark {
    private GrayU8 field;

    @Setup
    public void setUp() {
        field = BenchImages.fieldU8(2048);
    }

    @Benchmark
    public int otsu() {
        return Thresholds.otsu(field);
    }

    @Benchmark
    public double rc() {
        return Thresholds.rc(field);
    }

    @Benchmark
    public GrayU8 thresholdMask() {
        return Convert.threshold(field, 100);
    }

    @Benchmark
    public GrayU8 bernsenRadius5() {
        return Thresholds.bernsen(field, 5, 15, Border.REFLECT);
    }
}
