package jug.vision;

import java.util.List;

/**
 * A multi-channel image kept as one {@link GrayImage} per channel (band), all of one type and shape: what
 * {@code imread} returns for RGB and RGBA files. Taking a channel is free: {@link #band} returns the band itself.
 */
public final class Planar<T extends GrayImage> {
    private final List<T> bands;

    private Planar(List<T> bands) {
        this.bands = bands;
    }

    /** A planar image over the given bands (not copied), which must share type and shape. */
    @SafeVarargs
    public static <T extends GrayImage> Planar<T> of(T... bands) {
        List<T> list = new java.util.ArrayList<>(bands.length);
        for (T band : bands) {
            list.add(band);
        }
        return of(list);
    }

    /** A planar image over the given bands (not copied), which must share type and shape. */
    public static <T extends GrayImage> Planar<T> of(List<T> bands) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a planar image needs at least one band");
        }
        T first = bands.get(0);
        for (int i = 1; i < bands.size(); i++) {
            T b = bands.get(i);
            GrayImage.requireSameShape("band 0", first, "band " + i, b);
            if (b.dtype() != first.dtype()) {
                throw new IllegalArgumentException("band " + i + " is " + b.dtype() + ", band 0 is " + first.dtype());
            }
        }
        return new Planar<>(List.copyOf(bands));
    }

    /** Band i (0 = red for RGB); the band itself, not a copy. */
    public T band(int i) {
        if (i < 0 || i >= bands.size()) {
            throw new IndexOutOfBoundsException("band " + i + " of a " + bands.size() + "-band image");
        }
        return bands.get(i);
    }

    /** All bands, in order. */
    public List<T> bands() {
        return bands;
    }

    /** Number of bands. */
    public int bandCount() {
        return bands.size();
    }

    /** Number of rows. */
    public int height() {
        return bands.get(0).height();
    }

    /** Number of columns. */
    public int width() {
        return bands.get(0).width();
    }

    /** The element type of every band. */
    public DType dtype() {
        return bands.get(0).dtype();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Planar<?> that && that.bands.equals(bands);
    }

    @Override
    public int hashCode() {
        return bands.hashCode();
    }

    @Override
    public String toString() {
        return "Planar " + bands.size() + "×" + bands.get(0);
    }
}
