"""Morphology references for jug.vision.morph (MorphologyTest and friends), computed with numpy and scipy.ndimage.

Border rule of the Java kernels: pixels outside the image never win. So grey erosion is
grey_erosion(mode='constant', cval=<type max>) and dilation grey_dilation(mode='constant', cval=<type min>) (for
floats +inf / -inf); binary erosion is binary_erosion(border_value=1), dilation binary_dilation(border_value=0).
Openings and closings are composed from those two (scipy's grey_opening passes one cval to both steps, which would
let the border win in one of them). Regional extrema have no scipy function: they are computed here from their
definition with a plain flood fill over plateaus.

Writes vision/src/test/resources/jug/vision/morph/{grey,binary,extrema,masks,conditional}.npz. To keep the files
small, results for all structuring elements of one input are stacked into one array of shape (k, rows, cols), k in
the order of the archive's 'se__<k>__<name>' entries (likewise 'template__<k>__<name>', and window sizes 1, 3, 5, 7
for the majority filter). Inputs are 'in__...'; 'versions' is the numpy/scipy version string as uint8 bytes.
"""
import pathlib
from collections import deque

import numpy as np
import scipy
import scipy.ndimage as ndi

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/morph"
OUT.mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(20240611)

SHAPES = [(1, 1), (1, 17), (13, 1), (7, 9), (16, 23), (5, 40)]
DTYPES = {"u8": np.uint8, "u16": np.uint16, "i32": np.int32, "f32": np.float32, "f64": np.float64}


def disk(radius):
    y, x = np.mgrid[-radius:radius + 1, -radius:radius + 1]
    return (y * y + x * x < radius * radius).astype(np.uint8)


wide = (rng.random((3, 19)) < 0.35).astype(np.uint8)
wide[1, 9] = 1
ELEMENTS = {
    "cross": np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], np.uint8),
    "square": np.ones((3, 3), np.uint8),
    "disk3": disk(3),
    "corner": np.array([[1, 1, 0], [0, 1, 0], [0, 0, 0]], np.uint8),   # asymmetric
    "even": np.array([[0, 1], [1, 1]], np.uint8),                      # even-sized, origin at (1, 1)
    "noorigin": np.array([[1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 0]], np.uint8),  # origin (2, 1) not a member
    "wide": wide,                                                      # shifts up to 9 columns
}
VERSIONS = np.frombuffer(f"numpy {np.__version__}, scipy {scipy.__version__}".encode(), np.uint8)


def put_elements(a, names):
    for k, se_name in enumerate(names):
        a[f"se__{k}__{se_name}"] = ELEMENTS[se_name]


def limits(dtype):
    if np.issubdtype(dtype, np.floating):
        return -np.inf, np.inf
    info = np.iinfo(dtype)
    return info.min, info.max


def grey_image(dtype, shape):
    if np.issubdtype(dtype, np.floating):
        f = (rng.standard_normal(shape) * 100).astype(dtype)
        flat = f.reshape(-1)
        if flat.size > 4:
            flat[rng.integers(flat.size)] = np.inf
            flat[rng.integers(flat.size)] = -np.inf
        return f
    lo, hi = limits(dtype)
    f = rng.integers(lo, hi, size=shape, endpoint=True, dtype=np.int64).astype(dtype)
    flat = f.reshape(-1)
    if flat.size > 4:
        flat[rng.integers(flat.size)] = lo
        flat[rng.integers(flat.size)] = hi
    return f


def erode(f, se):
    return ndi.grey_erosion(f, footprint=se.astype(bool), mode="constant", cval=limits(f.dtype)[1])


def dilate(f, se):
    return ndi.grey_dilation(f, footprint=se.astype(bool), mode="constant", cval=limits(f.dtype)[0])


def name(shape):
    return f"{shape[0]}x{shape[1]}"


def grey():
    a = {"versions": VERSIONS}
    put_elements(a, ELEMENTS)
    ses = list(ELEMENTS.values())
    for dt, dtype in DTYPES.items():
        for shape in SHAPES:
            if shape == (5, 40) and dt != "u8":
                continue  # the width-multiple-of-8 case matters only for packed uint8 rows
            f = grey_image(dtype, shape)
            key = f"{dt}__{name(shape)}"
            a[f"in__{key}"] = f
            a[f"erode__{key}"] = np.stack([erode(f, se) for se in ses])
            a[f"dilate__{key}"] = np.stack([dilate(f, se) for se in ses])
            if shape in ((7, 9), (16, 23)):
                opened = np.stack([dilate(erode(f, se), se) for se in ses])
                closed = np.stack([erode(dilate(f, se), se) for se in ses])
                a[f"open__{key}"] = opened
                a[f"close__{key}"] = closed
                with np.errstate(invalid="ignore", over="ignore"):
                    a[f"whitetophat__{key}"] = f - opened
                    a[f"blacktophat__{key}"] = closed - f
    np.savez_compressed(OUT / "grey.npz", **a)


def random_mask(shape, density):
    values = np.array([1, 7, 255], np.uint8)
    m = (rng.random(shape) < density) * values[rng.integers(0, 3, size=shape)]
    return m.astype(np.uint8)


def binary():
    a = {"versions": VERSIONS}
    put_elements(a, ELEMENTS)
    ses = [se.astype(bool) for se in ELEMENTS.values()]
    for shape in SHAPES:
        for density in (0.3, 0.8):
            m = random_mask(shape, density)
            key = f"d{int(density * 10)}__{name(shape)}"
            a[f"in__{key}"] = m
            e = [ndi.binary_erosion(m, s, border_value=1) for s in ses]
            d = [ndi.binary_dilation(m, s, border_value=0) for s in ses]
            a[f"erode__{key}"] = np.stack(e)
            a[f"dilate__{key}"] = np.stack(d)
            a[f"open__{key}"] = np.stack([ndi.binary_dilation(x, s, border_value=0) for x, s in zip(e, ses)])
            a[f"close__{key}"] = np.stack([ndi.binary_erosion(x, s, border_value=1) for x, s in zip(d, ses)])
    np.savez_compressed(OUT / "binary.npz", **a)


def offsets(se):
    h, w = se.shape
    return [(r - h // 2, c - w // 2) for r in range(h) for c in range(w) if se[r, c]]


def locmax(f, se):
    fp = se.astype(bool).copy()
    fp[se.shape[0] // 2, se.shape[1] // 2] = False
    if not fp.any():
        return np.ones(f.shape, bool)
    g = f.astype(np.float64)
    return g >= ndi.maximum_filter(g, footprint=fp, mode="constant", cval=-np.inf)


def regmax(f, se):
    """Plateaus (connected under the element made symmetric) whose outside neighbours are all smaller."""
    nbrs = {o for o in offsets(se) + [(-r, -c) for r, c in offsets(se)] if o != (0, 0)}
    h, w = f.shape
    out = np.zeros(f.shape, bool)
    seen = np.zeros(f.shape, bool)
    for start in np.ndindex(h, w):
        if seen[start]:
            continue
        v = f[start]
        plateau, queue, is_max = [start], deque([start]), True
        seen[start] = True
        while queue:
            r, c = queue.popleft()
            for dr, dc in nbrs:
                q = (r + dr, c + dc)
                if not (0 <= q[0] < h and 0 <= q[1] < w):
                    continue
                if f[q] == v:
                    if not seen[q]:
                        seen[q] = True
                        plateau.append(q)
                        queue.append(q)
                elif f[q] > v:
                    is_max = False
        if is_max:
            for p in plateau:
                out[p] = True
    return out


def extrema():
    a = {"versions": VERSIONS}
    names = ("cross", "square", "corner", "even", "noorigin")
    put_elements(a, names)
    ses = [ELEMENTS[n] for n in names]
    for dt, dtype in DTYPES.items():
        for shape in [(1, 17), (13, 1), (7, 9), (16, 23)]:
            plateaus = rng.integers(0, 4, size=shape).astype(dtype)
            if np.issubdtype(dtype, np.floating):
                plateaus = (plateaus - 1.5).astype(dtype)
            noisy = grey_image(dtype, shape)
            for kind, f in (("plateaus", plateaus), ("noisy", noisy)):
                key = f"{kind}__{dt}__{name(shape)}"
                a[f"in__{key}"] = f
                neg = -f.astype(np.float64)
                a[f"locmax__{key}"] = np.stack([locmax(f, se) for se in ses])
                a[f"locmin__{key}"] = np.stack([locmax(neg, se) for se in ses])
                a[f"regmax__{key}"] = np.stack([regmax(f.astype(np.float64), se) for se in ses])
                a[f"regmin__{key}"] = np.stack([regmax(neg, se) for se in ses])
    np.savez_compressed(OUT / "extrema.npz", **a)


THIN_TEMPLATES = [
    [[0, 0, 0], [2, 1, 2], [1, 1, 1]], [[2, 0, 0], [1, 1, 0], [1, 1, 2]],
    [[1, 2, 0], [1, 1, 0], [1, 2, 0]], [[1, 1, 2], [1, 1, 0], [2, 0, 0]],
    [[1, 1, 1], [2, 1, 2], [0, 0, 0]], [[2, 1, 1], [0, 1, 1], [0, 0, 2]],
    [[0, 2, 1], [0, 1, 1], [0, 2, 1]], [[0, 0, 2], [0, 1, 1], [2, 1, 1]],
]


def hit_or_miss(m, t):
    t = np.asarray(t)
    return ndi.binary_hit_or_miss(m.astype(bool), structure1=t == 1, structure2=t == 0)


def thin(m, max_iter=-1):
    """mahotas's slow_thin: the eight templates in order, each on the whole image, hits removed, until stable."""
    cur = np.pad(m.astype(bool), 1)
    it = 0
    while it != max_iter:
        before = cur.copy()
        for t in THIN_TEMPLATES:
            cur &= ~hit_or_miss(cur, t)
        it += 1
        if (cur == before).all():
            break
    return cur[1:-1, 1:-1]


def blobs(shape):
    """Thick random shapes: smoothed noise above its median."""
    smooth = ndi.gaussian_filter(rng.random(shape), 1.5)
    return smooth > np.median(smooth)


def masks():
    a = {"versions": VERSIONS}
    fill_names = ("cross", "square", "corner", "even")
    put_elements(a, fill_names)
    templates = {f"thin{k}": np.array(t) for k, t in enumerate(THIN_TEMPLATES)}
    templates["mahotas"] = np.array([[0, 1, 2], [0, 1, 1], [2, 1, 1]])
    templates["even"] = np.array([[1, 0, 2], [2, 1, 1]])
    templates["tall"] = np.array([[0], [1], [1], [2]])
    for k, (t_name, t) in enumerate(templates.items()):
        a[f"template__{k}__{t_name}"] = t
    for shape in SHAPES + [(20, 20)]:
        m = random_mask(shape, 0.55)
        a[f"in__{name(shape)}"] = m
        majority = []
        for n in (1, 3, 5, 7):
            count = ndi.correlate((m != 0).astype(np.int64), np.ones((n, n), np.int64), mode="constant")
            inside = ndi.correlate(np.ones(shape, np.int64), np.ones((n, n), np.int64), mode="constant")
            majority.append(2 * count > inside)
        a[f"majority__{name(shape)}"] = np.stack(majority)
        a[f"hitmiss__{name(shape)}"] = np.stack([hit_or_miss(m, t) for t in templates.values()])
        b = blobs(shape).astype(np.uint8) * 3
        a[f"blobs__{name(shape)}"] = b
        a[f"thin__{name(shape)}"] = thin(b)
        a[f"thin1__{name(shape)}"] = thin(b, 1)
        holes = random_mask(shape, 0.6)  # dense noise: many background pockets, enclosed or not by connectivity
        a[f"holes__{name(shape)}"] = holes
        a[f"fill__{name(shape)}"] = np.stack([ndi.binary_fill_holes(holes, ELEMENTS[n].astype(bool))
                                              for n in fill_names])
    np.savez_compressed(OUT / "masks.npz", **a)


ITERATIONS = (1, 3, 1000)


def clipped_iterations(op, clip, f, g, se, n):
    """Up to n steps of op (erode or dilate) by se from clip(f, g), each clipped to g; stops early once stable."""
    cur = clip(f, g)
    for _ in range(n):
        nxt = clip(op(cur, se), g)
        if np.array_equal(nxt, cur):
            break
        cur = nxt
    return cur


def conditional():
    a = {"versions": VERSIONS}
    names = ("cross", "corner")
    put_elements(a, names)
    for dt in ("u8", "i32", "f32", "f64"):
        dtype = DTYPES[dt]
        shape = (12, 17)
        f, g = grey_image(dtype, shape), grey_image(dtype, shape)
        a[f"image__{dt}"], a[f"bound__{dt}"] = f, g
        eroded, dilated = [], []
        for se_name in names:
            se = ELEMENTS[se_name]
            for n in ITERATIONS:
                eroded.append(clipped_iterations(erode, np.maximum, f, g, se, n))
                dilated.append(clipped_iterations(dilate, np.minimum, f, g, se, n))
        # stacked as (element, iterations) pairs: element-major, iterations in ITERATIONS order
        a[f"cerode__{dt}"] = np.stack(eroded)
        a[f"cdilate__{dt}"] = np.stack(dilated)
    np.savez_compressed(OUT / "conditional.npz", **a)


grey()
binary()
extrema()
masks()
conditional()
for p in sorted(OUT.glob("*.npz")):
    print(p.name, p.stat().st_size)
