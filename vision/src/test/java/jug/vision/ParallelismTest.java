package jug.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelismTest {
    @Test
    void everyRowIsVisitedExactlyOnceOnLargeImages() {
        int height = 1000;
        AtomicIntegerArray visits = new AtomicIntegerArray(height);
        Parallelism.forRows(height, 1000, (from, to) -> {
            for (int r = from; r < to; r++) {
                visits.incrementAndGet(r);
            }
        });
        for (int r = 0; r < height; r++) {
            assertThat(visits.get(r)).as("row %d", r).isEqualTo(1);
        }
    }

    @Test
    void smallImagesRunOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        Thread[] seen = new Thread[1];
        Parallelism.forRows(10, 10, (from, to) -> seen[0] = Thread.currentThread());
        assertThat(seen[0]).isSameAs(caller);
    }
}
