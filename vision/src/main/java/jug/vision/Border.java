package jug.vision;

/**
 * How a kernel reads pixels outside the image, with the names and meanings of {@code scipy.ndimage}'s modes.
 *
 * <p>For data {@code a b c d}: REFLECT extends as {@code b a | a b c d | d c} (the edge pixel repeats), MIRROR as {@code c b | a b c d | c b} (the edge pixel is not repeated), NEAREST as
 * {@code a a | a b c d | d d}, WRAP as {@code c d | a b c d | a b} and CONSTANT reads a value the kernel is given.
 * A kernel takes its border mode as an explicit argument; REFLECT is the usual default, as in scipy and mahotas.
 */
public enum Border {
    /** Half-sample symmetric: {@code b a | a b c d | d c}; scipy {@code 'reflect'}. */
    REFLECT,
    /** Replicates the edge pixel: {@code a a | a b c d | d d}; scipy {@code 'nearest'}. */
    NEAREST,
    /** Periodic: {@code c d | a b c d | a b}; scipy {@code 'wrap'}. */
    WRAP,
    /** Whole-sample symmetric: {@code c b | a b c d | c b}; scipy {@code 'mirror'}, OpenCV's REFLECT_101. */
    MIRROR,
    /** Outside pixels read a constant given to the kernel (zero unless it says otherwise); scipy {@code 'constant'}. */
    CONSTANT;

    /**
     * Maps a coordinate that may lie outside {@code [0, n)} to the coordinate it reads, or to -1 when it reads the
     * constant. Any {@code i} is accepted, however far outside; {@code n} must be positive.
     */
    public int map(int i, int n) {
        if (i >= 0 && i < n) {
            return i;
        }
        if (n <= 0) {
            throw new IllegalArgumentException("n <= 0: " + n);
        }
        switch (this) {
            case NEAREST:
                return i < 0 ? 0 : n - 1;
            case WRAP:
                return Math.floorMod(i, n);
            case REFLECT: {
                int m = Math.floorMod(i, 2 * n);
                return m < n ? m : 2 * n - 1 - m;
            }
            case MIRROR: {
                if (n == 1) {
                    return 0;
                }
                int period = 2 * n - 2;
                int m = Math.floorMod(i, period);
                return m < n ? m : period - m;
            }
            case CONSTANT:
                return -1;
            default:
                throw new AssertionError(this);
        }
    }
}
