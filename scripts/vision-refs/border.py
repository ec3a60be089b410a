"""Border-mode reference: how scipy.ndimage extends a 1-D signal in each mode (via numpy.pad equivalents).

scipy 'reflect' = numpy 'symmetric', scipy 'mirror' = numpy 'reflect', 'nearest' = 'edge', 'wrap' = 'wrap'.
Writes vision/src/test/resources/jug/vision/border.npz with one array per (mode, n): the source index read at
positions -pad .. n+pad-1, pad = 2n+3 so that several periods are covered.
"""
import pathlib
import numpy as np

out = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/border.npz"
arrays = {}
for n in (1, 2, 3, 4, 7):
    pad = 2 * n + 3
    src = np.arange(n)
    for scipy_mode, numpy_mode in (("reflect", "symmetric"), ("mirror", "reflect"), ("nearest", "edge"), ("wrap", "wrap")):
        if numpy_mode == "reflect" and n == 1:
            padded = np.zeros(n + 2 * pad, dtype=np.int64)  # numpy cannot mirror a single sample; every index maps to 0
        else:
            padded = np.pad(src, pad, mode=numpy_mode).astype(np.int64)
        arrays[f"{scipy_mode}_{n}"] = padded
np.savez(out, **arrays)
print("wrote", out)
