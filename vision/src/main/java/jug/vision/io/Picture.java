package jug.vision.io;

import java.util.Objects;
import jug.vision.Convert;
import jug.vision.DType;
import jug.vision.GrayImage;
import jug.vision.Planar;

/**
 * What {@link Images#imread} returns: a {@link Grey} image, or a {@link Colour} image of several bands (RGB, RGBA, or
 * grey with alpha), in the file's own pixel type.
 *
 * <p>Most callers want one grey image: {@link #grey()} gives it whatever the file held. To branch on the kind, test
 * {@code picture instanceof Picture.Colour c}.
 */
public sealed interface Picture permits Picture.Grey, Picture.Colour {

    /** A single-band image. */
    record Grey(GrayImage image) implements Picture {
        /** Wraps a grey image (not copied). */
        public Grey {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public Planar<? extends GrayImage> planar() {
            return Planar.of(image);
        }

        @Override
        public GrayImage grey() {
            return image;
        }
    }

    /** An image of 2 (grey, alpha), 3 (red, green, blue) or 4 (red, green, blue, alpha) bands. */
    record Colour(Planar<? extends GrayImage> bands) implements Picture {
        /** Wraps the bands (not copied); there must be 2, 3 or 4. */
        public Colour {
            Objects.requireNonNull(bands, "bands");
            if (bands.bandCount() < 2 || bands.bandCount() > 4) {
                throw new IllegalArgumentException("a colour picture has 2 to 4 bands, not " + bands.bandCount()
                        + "; wrap a single band as Picture.Grey");
            }
        }

        @Override
        public Planar<? extends GrayImage> planar() {
            return bands;
        }

        /**
         * Band 0 of a grey+alpha image; otherwise the luminance {@code 0.30 R + 0.59 G + 0.11 B} in float64, as
         * mahotas's {@code imread(as_grey=True)} ({@link Convert#rgbToGrey}).
         */
        @Override
        public GrayImage grey() {
            return bands.bandCount() == 2 ? bands.band(0) : Convert.rgbToGrey(bands);
        }
    }

    /** A picture of one grey image. */
    static Picture of(GrayImage image) {
        return new Grey(image);
    }

    /** A picture of the given bands: {@link Grey} for one band, else {@link Colour}. */
    static Picture of(Planar<? extends GrayImage> bands) {
        return bands.bandCount() == 1 ? new Grey(bands.band(0)) : new Colour(bands);
    }

    /** The bands: one for {@link Grey}. */
    Planar<? extends GrayImage> planar();

    /** One grey image: the image itself for {@link Grey}; see {@link Colour#grey()} for colour. */
    GrayImage grey();

    /**
     * The bands with their element class checked, for callers who know what the file holds:
     * {@code picture.planar(GrayU8.class)}; throws if the bands are of another type.
     */
    default <T extends GrayImage> Planar<T> planar(Class<T> type) {
        Planar<? extends GrayImage> p = planar();
        if (!type.isInstance(p.band(0))) {
            throw new IllegalArgumentException("the picture's bands are " + p.dtype().numpyName() + " ("
                    + p.band(0).getClass().getSimpleName() + "), not " + type.getSimpleName()
                    + "; convert them with Convert.to");
        }
        @SuppressWarnings("unchecked") // every band shares the checked class (Planar requires one dtype)
        Planar<T> typed = (Planar<T>) p;
        return typed;
    }

    /** Number of rows. */
    default int height() {
        return planar().height();
    }

    /** Number of columns. */
    default int width() {
        return planar().width();
    }

    /** The pixel type of every band. */
    default DType dtype() {
        return planar().dtype();
    }

    /** Number of bands: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA. */
    default int bandCount() {
        return planar().bandCount();
    }

    /** True for grey+alpha and RGBA. */
    default boolean hasAlpha() {
        return bandCount() == 2 || bandCount() == 4;
    }
}
