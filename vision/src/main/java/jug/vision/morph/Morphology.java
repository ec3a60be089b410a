package jug.vision.morph;

import jug.vision.DType;
import jug.vision.GrayF32;
import jug.vision.GrayF64;
import jug.vision.GrayImage;
import jug.vision.GrayS32;
import jug.vision.GrayU16;
import jug.vision.GrayU8;
import jug.vision.StructuringElement;

/**
 * Mathematical morphology on grey images and binary masks: flat erosion, dilation, opening, closing and top-hats
 * for every pixel type; binary versions on masks; and conditional erosion and dilation.
 *
 * <p>Grey operators are <em>flat</em>, as {@code scipy.ndimage.grey_erosion(footprint=se)}: erosion is
 * {@code out[x] = min over b in se of in[x + b]} and dilation {@code out[x] = max over b of in[x - b]} (the element
 * reflected through its origin, so that dilation and erosion are adjoint). This differs from mahotas, whose
 * {@code erode}/{@code dilate} on integer images are non-flat and add or subtract the element's values (so with
 * a 0/1 element {@code mahotas.erode} of a uint8 image is this erosion minus 1, saturating), and which refuses floats.
 *
 * <p>Border: pixels outside the image never win. Erosion treats them as +∞ (the type's maximum), dilation as −∞;
 * for masks, erosion reads outside as true and dilation as false. This equals scipy with
 * {@code mode='constant'} and {@code cval} the type's max (erosion) or min (dilation), and
 * {@code binary_erosion(border_value=1)} / {@code binary_dilation(border_value=0)}. It keeps
 * {@code open(f) <= f <= close(f)} and lets an all-true mask survive erosion, as mahotas's nearest border does
 * (mahotas and this rule agree for elements such as squares, crosses and disks).
 *
 * <p>Masks are {@link GrayU8} images read as nonzero = true; mask results hold 0 and 1. Outputs are new contiguous
 * images unless an output is passed; an output may be the input itself. Large images are split into row bands
 * across threads ({@link jug.vision.Parallelism}).
 *
 * <p>Also here: local and regional extrema (mahotas's {@code locmax}, {@code regmax} and twins), hit-or-miss,
 * thinning, hole filling and the majority filter.
 */
public final class Morphology {
    private Morphology() {
    }

    /** Flat grey erosion: each pixel becomes the minimum over the element; see the class notes on borders. */
    public static <T extends GrayImage> T erode(T image, StructuringElement se) {
        return erode(image, se, newLike(image));
    }

    /** {@link #erode(GrayImage, StructuringElement)} into {@code out} (same type and shape), which it returns. */
    public static <T extends GrayImage> T erode(T image, StructuringElement se, T out) {
        FlatFilter.erodeOrDilate(input(image, out), se, false, false, out);
        return out;
    }

    /** Flat grey dilation: each pixel becomes the maximum over the reflected element; see the class notes. */
    public static <T extends GrayImage> T dilate(T image, StructuringElement se) {
        return dilate(image, se, newLike(image));
    }

    /** {@link #dilate(GrayImage, StructuringElement)} into {@code out} (same type and shape), which it returns. */
    public static <T extends GrayImage> T dilate(T image, StructuringElement se, T out) {
        FlatFilter.erodeOrDilate(input(image, out), se, true, false, out);
        return out;
    }

    /** Grey opening, {@code dilate(erode(image))}: removes bright details smaller than the element. */
    public static <T extends GrayImage> T open(T image, StructuringElement se) {
        return open(image, se, newLike(image));
    }

    /** {@link #open(GrayImage, StructuringElement)} into {@code out}, which it returns. */
    public static <T extends GrayImage> T open(T image, StructuringElement se, T out) {
        GrayImage eroded = image.zerosLike();
        FlatFilter.erodeOrDilate(input(image, out), se, false, false, eroded);
        FlatFilter.erodeOrDilate(eroded, se, true, false, out);
        return out;
    }

    /** Grey closing, {@code erode(dilate(image))}: fills dark details smaller than the element. */
    public static <T extends GrayImage> T close(T image, StructuringElement se) {
        return close(image, se, newLike(image));
    }

    /** {@link #close(GrayImage, StructuringElement)} into {@code out}, which it returns. */
    public static <T extends GrayImage> T close(T image, StructuringElement se, T out) {
        GrayImage dilated = image.zerosLike();
        FlatFilter.erodeOrDilate(input(image, out), se, true, false, dilated);
        FlatFilter.erodeOrDilate(dilated, se, false, false, out);
        return out;
    }

    /**
     * White top-hat, {@code image - open(image)}: the bright details that opening removes; never negative. As
     * scipy's {@code white_tophat} (mahotas's {@code tophat_open}, which is non-flat). int32 wraps on overflow,
     * as numpy does.
     */
    public static <T extends GrayImage> T whiteTopHat(T image, StructuringElement se) {
        T out = newLike(image);
        open(image, se, out);
        Rows.apply(Rows.Pixelwise.SUBTRACT, image, out, out);
        return out;
    }

    /**
     * Black top-hat, {@code close(image) - image}: the dark details that closing fills; never negative. As scipy's
     * {@code black_tophat} (mahotas's {@code tophat_close}, which is non-flat). int32 wraps on overflow.
     */
    public static <T extends GrayImage> T blackTopHat(T image, StructuringElement se) {
        T out = newLike(image);
        close(image, se, out);
        Rows.apply(Rows.Pixelwise.SUBTRACT, out, image, out);
        return out;
    }

    /** Binary erosion of a mask: true where every member of the element lands on true (or outside the image). */
    public static GrayU8 binaryErode(GrayU8 mask, StructuringElement se) {
        return binaryErode(mask, se, new GrayU8(mask.height(), mask.width()));
    }

    /** {@link #binaryErode(GrayU8, StructuringElement)} into {@code out}, which it returns. */
    public static GrayU8 binaryErode(GrayU8 mask, StructuringElement se, GrayU8 out) {
        FlatFilter.erodeOrDilate(input(mask, out), se, false, true, out);
        return out;
    }

    /** Binary dilation of a mask: true where some member of the reflected element lands on true. */
    public static GrayU8 binaryDilate(GrayU8 mask, StructuringElement se) {
        return binaryDilate(mask, se, new GrayU8(mask.height(), mask.width()));
    }

    /** {@link #binaryDilate(GrayU8, StructuringElement)} into {@code out}, which it returns. */
    public static GrayU8 binaryDilate(GrayU8 mask, StructuringElement se, GrayU8 out) {
        FlatFilter.erodeOrDilate(input(mask, out), se, true, true, out);
        return out;
    }

    /** Binary opening, {@code binaryDilate(binaryErode(mask))}: removes parts the element does not fit in. */
    public static GrayU8 binaryOpen(GrayU8 mask, StructuringElement se) {
        GrayU8 out = binaryErode(mask, se);
        FlatFilter.erodeOrDilate(out.copy(), se, true, true, out);
        return out;
    }

    /** Binary closing, {@code binaryErode(binaryDilate(mask))}: fills gaps the element does not fit in. */
    public static GrayU8 binaryClose(GrayU8 mask, StructuringElement se) {
        GrayU8 out = binaryDilate(mask, se);
        FlatFilter.erodeOrDilate(out.copy(), se, false, true, out);
        return out;
    }

    /**
     * Conditional erosion: erodes {@code image} but never below {@code bound}, repeating up to {@code iterations}
     * times or until nothing changes; each step is {@code max(erode(current), bound)}, starting from
     * {@code max(image, bound)}. One iteration is mahotas's {@code cerode} with flat erosion; many give
     * reconstruction by erosion.
     */
    public static <T extends GrayImage> T conditionalErode(T image, T bound, StructuringElement se, int iterations) {
        return conditional(image, bound, se, iterations, false);
    }

    /**
     * Conditional dilation: dilates {@code image} but never above {@code bound}, up to {@code iterations} times or
     * until nothing changes; each step is {@code min(dilate(current), bound)}, starting from
     * {@code min(image, bound)}. As mahotas's {@code cdilate(f, g, Bc, n)} with flat dilation; many iterations give
     * morphological reconstruction by dilation.
     */
    public static <T extends GrayImage> T conditionalDilate(T image, T bound, StructuringElement se, int iterations) {
        return conditional(image, bound, se, iterations, true);
    }

    /**
     * Local maxima: 1 where no neighbour {@code x + b} (b a member of {@code se} other than its origin) is strictly
     * greater, so plateaus count; as mahotas's {@code locmax}. Neighbours outside the image are ignored (mahotas
     * reads the nearest edge pixel, which gives the same result for squares, crosses and disks). A NaN pixel, or
     * one with a NaN neighbour, is never an extremum.
     */
    public static GrayU8 locmax(GrayImage image, StructuringElement se) {
        return RegionalExtrema.local(image, se, false);
    }

    /** Local minima: 1 where no neighbour is strictly smaller; the twin of {@link #locmax}. */
    public static GrayU8 locmin(GrayImage image, StructuringElement se) {
        return RegionalExtrema.local(image, se, true);
    }

    /**
     * Regional maxima: 1 on each connected plateau of equal value whose neighbours outside it are all strictly
     * smaller; as mahotas's {@code regmax}. Connectivity is {@code se}, made symmetric (b and -b) so that
     * regions are well defined; neighbours outside the image are ignored.
     */
    public static GrayU8 regmax(GrayImage image, StructuringElement se) {
        return RegionalExtrema.regional(image, se, false);
    }

    /** Regional minima: plateaus whose outside neighbours are all strictly greater; the twin of {@link #regmax}. */
    public static GrayU8 regmin(GrayImage image, StructuringElement se) {
        return RegionalExtrema.regional(image, se, true);
    }

    /**
     * Hit-or-miss transform of a mask: 1 where the template, its origin at {@code (rows/2, cols/2)}, matches;
     * entries are 1 (must be true), 0 (must be false) and 2 (don't care). Outside the image is false, as in scipy's
     * {@code binary_hit_or_miss}; mahotas's {@code hitmiss} instead never reports a hit on the 1-pixel border.
     */
    public static GrayU8 hitOrMiss(GrayU8 mask, int[][] template) {
        return Thinning.hitOrMiss(mask, Thinning.checkTemplate(template));
    }

    /**
     * Thins a mask to a skeleton, as mahotas's {@code thin}: each pass applies mahotas's eight 3×3 hit-or-miss
     * templates in turn, removing each template's hits before the next, until a pass removes nothing. Outside
     * the image is false.
     */
    public static GrayU8 thin(GrayU8 mask) {
        return Thinning.thin(mask, Integer.MAX_VALUE);
    }

    /** {@link #thin(GrayU8)} stopped after at most {@code maxIterations} passes (0 gives the mask as 0/1). */
    public static GrayU8 thin(GrayU8 mask, int maxIterations) {
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations < 0: " + maxIterations);
        }
        return Thinning.thin(mask, maxIterations);
    }

    /**
     * Fills the holes of a mask: background regions that are not connected, through {@code se}, to the outside
     * of the image; as scipy's {@code binary_fill_holes(mask, structure=se)} and mahotas's {@code close_holes}.
     */
    public static GrayU8 closeHoles(GrayU8 mask, StructuringElement se) {
        return HoleFilling.closeHoles(mask, se);
    }

    /**
     * Majority filter on a mask: 1 where strictly more than half of the pixels in the {@code n × n} window centred
     * on the pixel are true, counting only the window's pixels inside the image ({@code n} odd). mahotas's
     * {@code majority_filter} differs on purpose: it needs only {@code floor(n²/2)} votes (4 of 9, a tie-breaking
     * minority), leaves every pixel within {@code n/2} of the border false, and by an off-by-one also the last
     * row and column it could compute.
     */
    public static GrayU8 majorityFilter(GrayU8 mask, int n) {
        if (n < 1 || n % 2 == 0) {
            throw new IllegalArgumentException("n must be odd and positive: " + n + "; a window needs a centre pixel");
        }
        return MajorityVote.filter(mask, n);
    }

    private static <T extends GrayImage> T conditional(T image, T bound, StructuringElement se, int iterations,
            boolean dilate) {
        requireSameType("bound", bound, "image", image);
        GrayImage.requireSameShape("image", image, "bound", bound);
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations < 1: " + iterations);
        }
        Rows.Pixelwise clamp = dilate ? Rows.Pixelwise.MIN : Rows.Pixelwise.MAX;
        T current = newLike(image);
        Rows.apply(clamp, image, bound, current);
        T next = newLike(image);
        for (int i = 0; i < iterations; i++) {
            FlatFilter.erodeOrDilate(current, se, dilate, false, next);
            Rows.apply(clamp, next, bound, next);
            if (Rows.sameValues(next, current)) {
                break;
            }
            T t = current;
            current = next;
            next = t;
        }
        return current;
    }

    /** The image to read: {@code image} itself, or a copy when {@code out} would overwrite it while it is read. */
    static GrayImage input(GrayImage image, GrayImage out) {
        requireSameType("out", out, "image", image);
        GrayImage.requireSameShape("image", image, "out", out);
        return sharesArray(image, out) ? image.copy() : image;
    }

    static void requireSameType(String name, GrayImage image, String otherName, GrayImage other) {
        if (image.dtype() != other.dtype()) {
            throw new IllegalArgumentException(name + " is " + image.dtype().numpyName() + ", " + otherName + " is "
                    + other.dtype().numpyName() + "; they must have the same pixel type");
        }
    }

    static boolean sharesArray(GrayImage a, GrayImage b) {
        if (a.dtype() != b.dtype()) {
            return false;
        }
        DType t = a.dtype();
        return switch (t) {
            case U8 -> ((GrayU8) a).data() == ((GrayU8) b).data();
            case U16 -> ((GrayU16) a).data() == ((GrayU16) b).data();
            case S32 -> ((GrayS32) a).data() == ((GrayS32) b).data();
            case F32 -> ((GrayF32) a).data() == ((GrayF32) b).data();
            case F64 -> ((GrayF64) a).data() == ((GrayF64) b).data();
        };
    }

    @SuppressWarnings("unchecked") // zerosLike returns the same class as its receiver
    static <T extends GrayImage> T newLike(T image) {
        return (T) image.zerosLike();
    }
}
