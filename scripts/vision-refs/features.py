"""Texture-feature references (Haralick, LBP, Zernike) computed by plain numpy implementations of mahotas.md §3.16-3.18.

mahotas is not installed here, so each function below restates the documented semantics directly (no mahotas code):
  * haralick: symmetric grey-level co-occurrence matrices for the 4 directions (0,1), (1,1), (1,0), (1,-1) scaled by
    `distance`, pairs counted only inside the image; the 13 features with F5 0-based, F9 = var of p_{x-y} (or the
    true Var(|x-y|)), log base 2, F13 = sqrt of the second-largest eigenvalue of corrcoef of the non-empty rows.
  * lbp: rotation-invariant codes with mahotas's nearest sampling model (§3.17/§3.22): the neighbour at angle a of
    pixel (y, x) is img[R(y - r*sin a + 0.5), R(x - r*cos a + 0.5)], 0 outside, where every operation is a float64
    operation and R(v) = floor(v + 0.5) for v > 0, ceil(v - 0.5) otherwise (the float additions matter: with R the
    exact round-half-away-from-zero, the LBP1 oracle of mahotas.md is not reproduced; with this R it is, bit for bit).
  * zernike: |Z_nl| per §3.18, evaluated pixel by pixel with the radial polynomial written out with factorials.
The literal mahotas oracles (H1, LBP1, Z1) are in the Java tests themselves, not here.

Writes vision/src/test/resources/jug/vision/feature/{haralick,lbp,zernike}.npz.
"""
import math
import pathlib
import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/feature"
DELTAS = [(0, 1), (1, 1), (1, 0), (1, -1)]


# ---------------------------------------------------------------- Haralick
def cooccurrence(f, direction, distance, levels):
    """Symmetric GLCM: counts of (f[p], f[p+d]) for p and p+d inside the image, plus its transpose."""
    dy, dx = DELTAS[direction][0] * distance, DELTAS[direction][1] * distance
    h, w = f.shape
    c = np.zeros((levels, levels), np.int64)
    y0, y1, x0, x1 = max(0, -dy), h - max(0, dy), max(0, -dx), w - max(0, dx)
    if y1 > y0 and x1 > x0:
        a = f[y0:y1, x0:x1].astype(np.int64)
        b = f[y0 + dy:y1 + dy, x0 + dx:x1 + dx].astype(np.int64)
        np.add.at(c, (a.ravel(), b.ravel()), 1)
    return c + c.T


def entropy(v):
    v = v.ravel()
    nz = v[v > 0]
    return -np.sum(nz * np.log2(nz))


def haralick_features(counts, ignore_zeros=False, preserve_bug=False, fourteenth=False, x_minus_y_variance=False):
    c = counts.astype(np.float64).copy()
    if ignore_zeros:
        c[0, :] = 0
        c[:, 0] = 0
    if c.sum() == 0:
        raise ValueError("empty co-occurrence matrix")
    p = c / c.sum()
    g = len(p)
    i, j = np.mgrid[:g, :g]
    k = np.arange(g, dtype=np.float64)
    tk = np.arange(2 * g, dtype=np.float64)
    px, py = p.sum(0), p.sum(1)
    ux, uy = px @ k, py @ k
    vx, vy = px @ k ** 2 - ux ** 2, py @ k ** 2 - uy ** 2
    sx, sy = np.sqrt(vx), np.sqrt(vy)
    pplus = np.bincount((i + j).ravel(), p.ravel(), 2 * g)
    pminus = np.bincount(np.abs(i - j).ravel(), p.ravel(), g)
    f = np.zeros(14 if fourteenth else 13)
    f[0] = np.sum(p * p)
    f[1] = k ** 2 @ pminus
    f[2] = 1.0 if sx == 0 or sy == 0 else (np.sum(i * j * p) - ux * uy) / (sx * sy)
    f[3] = vx
    f[4] = np.sum(p / (1 + (i - j) ** 2))
    f[5] = tk @ pplus
    f[7] = entropy(pplus)
    f[6] = np.sum((tk - f[7]) ** 2 * pplus) if preserve_bug else tk ** 2 @ pplus - f[5] ** 2
    f[8] = entropy(p)
    f[9] = (k ** 2 @ pminus - (k @ pminus) ** 2) if x_minus_y_variance else pminus.var()
    f[10] = entropy(pminus)
    hx, hy = entropy(px), entropy(py)
    cross = np.outer(px, py)
    m = (p > 0) & (cross > 0)
    hxy1 = -np.sum(p[m] * np.log2(cross[m]))
    hxy2 = entropy(cross)
    f[11] = (f[8] - hxy1) / max(hx, hy) if max(hx, hy) > 0 else f[8] - hxy1
    f[12] = np.sqrt(max(0.0, 1 - np.exp(-2 * (hxy2 - f[8]))))
    if fourteenth:
        nz = px != 0
        q = p[nz][:, nz]
        f[13] = np.sqrt(np.sort(np.linalg.eigvalsh(np.corrcoef(q)))[-2]) if q.shape[0] > 2 else 0.0
    return f


def haralick(f, distance=1, **options):
    levels = int(f.max()) + 1
    return np.array([haralick_features(cooccurrence(f, d, distance, levels), **options) for d in range(4)])


def haralick_refs(rng):
    out = {}
    cases = [  # (shape, dtype, grey levels)
        ((5, 7), np.uint8, 4), ((16, 16), np.uint8, 16), ((33, 20), np.uint8, 256), ((64, 48), np.uint8, 256),
        ((7, 5), np.uint16, 300), ((12, 19), np.int32, 40), ((2, 2), np.uint8, 3), ((40, 3), np.uint8, 9),
        ((6, 9), np.uint16, 1100),  # more than 1024 levels: Haralick counts one direction at a time
    ]
    for n, (shape, dtype, levels) in enumerate(cases):
        f = rng.integers(0, levels, size=shape).astype(dtype)
        f.flat[0] = levels - 1  # so that the GLCM has exactly `levels` rows
        key = f"img{n}"
        out[key] = f
        if levels <= 64:
            out[key + "_glcm"] = np.array([cooccurrence(f, d, 1, levels) for d in range(4)]).astype(np.int32)
            out[key + "_glcm_d2"] = np.array([cooccurrence(f, d, 2, levels) for d in range(4)]).astype(np.int32)
        default = haralick(f)
        out[key + "_default"] = default
        out[key + "_mean"] = default.mean(0)
        out[key + "_meanptp"] = np.concatenate([default.mean(0), np.ptp(default, 0)])
        try:
            out[key + "_ignore"] = haralick(f, ignore_zeros=True)
        except ValueError:
            pass  # every pair involves a zero in some direction; the Java test checks that this throws
        out[key + "_bug"] = haralick(f, preserve_bug=True)
        out[key + "_xmy"] = haralick(f, x_minus_y_variance=True)
        if min(shape) > 2:
            out[key + "_d2"] = haralick(f, distance=2)
        if min(shape) > 3:
            out[key + "_d3"] = haralick(f, distance=3)
        if min(shape) > 4 and levels >= 16:
            out[key + "_f14"] = haralick(f, fourteenth=True)
    for n, levels in enumerate((5, 12, 40)):  # non-symmetric matrices for haralick_features on a caller's GLCM
        c = rng.integers(0, 6, size=(levels, levels)) * (rng.random((levels, levels)) < 0.6)
        c[1, :] = 0  # an empty row, so px and py have zeros in different places
        c[1, 0] = 0
        c[0, 1] = 3
        out[f"asym{n}"] = c.astype(np.int32)
        out[f"asym{n}_f"] = haralick_features(c)
        out[f"asym{n}_ignore"] = haralick_features(c, ignore_zeros=True)
        dense = rng.integers(1, 9, size=(levels, levels))  # no empty row, so corrcoef is defined
        out[f"dense{n}"] = dense.astype(np.int32)
        out[f"dense{n}_f14"] = haralick_features(dense, fourteenth=True)
    return out


# ---------------------------------------------------------------- LBP
def mahotas_round(v):
    return np.where(v > 0, np.floor(v + 0.5), np.ceil(v - 0.5)).astype(np.int64)


def min_rotation(code, points):
    best, mask = code, (1 << points) - 1
    for _ in range(points):
        code = ((code >> 1) | ((code & 1) << (points - 1))) & mask
        best = min(best, code)
    return best


def lbp_transform(img, radius, points):
    img = img.astype(np.float64)
    h, w = img.shape
    angles = np.linspace(0, 2 * np.pi, points + 1)[:-1]
    codes = np.zeros((h, w), np.int64)
    for bit, a in enumerate(angles):
        dy, dx = radius * np.sin(a), radius * np.cos(a)
        ys = mahotas_round((np.arange(h) - dy) + 0.5)
        xs = mahotas_round((np.arange(w) - dx) + 0.5)
        yy, xx = np.meshgrid(ys, xs, indexing="ij")
        inside = (yy >= 0) & (yy < h) & (xx >= 0) & (xx < w)
        neighbour = np.where(inside, img[np.clip(yy, 0, h - 1), np.clip(xx, 0, w - 1)], 0.0)
        codes |= (neighbour > img).astype(np.int64) << bit
    table = np.array([min_rotation(c, points) for c in range(1 << points)])
    return table[codes]


def lbp_histogram(img, radius, points, ignore_zeros=False):
    codes = lbp_transform(img, radius, points)
    if ignore_zeros:
        codes = codes[img != 0]
    pivots = [c for c in range(1 << points) if min_rotation(c, points) == c]
    index = {c: n for n, c in enumerate(pivots)}
    hist = np.zeros(len(pivots))
    for c in codes.ravel():
        hist[index[int(c)]] += 1
    return hist


LBP_PARAMS = [(1, 8), (2, 8), (1.5, 6), (3, 12), (1, 4), (2, 4), (2.5, 10)]


def lbp_refs(rng):
    out = {}
    for points in range(1, 33):  # numpy's angles and offsets, so the Java test can check its own sin/cos
        a = np.linspace(0, 2 * np.pi, points + 1)[:-1]
        out[f"sin{points}"], out[f"cos{points}"] = np.sin(a), np.cos(a)
    images = [
        rng.integers(0, 256, size=(1, 9)).astype(np.uint8), rng.integers(0, 256, size=(9, 1)).astype(np.uint8),
        rng.integers(0, 256, size=(5, 7)).astype(np.uint8), rng.integers(0, 4, size=(20, 31)).astype(np.uint8),
        rng.integers(0, 256, size=(32, 32)).astype(np.uint8), rng.integers(0, 70000, size=(11, 13)).astype(np.uint16),
        rng.integers(-50, 50, size=(13, 11)).astype(np.int32), rng.normal(0, 1, size=(17, 15)).astype(np.float64),
        rng.normal(0, 1, size=(15, 17)).astype(np.float32),
    ]
    for n, img in enumerate(images):
        out[f"img{n}"] = img
        for m, (radius, points) in enumerate(LBP_PARAMS):
            out[f"img{n}_p{m}_transform"] = lbp_transform(img, radius, points).astype(np.int32)
            out[f"img{n}_p{m}_hist"] = lbp_histogram(img, radius, points)
            out[f"img{n}_p{m}_histnz"] = lbp_histogram(img, radius, points, ignore_zeros=True)
    out["params"] = np.array(LBP_PARAMS, dtype=np.float64)
    # more points than Lbp tabulates (16), on one image
    out["p18_transform"] = lbp_transform(images[4], 2.0, 18).astype(np.int32)
    out["p18_hist"] = lbp_histogram(images[4], 2.0, 18)
    return out


# ---------------------------------------------------------------- Zernike
def zernike(im, radius, degree, centre=None):
    im = im.astype(np.float64)
    y, x = np.mgrid[:im.shape[0], :im.shape[1]].astype(np.float64)
    if centre is None:
        centre = ((y * im).sum() / im.sum(), (x * im).sum() / im.sum())
    yn, xn = (y - centre[0]) / radius, (x - centre[1]) / radius
    d = np.maximum(np.sqrt(xn ** 2 + yn ** 2), 1e-9)
    keep = (d <= 1) & (im > 0)
    p = im[keep] / im[keep].sum()
    d = d[keep]
    a = (xn[keep] + 1j * yn[keep]) / d  # 0 at the centre pixel (D clamped to 1e-9), as in mahotas, not e^{i*theta}
    values = []
    for n in range(degree + 1):
        for l in range(n + 1):
            if (n - l) % 2:
                continue
            r = sum((-1) ** m * math.factorial(n - m)
                    / (math.factorial(m) * math.factorial((n - 2 * m + l) // 2) * math.factorial((n - 2 * m - l) // 2))
                    * d ** (n - 2 * m) for m in range((n - l) // 2 + 1))
            z = (n + 1) / np.pi * np.sum(p * r * np.conj(a ** l if l else np.ones_like(a)))
            values.append(abs(z))
    return np.array(values)


def zernike_refs(rng):
    out = {}
    cases = [  # image, radius, degree, centre or None
        ((np.arange(256) % 14).reshape(16, 16).astype(np.uint8), 8, 12, None),
        ((np.arange(256) % 14).reshape(16, 16).astype(np.uint8), 8, 12, (8.9, 12.4)),
        (rng.integers(0, 256, size=(21, 30)).astype(np.uint8), 10, 8, None),
        (rng.integers(0, 256, size=(21, 30)).astype(np.uint16), 7.5, 6, (10.0, 14.5)),
        (rng.normal(1, 1, size=(25, 19)), 12, 10, None),
        (rng.normal(1, 1, size=(25, 19)).astype(np.float32), 30, 8, (3.0, 4.0)),
        (rng.integers(0, 5, size=(1, 15)).astype(np.int32), 6, 5, None),
        (rng.integers(0, 5, size=(15, 1)).astype(np.int32), 6, 5, None),
    ]
    for n, (im, radius, degree, centre) in enumerate(cases):
        out[f"img{n}"] = im
        out[f"img{n}_args"] = np.array([radius, degree] + ([] if centre is None else list(centre)), np.float64)
        out[f"img{n}_z"] = zernike(im, radius, degree, centre)
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(20261125)
    for name, make in (("haralick", haralick_refs), ("lbp", lbp_refs), ("zernike", zernike_refs)):
        arrays = make(rng)
        arrays["versions"] = np.array([float(v) for v in np.__version__.split(".")[:2]])
        np.savez_compressed(OUT / f"{name}.npz", **arrays)
        print("wrote", OUT / f"{name}.npz", len(arrays), "arrays")


if __name__ == "__main__":
    main()
