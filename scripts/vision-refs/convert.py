"""References for jug.vision.Convert: type conversions, colour to grey, stretch and binary masks.

Writes vision/src/test/resources/jug/vision/convert/convert.npz. Every output is computed here with plain numpy from
the definitions in the Convert Javadoc (round half to even, saturate, NaN to 0; stretch as (v - lo) * (max - min) /
(hi - lo) + min, then truncation).
"""
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/convert"
rng = np.random.default_rng(20240611)
SHAPES = [(1, 9), (9, 1), (7, 5), (13, 17)]
LIMITS = {"u8": (0, 255), "u16": (0, 65535), "s32": (-2**31, 2**31 - 1)}
NUMPY = {"u8": np.uint8, "u16": np.uint16, "s32": np.int32, "f32": np.float32, "f64": np.float64}


def sample(dtype, shape):
    """Values that exercise rounding ties, saturation at both ends and NaN."""
    if dtype == "u8":
        return rng.integers(0, 256, shape).astype(np.uint8)
    if dtype == "u16":
        return rng.integers(0, 65536, shape).astype(np.uint16)
    if dtype == "s32":
        return rng.integers(-70000, 70000, shape).astype(np.int32)
    v = rng.normal(100, 200, shape) * rng.choice([1, 1, 1000], shape)
    halves = rng.integers(-3, 300, shape) + 0.5
    v = np.where(rng.random(shape) < 0.3, halves, v)
    v.flat[0] = np.nan
    return v.astype(NUMPY[dtype])


def convert(x, target):
    lo, hi = LIMITS[target]
    v = x.astype(np.float64)
    v = np.where(np.isnan(v), 0, np.clip(np.rint(v), lo, hi))
    return v.astype(NUMPY[target])


def stretch(x, lo_out, hi_out, target):
    v = x.astype(np.float64)
    lo, hi = np.nanmin(v), np.nanmax(v)
    ptp = hi - lo
    if ptp > 0:
        v = (v - lo) * float(hi_out - lo_out) / ptp + lo_out
    else:
        v = np.full(v.shape, float(lo_out))
    v = np.where(np.isnan(v), float(lo_out), v)
    if target in ("f32", "f64"):
        return v.astype(NUMPY[target])
    return np.trunc(v).astype(NUMPY[target])


def main():
    arrays = {}
    case = 0
    for dtype in ["u8", "u16", "s32", "f32", "f64"]:
        for shape in SHAPES:
            x = sample(dtype, shape)
            key = f"c{case}"
            arrays[f"{key}_in"] = x
            for target in ["u8", "u16", "s32"]:
                arrays[f"{key}_to{target}"] = convert(x, target)
            arrays[f"{key}_stretch"] = stretch(x, 0, 255, "u8")
            arrays[f"{key}_stretch100"] = stretch(x, 0, 100, "u8")
            arrays[f"{key}_stretch20to40"] = stretch(x, 20, 40, "u8")
            arrays[f"{key}_stretch40to20"] = stretch(x, 40, 20, "u8")
            arrays[f"{key}_stretchu16"] = stretch(x, 1000, 60000, "u16")
            arrays[f"{key}_stretchf64"] = stretch(x, -1, 1, "f64")
            t = float(np.nanmedian(x.astype(np.float64))) + 0.25
            arrays[f"{key}_t"] = np.array([t])
            with np.errstate(invalid="ignore"):
                arrays[f"{key}_above"] = (x.astype(np.float64) > t).astype(np.uint8)
                arrays[f"{key}_below"] = (x.astype(np.float64) < t).astype(np.uint8)
            arrays[f"{key}_nonzero"] = (x != 0).astype(np.uint8)
            case += 1
    for i, dtype in enumerate(["u8", "u16", "f32"]):
        for alpha in (False, True):
            shape = SHAPES[(i + alpha) % len(SHAPES)]
            bands = [sample(dtype, shape) for _ in range(4 if alpha else 3)]
            if dtype == "f32":
                bands = [np.nan_to_num(b) for b in bands]
            key = f"rgb{i}{'a' if alpha else ''}"
            for name, b in zip("rgba", bands):
                arrays[f"{key}_{name}"] = b
            stack = np.stack(bands, axis=2).astype(np.float64)
            arrays[f"{key}_grey"] = np.dot(stack[:, :, :3], np.array([0.30, 0.59, 0.11]))
            arrays[f"{key}_mean"] = stack.mean(axis=2)
            arrays[f"{key}_max"] = np.stack(bands, axis=2).max(axis=2)
    np.savez_compressed(OUT / "convert.npz", **arrays)


if __name__ == "__main__":
    main()
