package jug.vision.bench;

import java.util.concurrent.TimeUnit;
import jug.vision.GrayF64;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.label.Labeling;
import jug.vision.label.Labels;
import jug.vision.label.Measurements;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Labelling and per-label measurements on the 2048×2048 blob mask (about 9,000 components). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LabelBenchmark {
    private GrayU8 binary;
    private GrayS32 labels;
    private GrayF64 field;

    @Setup
    public void setUp() {
        binary = BenchImages.binary(2048);
        labels = Labels.label4(binary).labels();
        field = BenchImages.field(2048);
    }

    @Benchmark
    public Labeling label4() {
        return Labels.label4(binary);
    }

    @Benchmark
    public Labeling label8() {
        return Labels.label8(binary);
    }

    @Benchmark
    public int[] sizes() {
        return Measurements.sizes(labels);
    }

    @Benchmark
    public double[] sums() {
        return Measurements.sums(field, labels);
    }

    @Benchmark
    public double[][] centerOfMass() {
        return Measurements.centerOfMass(field, labels);
    }
}
