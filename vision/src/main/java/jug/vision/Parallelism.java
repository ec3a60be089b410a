package jug.vision;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * How kernels that split naturally by rows (filters, morphology) spread work over threads.
 *
 * <p>The thread count is fixed when the class loads: the system property {@code jug.vision.threads}, else the
 * environment variable {@code JUG_VISION_THREADS}, else the number of processors. Set it to 1 to keep every kernel
 * on the calling thread, which is what a jug worker per core wants. Small images always stay on the calling thread,
 * where splitting costs more than it saves.
 */
public final class Parallelism {
    /** Images with fewer pixels than this are never split. */
    public static final int MIN_PIXELS_TO_SPLIT = 1 << 18;

    private static final int THREADS = configuredThreads();
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS) : null;

    /** A range of rows {@code [from, to)} to process. */
    @FunctionalInterface
    public interface RowRange {
        void run(int from, int to);
    }

    private Parallelism() {
    }

    /** The number of threads kernels may use. */
    public static int threads() {
        return THREADS;
    }

    /**
     * Runs {@code body} over the rows {@code [0, height)}, split into contiguous bands across the pool when the
     * image has at least {@link #MIN_PIXELS_TO_SPLIT} pixels and more than one thread is allowed; otherwise calls
     * {@code body.run(0, height)} directly. Bands are disjoint, so a body that writes only its own rows is safe.
     */
    public static void forRows(int height, int width, RowRange body) {
        long pixels = (long) height * width;
        if (POOL == null || pixels < MIN_PIXELS_TO_SPLIT || height < 2) {
            body.run(0, height);
            return;
        }
        int bands = Math.min(height, THREADS * 4);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(bands);
        for (int b = 0; b < bands; b++) {
            int from = (int) ((long) height * b / bands);
            int to = (int) ((long) height * (b + 1) / bands);
            tasks.add(POOL.submit(() -> body.run(from, to)));
        }
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
    }

    private static int configuredThreads() {
        String value = System.getProperty("jug.vision.threads", System.getenv("JUG_VISION_THREADS"));
        if (value == null || value.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below, which names the setting
        }
        throw new IllegalArgumentException("jug.vision.threads / JUG_VISION_THREADS must be a positive integer: " + value);
    }
}
