package jug.vision.bench;

import java.util.concurrent.TimeUnit;
import jug.vision.GrayF64;
import jug.vision.GrayS32;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;
import jug.vision.label.Labels;
import jug.vision.segment.Distance;
import jug.vision.segment.Voronoi;
import jug.vision.segment.Watershed;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Distance transform, seeded watershed and generalised Voronoi on the 2048×2048 benchmark images.
 *
 * <p>Watershed inputs, as in a nucleus-segmentation pipeline: the surface is the inverted field
 * ({@code 255 - fieldU8}, so blobs are basins) and the markers are the ~9,000 labelled blobs of
 * {@code BenchImages.binary}; the whole image is flooded from them with the cross.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SegmentBenchmark {
    private GrayU8 binary;
    private GrayU8 surface;
    private GrayF64 surfaceF64;
    private GrayS32 markers;

    @Setup
    public void setUp() {
        binary = BenchImages.binary(2048);
        GrayU8 field = BenchImages.fieldU8(2048);
        surface = new GrayU8(2048, 2048);
        byte[] s = surface.data();
        byte[] f = field.data();
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (255 - (f[i] & 0xFF));
        }
        surfaceF64 = surface.toF64();
        markers = Labels.label4(binary).labels();
    }

    @Benchmark
    public GrayF64 euclidean() {
        return Distance.euclidean(binary);
    }

    @Benchmark
    public GrayF64 squared() {
        return Distance.squared(binary);
    }

    @Benchmark
    public GrayS32 watershedU8() {
        return Watershed.cwatershed(surface, markers, StructuringElement.cross());
    }

    @Benchmark
    public GrayS32 watershedF64() {
        return Watershed.cwatershed(surfaceF64, markers, StructuringElement.cross());
    }

    @Benchmark
    public GrayS32 gvoronoi() {
        return Voronoi.gvoronoi(markers);
    }
}
