"""Segmentation references: exact Euclidean distance transform and generalised Voronoi (scipy.ndimage), and
seeded watershed from a direct Python implementation of mahotas's cwatershed algorithm (mahotas.md section 3.10),
which scipy has no equivalent of.

Writes vision/src/test/resources/jug/vision/segment/segment.npz:
  d_<name>            binary image (uint8 0/1; foreground = nonzero)
  d_<name>_edt        scipy.ndimage.distance_transform_edt(d_<name>)
  d_<name>_sq         the exact squared distance, from the feature transform's indices (int64)
  v_<name>            label image (int32), v_<name>_out = labels[distance_transform_edt(labels == 0, return_indices)]
  w_<k>_surface/_markers/_se  watershed inputs; w_<k>_labels, w_<k>_lines  outputs of `cwatershed` below
  wh_markers/_labels/_lines   the same on ((r*7919 + c*104729) % 1000003) / 1000003.0, 260x265, cross
"""
import heapq
import pathlib
import numpy as np
import scipy
from scipy import ndimage as ndi

out = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/segment/segment.npz"
rng = np.random.default_rng(31337)
arrays = {"version_numpy": np.array([int(x) for x in np.__version__.split(".")[:3]]),
          "version_scipy": np.array([int(x) for x in scipy.__version__.split(".")[:3]])}


def brute_sq(bw):
    bg = np.argwhere(bw == 0)
    res = np.zeros(bw.shape, np.int64)
    for (r, c), v in np.ndenumerate(bw):
        if v:
            res[r, c] = ((bg - (r, c)) ** 2).sum(1).min()
    return res


# Distance transform.
def blobs(h, w, sigma, level):
    f = ndi.gaussian_filter(rng.standard_normal((h, w)), sigma)
    return (f > level * f.std()).astype(np.uint8)


dist = {
    "row": (rng.random((1, 41)) < 0.8).astype(np.uint8),
    "column": (rng.random((37, 1)) < 0.8).astype(np.uint8),
    "odd": (rng.random((13, 17)) < 0.85).astype(np.uint8),
    "sparse": (rng.random((48, 61)) < 0.97).astype(np.uint8),   # few background pixels: long distances
    "half": (rng.random((40, 50)) < 0.5).astype(np.uint8),
    "blobs": blobs(64, 77, 3.0, -0.3),
    "point": np.ones((31, 29), np.uint8),
    "corners": np.ones((20, 33), np.uint8),
    "grid": np.ones((30, 30), np.uint8),
}
dist["point"][15, 9] = 0
dist["corners"][0, 0] = dist["corners"][-1, -1] = 0
dist["grid"][::6, ::6] = 0   # evenly spaced background: many ties
for name, bw in dist.items():
    edt, ind = ndi.distance_transform_edt(bw, return_indices=True)
    sq = ((ind - np.indices(bw.shape)) ** 2).sum(0).astype(np.int64)
    assert np.array_equal(sq, brute_sq(bw)), name
    assert np.array_equal(np.sqrt(sq.astype(np.float64)), edt), name
    arrays[f"d_{name}"] = bw
    arrays[f"d_{name}_edt"] = edt
    arrays[f"d_{name}_sq"] = sq


# Generalised Voronoi: labels of the nearest labelled pixel, with scipy's tie-breaking.
def gvoronoi(labels):
    idx = ndi.distance_transform_edt(labels == 0, return_distances=False, return_indices=True)
    return labels[tuple(idx)]


vor = {}
for k in range(3):
    lab = np.zeros((64, 64), np.int32)
    for p in range(16):
        lab[rng.integers(64), rng.integers(64)] = p + 1
    vor[f"random{k}"] = lab
g = np.zeros((33, 45), np.int32)
g[::8, ::8] = np.arange(1, g[::8, ::8].size + 1).reshape(g[::8, ::8].shape)   # a lattice: ties everywhere
vor["lattice"] = g
d = np.zeros((9, 9), np.int32)
d[0, 0], d[8, 8], d[0, 8], d[8, 0], d[4, 4] = 1, 2, 3, 4, 5
vor["symmetric"] = d
vor["blobs"] = ndi.label(blobs(50, 70, 2.0, 1.2))[0].astype(np.int32)
vor["row"] = np.where(rng.random((1, 40)) < 0.1, rng.integers(1, 9, (1, 40)), 0).astype(np.int32)
vor["column"] = np.where(rng.random((40, 1)) < 0.1, rng.integers(1, 9, (40, 1)), 0).astype(np.int32)
for name, lab in vor.items():
    arrays[f"v_{name}"] = lab
    arrays[f"v_{name}_out"] = gvoronoi(lab).astype(np.int32)


# Seeded watershed, mahotas semantics: markers queued in raster order with their own surface value; pop the
# smallest (value, insertion number); a popped pixel labels and queues each unreached in-image neighbour with the
# neighbour's own value; a queued neighbour of another label is marked as a line.
def cwatershed(surface, markers, se):
    h, w = surface.shape
    ch, cw = se.shape[0] // 2, se.shape[1] // 2
    offs = [(i - ch, j - cw) for i in range(se.shape[0]) for j in range(se.shape[1])
            if se[i, j] and (i - ch, j - cw) != (0, 0)]
    lab = np.zeros((h, w), np.int32)
    lines = np.zeros((h, w), np.uint8)
    state = np.zeros((h, w), np.int8)   # 0 unreached, 1 queued, 2 done
    queue, n = [], 0
    for r in range(h):
        for c in range(w):
            if markers[r, c]:
                heapq.heappush(queue, (surface[r, c].item(), n, r, c))
                n += 1
                lab[r, c] = markers[r, c]
                state[r, c] = 1
    while queue:
        _, _, r, c = heapq.heappop(queue)
        state[r, c] = 2
        for dr, dc in offs:
            y, x = r + dr, c + dc
            if 0 <= y < h and 0 <= x < w:
                if state[y, x] == 0:
                    lab[y, x] = lab[r, c]
                    state[y, x] = 1
                    heapq.heappush(queue, (surface[y, x].item(), n, y, x))
                    n += 1
                elif state[y, x] == 1 and lab[y, x] != lab[r, c]:
                    lines[y, x] = 1
    return lab, lines


CROSS = np.array([[0, 1, 0], [1, 1, 1], [0, 1, 0]], np.int32)
SQUARE = np.ones((3, 3), np.int32)
cases = []


def markers_for(shape, count):
    m = np.zeros(shape, np.int32)
    flat = rng.choice(m.size, size=min(count, m.size), replace=False)
    m.flat[flat] = rng.permutation(np.arange(1, flat.size + 1))
    return m


smooth = ndi.gaussian_filter(rng.random((40, 47)), 2.0)
smooth = (smooth - smooth.min()) / (smooth.max() - smooth.min())
cases.append(((smooth * 255).round().astype(np.uint8), markers_for(smooth.shape, 12), CROSS))
cases.append(((smooth * 255).round().astype(np.uint8), markers_for(smooth.shape, 12), SQUARE))
cases.append((rng.integers(0, 4, (29, 33)).astype(np.uint8), markers_for((29, 33), 9), CROSS))   # many ties
cases.append(((smooth * 60000).round().astype(np.uint16), markers_for(smooth.shape, 20), SQUARE))
cases.append((rng.integers(-10**9, 10**9, (23, 31)).astype(np.int32), markers_for((23, 31), 7), CROSS))
cases.append((rng.integers(-5, 6, (23, 31)).astype(np.int32), markers_for((23, 31), 7), SQUARE))
cases.append(((smooth * 3).astype(np.float32), markers_for(smooth.shape, 15), CROSS))
cases.append((smooth - 0.5, markers_for(smooth.shape, 15), SQUARE))
cases.append((rng.random((1, 50)), markers_for((1, 50), 4), CROSS))
cases.append((rng.integers(0, 256, (50, 1)).astype(np.uint8), markers_for((50, 1), 4), SQUARE))
cases.append((rng.integers(0, 256, (17, 19)).astype(np.uint8), markers_for((17, 19), 5),
              np.array([[0, 0, 1, 0, 0], [0, 1, 1, 1, 0], [1, 1, 1, 1, 1], [0, 1, 1, 1, 0], [0, 0, 1, 0, 0]], np.int32)))
# Large enough that single levels hold thousands of queued pixels (the Java bucket queue's chunk boundaries).
big = ndi.gaussian_filter(rng.random((150, 170)), 4.0)
big = (big - big.min()) / (big.max() - big.min())
cases.append(((big * 3.99).astype(np.uint8), markers_for(big.shape, 40), CROSS))
cases.append(((big * 1500).astype(np.uint16), markers_for(big.shape, 60), SQUARE))
# Whole regions as markers (labelled blobs, as in nucleus segmentation), so that most marker pixels have only
# marker neighbours.
blob_markers = ndi.label(blobs(60, 70, 2.0, 0.8))[0].astype(np.int32)
noisy = (ndi.gaussian_filter(rng.random((60, 70)), 1.0) * 255).astype(np.uint8)
cases.append((255 - noisy, blob_markers, CROSS))
cases.append((255 - noisy, blob_markers, SQUARE))
arrays["n_watershed"] = np.array(len(cases))
for k, (surface, markers, se) in enumerate(cases):
    lab, lines = cwatershed(surface, markers, se)
    arrays[f"w_{k}_surface"] = surface
    arrays[f"w_{k}_markers"] = markers
    arrays[f"w_{k}_se"] = se
    arrays[f"w_{k}_labels"] = lab
    arrays[f"w_{k}_lines"] = lines

# More distinct values than the Java bucket queue takes (65,536), so that its binary heap is used. The surface is
# not stored (it would not compress); the test recomputes it exactly: integer arithmetic, one division.
r, c = np.indices((260, 265), dtype=np.int64)
many = ((r * 7919 + c * 104729) % 1000003) / 1000003.0
assert len(np.unique(many)) > 65536
many_markers = markers_for(many.shape, 50)
lab, lines = cwatershed(many, many_markers, CROSS)
arrays["wh_markers"] = many_markers
arrays["wh_labels"] = lab
arrays["wh_lines"] = lines

out.parent.mkdir(parents=True, exist_ok=True)
np.savez_compressed(out, **arrays)
print("wrote", out, out.stat().st_size, "bytes")
