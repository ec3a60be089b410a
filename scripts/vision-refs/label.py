"""Labelling references: scipy.ndimage.label and the measurement functions, plus small numpy references for
relabel, remove_bordering and filter_labeled (mahotas semantics, which scipy lacks).

Writes vision/src/test/resources/jug/vision/label/label.npz. For each binary test image `<name>`:
  <name>                 the image (uint8 0/1)
  <name>_cross, _square  scipy.ndimage.label with the cross / 3x3 ones structure (int32); _n_cross, _n_square counts
Elements other than the cross and square (key `se_<k>` with results `<name>_se<k>`): scipy for symmetric 3x3
structures, a breadth-first search (numbered by first pixel in raster order) for larger or asymmetric ones.
Measurements (`m_*`): for labels `m_labels` (scipy labels of `m_binary`, cross) and values `m_<dtype>`:
sizes, sum_labels, minimum, maximum, center_of_mass over index 0..max, find_objects boxes.
"""
import pathlib
import numpy as np
import scipy
from scipy import ndimage as ndi

out = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/label/label.npz"
rng = np.random.default_rng(20240611)
# Npy reads numbers only, so versions are stored as integer triples.
arrays = {"version_numpy": np.array([int(x) for x in np.__version__.split(".")[:3]]),
          "version_scipy": np.array([int(x) for x in scipy.__version__.split(".")[:3]])}

CROSS = ndi.generate_binary_structure(2, 1)
SQUARE = np.ones((3, 3), bool)


def blobs(h, w, sigma, level):
    f = ndi.gaussian_filter(rng.standard_normal((h, w)), sigma)
    return (f > level * f.std()).astype(np.uint8)


images = {
    "row": (rng.random((1, 37)) < 0.5).astype(np.uint8),
    "column": (rng.random((41, 1)) < 0.5).astype(np.uint8),
    "odd": (rng.random((13, 17)) < 0.45).astype(np.uint8),
    "sparse": (rng.random((64, 80)) < 0.3).astype(np.uint8),
    "half": (rng.random((64, 80)) < 0.5).astype(np.uint8),
    "dense": (rng.random((61, 53)) < 0.62).astype(np.uint8),
    "blobs": blobs(96, 112, 2.5, 0.4),
    "checker": (np.indices((15, 22)).sum(0) % 2).astype(np.uint8),
    "empty": np.zeros((7, 9), np.uint8),
    "full": np.ones((6, 11), np.uint8),
}
# Shapes whose arms only join several rows down, so union-find must merge labels met earlier in the scan.
comb = np.zeros((12, 25), np.uint8)
comb[0:10, 0:25:3] = 1
comb[10, :] = 1
images["comb"] = comb
spiral = np.zeros((21, 21), np.uint8)
r0, r1, c0, c1 = 0, 20, 0, 20
while r0 <= r1 and c0 <= c1:
    spiral[r0, c0:c1 + 1] = 1
    spiral[r0:r1 + 1, c1] = 1
    spiral[r1, c0:c1 + 1] = 1
    if r0 + 2 <= r1:
        spiral[r0 + 2:r1 + 1, c0] = 1
    r0, r1, c0, c1 = r0 + 2, r1 - 2, c0 + 2, c1 - 2
    if r0 <= r1:
        spiral[r0, c0 - 1] = 1
images["spiral"] = spiral
diag = np.zeros((9, 9), np.uint8)
for k in range(9):
    diag[k, k] = 1
    diag[k, 8 - k] = 1
images["diagonals"] = diag

for name, img in images.items():
    arrays[name] = img
    for sname, s in (("cross", CROSS), ("square", SQUARE)):
        lab, n = ndi.label(img, structure=s)
        arrays[f"{name}_{sname}"] = lab.astype(np.int32)
        arrays[f"{name}_n_{sname}"] = np.array(n)


def bfs_label(img, se):
    """Components of nonzero pixels; p and p+o joined when o or -o is a non-origin member; outside ignored."""
    h, w = img.shape
    ch, cw = se.shape[0] // 2, se.shape[1] // 2
    offs = set()
    for i in range(se.shape[0]):
        for j in range(se.shape[1]):
            if se[i, j] and (i - ch, j - cw) != (0, 0):
                offs.add((i - ch, j - cw))
                offs.add((ch - i, cw - j))
    lab = np.zeros((h, w), np.int32)
    n = 0
    for r in range(h):
        for c in range(w):
            if img[r, c] and not lab[r, c]:
                n += 1
                lab[r, c] = n
                stack = [(r, c)]
                while stack:
                    y, x = stack.pop()
                    for dy, dx in offs:
                        yy, xx = y + dy, x + dx
                        if 0 <= yy < h and 0 <= xx < w and img[yy, xx] and not lab[yy, xx]:
                            lab[yy, xx] = n
                            stack.append((yy, xx))
    return lab, n


elements = [
    np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]]),          # one diagonal: symmetric, scipy can do it
    np.array([[0, 0, 0], [1, 1, 1], [0, 0, 0]]),          # rows only
    np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]]),          # corners only
    np.array([[1, 1, 0], [1, 1, 0], [0, 0, 0]]),          # asymmetric: BFS on its symmetric closure
    np.array([[0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [1, 0, 1, 0, 1], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0]]),  # jumps of 2
    np.array([[0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0]]),  # 5x5 disk
]
arrays["n_elements"] = np.array(len(elements))
for k, se in enumerate(elements):
    arrays[f"se_{k}"] = se.astype(np.int32)
    symmetric = se.shape == (3, 3) and np.array_equal(se, se[::-1, ::-1])
    for name in ("odd", "sparse", "blobs", "checker", "comb", "spiral", "diagonals", "row", "column"):
        img = images[name]
        if symmetric:
            lab, n = ndi.label(img, structure=se)
            ref, rn = bfs_label(img, se)
            assert n == rn and np.array_equal(lab, ref), (k, name)
        else:
            lab, n = bfs_label(img, se)
        arrays[f"{name}_se{k}"] = lab.astype(np.int32)
        arrays[f"{name}_n_se{k}"] = np.array(n)

# Measurements over one labelling, for every dtype.
mbin = blobs(57, 71, 2.0, 0.3)
mlab, mn = ndi.label(mbin)
idx = np.arange(mn + 1)
arrays["m_binary"] = mbin
arrays["m_labels"] = mlab.astype(np.int32)
arrays["m_sizes"] = np.bincount(mlab.ravel(), minlength=mn + 1).astype(np.int64)
boxes = np.zeros((mn + 1, 4), np.int64)
for i in range(mn + 1):
    rr, cc = np.nonzero(mlab == i)
    if rr.size:
        boxes[i] = [rr.min(), rr.max() + 1, cc.min(), cc.max() + 1]
for i, sl in enumerate(ndi.find_objects(mlab), start=1):
    assert boxes[i].tolist() == [sl[0].start, sl[0].stop, sl[1].start, sl[1].stop]
arrays["m_boxes"] = boxes
values = {
    "u8": rng.integers(0, 256, mlab.shape).astype(np.uint8),
    "u16": rng.integers(0, 65536, mlab.shape).astype(np.uint16),
    "s32": rng.integers(-2**31, 2**31, mlab.shape, dtype=np.int64).astype(np.int32),
    "f32": (rng.standard_normal(mlab.shape) * 100).astype(np.float32),
    "f64": rng.standard_normal(mlab.shape) * 1e3 - 500,
}
for name, v in values.items():
    arrays[f"m_{name}"] = v
    arrays[f"m_{name}_sum"] = np.asarray(ndi.sum_labels(v.astype(np.float64), mlab, idx), np.float64)
    arrays[f"m_{name}_min"] = np.asarray(ndi.minimum(v, mlab, idx), np.float64)
    arrays[f"m_{name}_max"] = np.asarray(ndi.maximum(v, mlab, idx), np.float64)
    com = np.array(ndi.center_of_mass(v.astype(np.float64), mlab, idx), np.float64)
    arrays[f"m_{name}_com"] = com
    arrays[f"m_{name}_com_all"] = np.array(ndi.center_of_mass(v.astype(np.float64)), np.float64)
# Exact int32 sums (scipy's float64 sums round once they pass 2**53).
arrays["m_s32_sum_exact"] = np.array([int(values["s32"][mlab == i].astype(np.int64).sum()) for i in idx], np.int64)


# relabel / remove_bordering / filter_labeled on a label image with scattered values.
def relabel(a):
    out = np.zeros_like(a)
    seen = {}
    for i, v in enumerate(a.ravel()):
        if v != 0:
            out.flat[i] = seen.setdefault(v, len(seen) + 1)
    return out, len(seen)


def remove_bordering(a, margin):
    bad = set()
    if margin > 0:
        for part in (a[:margin], a[-margin:], a[:, :margin], a[:, -margin:]):
            bad |= set(np.unique(part).tolist())
    bad.discard(0)
    return np.where(np.isin(a, list(bad)), 0, a)


def filter_labeled(a, min_size, max_size, bordering):
    if bordering:
        a = remove_bordering(a, 1)
    a, n = relabel(a)
    sizes = np.bincount(a.ravel(), minlength=n + 1)
    keep = (sizes >= min_size) & (sizes <= max_size)
    keep[0] = True
    a = np.where(keep[a], a, 0)
    return relabel(a)


perm = rng.permutation(mn + 1)
perm[perm == 0] = perm[0]
perm[0] = 0
p = perm[mlab]
lab = np.where(p % 2 == 1, -7 * p, 7 * p + 2).astype(np.int32)  # scattered values, some negative
lab[mlab == 0] = 0
arrays["r_labels"] = lab
r, n = relabel(lab)
arrays["r_relabel"] = r.astype(np.int32)
arrays["r_n"] = np.array(n)
for margin in (0, 1, 3):
    arrays[f"r_bordering_{margin}"] = remove_bordering(lab, margin).astype(np.int32)
for k, (lo, hi, b) in enumerate(((0, 2**31 - 1, True), (10, 2**31 - 1, False), (5, 40, False), (8, 60, True))):
    f, fn = filter_labeled(lab, lo, hi, b)
    arrays[f"r_filter_{k}"] = f.astype(np.int32)
    arrays[f"r_filter_{k}_n"] = np.array(fn)
    arrays[f"r_filter_{k}_args"] = np.array([lo, hi, int(b)], np.int64)
removed = [int(v) for v in np.unique(lab)[1::3]]
arrays["r_removed"] = np.array(removed, np.int32)
arrays["r_remove_regions"] = np.where(np.isin(lab, removed), 0, lab).astype(np.int32)

out.parent.mkdir(parents=True, exist_ok=True)
np.savez_compressed(out, **arrays)
print("wrote", out, out.stat().st_size, "bytes")
