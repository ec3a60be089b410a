"""References for jug.vision.threshold.Thresholds: histogram, otsu, rc, mean, bernsen and gbernsen.

Writes vision/src/test/resources/jug/vision/threshold/threshold.npz. The thresholds are straightforward numpy
implementations of the definitions (otsu evaluates the between-class variance of every split directly rather than
incrementally); Bernsen's neighbourhood extremes come from scipy.ndimage.maximum_filter/minimum_filter.
"""
import pathlib

import numpy as np
from scipy import ndimage as ndi

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/threshold"
rng = np.random.default_rng(77)
MODES = ["reflect", "nearest", "wrap", "mirror", "constant"]


def histogram(img):
    return np.bincount(img.ravel(), minlength=int(img.max()) + 1 if img.size else 1)


def otsu(img, ignore_zeros=False):
    h = histogram(img).astype(np.float64)
    if ignore_zeros:
        h[0] = 0
    if len(h) <= 1 or h[1:].sum() == 0:
        return 0
    values = np.arange(len(h))
    best, best_t = -1.0, 0
    total = h.sum()
    for t in range(len(h)):
        below = h[: t + 1].sum()
        above = total - below
        if t > 0 and below == 0:
            continue
        if above == 0:
            break
        mean_below = (values[: t + 1] * h[: t + 1]).sum() / below if below else 0.0
        mean_above = (values[t + 1:] * h[t + 1:]).sum() / above
        between = below * above * (mean_below - mean_above) ** 2
        if between > best:
            best, best_t = between, t
    return best_t


def rc(img, ignore_zeros=False):
    h = histogram(img).astype(np.int64)
    if ignore_zeros:
        if h[0] == img.size:
            return 0.0
        h[0] = 0
    values = np.arange(len(h))
    top = int(np.nonzero(h)[0].max())
    result = float(top)
    t = 0
    while t < min(top, result):
        below, above = h[: t + 1], h[t + 1:]
        if below.sum() > 0 and above.sum() > 0:
            result = ((values[: t + 1] * below).sum() / below.sum()
                      + (values[t + 1:] * above).sum() / above.sum()) / 2
        t += 1
    return result


def disk(radius):
    y, x = np.mgrid[-radius:radius + 1, -radius:radius + 1]
    return (y * y + x * x) < radius * radius


def bernsen(img, footprint, contrast, global_threshold, mode):
    f = img.astype(np.float64)
    hi = ndi.maximum_filter(f, footprint=footprint, mode=mode, cval=0.0)
    lo = ndi.minimum_filter(f, footprint=footprint, mode=mode, cval=0.0)
    mid = hi / 2 + lo / 2
    return np.where(hi - lo >= contrast, f > mid, f > global_threshold).astype(np.uint8)


def images():
    """(name, image) pairs: several distributions, types and shapes, including 1×N and N×1."""
    yield "u8_uniform", rng.integers(0, 256, (31, 29)).astype(np.uint8)
    yield "u8_row", rng.integers(0, 256, (1, 40)).astype(np.uint8)
    yield "u8_col", rng.integers(0, 256, (40, 1)).astype(np.uint8)
    two = np.where(rng.random((24, 33)) < 0.3, rng.normal(190, 12, (24, 33)), rng.normal(60, 20, (24, 33)))
    yield "u8_bimodal", np.clip(np.rint(two), 0, 255).astype(np.uint8)
    zeros = rng.integers(100, 201, (20, 20)).astype(np.uint8)
    zeros[rng.random((20, 20)) < 0.6] = 0
    yield "u8_zeros", zeros
    yield "u8_narrow", rng.integers(40, 44, (9, 11)).astype(np.uint8)
    yield "u8_constant", np.full((5, 6), 17, np.uint8)
    yield "u16_wide", rng.integers(0, 65536, (17, 23)).astype(np.uint16)
    peaks = np.where(rng.random((21, 19)) < 0.5, rng.normal(9000, 800, (21, 19)), rng.normal(30000, 3000, (21, 19)))
    yield "u16_bimodal", np.clip(np.rint(peaks), 0, 65535).astype(np.uint16)
    yield "u16_small", rng.integers(0, 300, (8, 13)).astype(np.uint16)


def local_images():
    yield "u8", rng.integers(0, 256, (19, 23)).astype(np.uint8)
    yield "u8row", rng.integers(0, 256, (1, 30)).astype(np.uint8)
    yield "u8col", rng.integers(0, 256, (30, 1)).astype(np.uint8)
    yield "u16", rng.integers(0, 4000, (16, 12)).astype(np.uint16)
    yield "s32", rng.integers(-300, 300, (11, 14)).astype(np.int32)
    yield "f32", (rng.normal(120, 60, (13, 10))).astype(np.float32)
    yield "f64", rng.normal(120, 60, (10, 13))


def main():
    arrays = {}
    for name, img in images():
        arrays[f"{name}_in"] = img
        arrays[f"{name}_hist"] = histogram(img).astype(np.int64)
        arrays[f"{name}_otsu"] = np.array([otsu(img), otsu(img, True)], np.int64)
        arrays[f"{name}_rc"] = np.array([rc(img), rc(img, True)])
        nz = img[img != 0]
        arrays[f"{name}_mean"] = np.array([img.astype(np.float64).mean(), nz.mean() if nz.size else 0.0])
    elements = {"disk3": disk(3), "disk1": disk(1), "block2x3": np.ones((2, 3), bool),
                "ell": np.array([[1, 0, 0, 0], [1, 0, 0, 0], [1, 1, 1, 0]], bool)}
    for name, img in local_images():
        arrays[f"local_{name}_in"] = img
        for se_name, se in elements.items():
            for mode in MODES:
                arrays[f"local_{name}_{se_name}_{mode}"] = bernsen(img, se, 15, 128, mode)
    for name, se in elements.items():
        arrays[f"se_{name}"] = se.astype(np.uint8)
    np.savez_compressed(OUT / "threshold.npz", **arrays)


if __name__ == "__main__":
    main()
