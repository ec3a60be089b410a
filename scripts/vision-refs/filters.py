"""Reference outputs for jug.vision.filter (Filters, RankFilters), computed with numpy and scipy.ndimage.

Writes four archives under vision/src/test/resources/jug/vision/filter/:

  gaussian.npz  gaussian_filter with per-axis sigma and order, every mode, every dtype; oracle G1
  linear.npz    correlate, convolve, laplace, laplacian_2D (mahotas' kernel), sobel (mahotas' just_filter recipe),
                mean (generic_filter with np.mean), dog (difference of gaussian_filter, mode 'nearest')
  rank.npz      median_filter and rank_filter with several footprints
  large.npz     samples of filters on a 600x600 image that the tests rebuild from the same formula

Layout, to keep the archives small: 'in~<dtype>' holds the inputs of every shape in SHAPES, flattened and
concatenated in that order. A result '<what>~<params>~<dtype>~<set>' is a 2-D array: one row per mode of MODES,
each row the flattened results of every shape of the set ('all' = SHAPES, 'one' = the 7x9 shape alone),
concatenated. Constant mode reads CVAL (CVAL_INT for the rank filters on integer images); the Java tests repeat
these constants.

Integer outputs follow jug.vision.filter's documented rule (round half to even, saturate), applied with numpy to
scipy's float64 result: scipy itself truncates and wraps. Float32 inputs are filtered by scipy in float32.
Float inputs are multiples of 1/8, so that exact outputs (rank filters, dyadic kernels) compress well.
"""
import pathlib

import numpy as np
import scipy
from scipy import ndimage as ndi

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/filter"
MODES = ("reflect", "nearest", "wrap", "mirror", "constant")
CVAL = 2.5
CVAL_INT = 7
SHAPES = ((1, 17), (13, 1), (7, 9), (16, 23), (2, 3))
SETS = {"all": SHAPES, "one": ((7, 9),)}
DTYPES = {"u8": np.uint8, "u16": np.uint16, "s32": np.int32, "f32": np.float32, "f64": np.float64}
LIMITS = {"u8": (0, 255), "u16": (0, 65535), "s32": (-2**31, 2**31 - 1)}

rng = np.random.default_rng(20240611)


def make(dtype, shape):
    if dtype == "u8":
        return rng.integers(0, 256, shape, dtype=np.uint8)
    if dtype == "u16":
        return rng.integers(0, 65536, shape, dtype=np.uint16)
    if dtype == "s32":
        return rng.integers(-10**6, 10**6, shape, dtype=np.int32)
    return (rng.integers(-800, 800, shape) / 8).astype(DTYPES[dtype])


INPUTS = {(d, s): make(d, s) for d in DTYPES for s in SHAPES}


def key(*fields):
    return "~".join(str(f) for f in fields)


def as_type(values, dtype):
    """jug.vision.filter's conversion rule for storing a float64 result into an image of `dtype`."""
    if dtype in LIMITS:
        lo, hi = LIMITS[dtype]
        return np.clip(np.rint(values), lo, hi).astype(DTYPES[dtype])
    return values.astype(DTYPES[dtype])


def float_in(x, dtype):
    """What a derived filter computes on: float32 stays float32, everything else becomes float64."""
    return x if dtype == "f32" else x.astype(np.float64)


def table(dtype, shape_set, f):
    """Runs f(x, mode) on the input of each shape of the set, for each mode; one row per mode."""
    return np.stack([np.concatenate([np.ravel(f(INPUTS[(dtype, s)], m)) for s in SETS[shape_set]]) for m in MODES])


def save(name, arrays):
    arrays["versions"] = np.array([float(v) for v in (np.__version__.split(".")[:2] + scipy.__version__.split(".")[:2])])
    path = OUT / name
    np.savez_compressed(path, **arrays)
    print(f"wrote {path} ({path.stat().st_size // 1024} KB, {len(arrays)} arrays)")


def inputs():
    return {key("in", d): np.concatenate([np.ravel(INPUTS[(d, s)]) for s in SHAPES]) for d in DTYPES}


def gaussian():
    a = inputs()

    def run(dtype, sigmas, orders):
        return lambda x, m: ndi.gaussian_filter(float_in(x, dtype), sigmas, order=orders, mode=m, cval=CVAL)

    for sigmas, orders in (((1.0, 1.0), (0, 0)), ((1.5, 0.8), (1, 0)), ((0.7, 1.2), (0, 2)), ((2.0, 1.0), (2, 1)),
                           ((0.6, 0.6), (3, 0))):
        a[key("gaussian", f"{sigmas[0]},{sigmas[1]},{orders[0]},{orders[1]}", "f64", "all")] = table(
            "f64", "all", run("f64", sigmas, orders))
    for d in DTYPES:
        for sigmas, orders in (((1.3, 1.3), (0, 0)), ((1.0, 2.0), (1, 1))):
            a[key("gaussian", f"{sigmas[0]},{sigmas[1]},{orders[0]},{orders[1]}", d, "one")] = table(
                d, "one", run(d, sigmas, orders))
    # More rows than one transposed band of the Java engine (256), and a column radius larger than the width.
    tall = rng.integers(-800, 800, (260, 3)) / 8
    a["tall~in"] = tall
    a["tall~out"] = np.stack([ndi.gaussian_filter(tall, (2.0, 3.0), mode=m, cval=CVAL) for m in MODES])
    # Oracle G1 of mahotas.md: a 7x7 impulse, sigma 1.
    impulse = np.zeros((7, 7))
    impulse[3, 3] = 1
    a["G1"] = ndi.gaussian_filter(impulse, 1.0, mode="reflect")
    save("gaussian.npz", a)


KERNELS = {
    "C1": np.array([[1, 2, 0], [0, 0, 0], [0, 0, -1]], float),
    "even": np.array([[0.5, -1.0], [2.0, 0.25]]),
    "row": np.array([[1.0, -2.0, 3.0, 0.5]]),
    "tall": np.array([[0.25, 1.5], [-0.75, 0.0], [1.0, -0.5]]),
}
FOOTPRINTS = {
    "square": np.ones((3, 3), bool),
    "cross": np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], bool),
    "asym": np.array([[1, 1, 0], [0, 1, 1]], bool),
    "even": np.array([[1, 1], [1, 0]], bool),
    "disk": np.array([[0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0]], bool),
}


def linear():
    a = inputs()
    for kname, k in KERNELS.items():
        a[key("kernel", kname)] = k
        for op, f in (("correlate", ndi.correlate), ("convolve", ndi.convolve)):
            for d in DTYPES:
                shape_set = "all" if d == "f64" or kname in ("C1", "even") else "one"
                if d in LIMITS:
                    run = lambda x, m, f=f, k=k, d=d: as_type(f(x.astype(np.float64), k, mode=m, cval=CVAL), d)
                else:
                    run = lambda x, m, f=f, k=k: f(x, k, mode=m, cval=CVAL)
                a[key(op, kname, d, shape_set)] = table(d, shape_set, run)
    for d in DTYPES:
        a[key("laplace", "-", d, "all")] = table(d, "all", lambda x, m, d=d: ndi.laplace(float_in(x, d), mode=m, cval=CVAL))
    for alpha in (0.2, 0.0, 1.0):
        kern = np.array([[alpha, 1 - alpha, alpha], [1 - alpha, -4, 1 - alpha], [alpha, 1 - alpha, alpha]]) / (1 + alpha)
        for d in DTYPES:
            a[key("laplacian2D", alpha, d, "one")] = table(
                d, "one", lambda x, m, d=d, kern=kern: ndi.correlate(float_in(x, d), kern, mode=m))
    h = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]) / 8.0

    def sobel(x, m):
        img = x.astype(np.float64)
        img = img - img.min()
        ptp = np.ptp(img)
        if ptp == 0:
            return img
        img = img / ptp
        return ndi.correlate(img, h.T, mode=m) ** 2 + ndi.correlate(img, h, mode=m) ** 2

    for d in DTYPES:
        a[key("sobel", "-", d, "all" if d in ("u8", "f64") else "one")] = table(d, "all" if d in ("u8", "f64") else "one", sobel)
    for fname in ("square", "cross", "even", "asym"):
        fp = FOOTPRINTS[fname]
        for d in DTYPES:
            shape_set = "all" if d == "f64" or fname == "square" else "one"
            a[key("mean", fname, d, shape_set)] = table(
                d, shape_set, lambda x, m, fp=fp: ndi.generic_filter(x.astype(np.float64), np.mean, footprint=fp, mode=m, cval=CVAL))
    for d in DTYPES:
        for sigma, mult in ((1.0, 1.6), (2.0, 1.001)):
            a[key("dog", f"{sigma},{mult}", d, "one")] = table(d, "one", lambda x, m, sigma=sigma, mult=mult: (
                ndi.gaussian_filter(x.astype(np.float64), sigma * mult, mode=m, cval=0.0)
                - ndi.gaussian_filter(x.astype(np.float64), sigma, mode=m, cval=0.0)))
    def zero_crossings(dog):
        """jug.vision.filter's dogEdges rule, written independently with numpy."""
        t = 0.75 * np.abs(dog).mean()
        h, w = dog.shape
        edges = np.zeros(dog.shape, np.uint8)
        for r in range(h):
            for c in range(w):
                v = dog[r, c]
                near = [dog[rr, cc] for rr, cc in ((r, c - 1), (r, c + 1), (r - 1, c), (r + 1, c)) if 0 <= rr < h and 0 <= cc < w]
                if v < 0:
                    edges[r, c] = any(q > 0 and q - v > t for q in near)
                elif v == 0:
                    pairs = []
                    if 0 < c < w - 1:
                        pairs.append((dog[r, c - 1], dog[r, c + 1]))
                    if 0 < r < h - 1:
                        pairs.append((dog[r - 1, c], dog[r + 1, c]))
                    edges[r, c] = any(a * b < 0 and abs(a - b) > t for a, b in pairs)
        return edges

    for d in ("u8", "f64"):
        a[key("dogEdges", "1.0,1.6", d, "all")] = table(d, "all", lambda x, m: zero_crossings(
            ndi.gaussian_filter(x.astype(np.float64), 1.6, mode=m) - ndi.gaussian_filter(x.astype(np.float64), 1.0, mode=m)))
    save("linear.npz", a)


def rank():
    a = inputs()
    for fname, fp in FOOTPRINTS.items():
        n = int(fp.sum())
        for d in DTYPES:
            cval = CVAL_INT if d in LIMITS else CVAL
            shape_set = "all" if fname == "square" or d in ("u8", "f64") else "one"
            a[key("median", fname, d, shape_set)] = table(
                d, shape_set, lambda x, m, fp=fp, cval=cval: ndi.median_filter(x, footprint=fp, mode=m, cval=cval))
            for r in sorted({0, 1, n - 1}):
                a[key("rank", f"{fname},{r}", d, shape_set)] = table(
                    d, shape_set, lambda x, m, fp=fp, cval=cval, r=r: ndi.rank_filter(x, r, footprint=fp, mode=m, cval=cval))
    # More members than the Java sorting networks take (256): per-pixel selection.
    big = np.ones((17, 17), bool)
    for d in ("u8", "f64"):
        cval = CVAL_INT if d in LIMITS else CVAL
        a[key("median", "big", d, "one")] = table(d, "one", lambda x, m, cval=cval: ndi.median_filter(x, footprint=big, mode=m, cval=cval))
        a[key("rank", "big,3", d, "one")] = table(d, "one", lambda x, m, cval=cval: ndi.rank_filter(x, 3, footprint=big, mode=m, cval=cval))
    save("rank.npz", a)


def large():
    """Filters on a 600x600 image (above the size at which the Java code splits rows over threads), sampled."""
    r, c = np.mgrid[0:600, 0:600]
    u8 = ((r * 31 + c * 17 + (r * c) % 7) % 251).astype(np.uint8)
    f64 = u8 * 0.5 + (r % 9) * 0.25
    rows = np.r_[0:600:23, 599]
    a = {"rows": rows.astype(np.int32)}
    sample = np.ix_(rows, rows)
    a["gaussian~f64"] = ndi.gaussian_filter(f64, 2.3, mode="reflect")[sample]
    a["gaussian~u8"] = ndi.gaussian_filter(u8.astype(np.float64), (1.0, 8.0), order=(0, 1), mode="mirror")[sample]
    a["median~u8"] = ndi.median_filter(u8, size=3, mode="reflect")[sample]
    a["median~f64"] = ndi.median_filter(f64, size=3, mode="constant", cval=CVAL)[sample]
    a["rank~u8"] = ndi.rank_filter(u8, 1, footprint=FOOTPRINTS["cross"], mode="wrap")[sample]
    a["correlate~f64"] = ndi.correlate(f64, KERNELS["C1"], mode="nearest")[sample]
    save("large.npz", a)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    gaussian()
    linear()
    rank()
    large()
