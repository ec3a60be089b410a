"""References for jug.vision.render.Render: overlay, label colours and colorize.

Writes vision/src/test/resources/jug/vision/render/render.npz. Label colours come from the standard library's
colorsys.hsv_to_rgb with the hue, saturation and value rule documented on Render.labelColour; the overlay follows
mahotas's definition (each channel is max(grey, 255 * mask)); blending rounds half up, as documented.
"""
import colorsys
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[2] / "vision/src/test/resources/jug/vision/render"
rng = np.random.default_rng(5)
GOLDEN = 0.6180339887498949


def colour(k):
    h = (0.08 + k * GOLDEN) % 1.0
    s = (0.95, 0.6, 0.8)[k % 3]
    v = (1.0, 0.85)[(k // 3) % 2]
    return [round(x * 255) for x in colorsys.hsv_to_rgb(h, s, v)]


def stretch(x):
    v = x.astype(np.float64)
    lo, hi = v.min(), v.max()
    return np.trunc((v - lo) * 255.0 / (hi - lo)).astype(np.uint8) if hi > lo else np.zeros(v.shape, np.uint8)


def outlines(labels):
    edge = np.zeros(labels.shape, bool)
    edge[1:, :] |= labels[1:, :] != labels[:-1, :]
    edge[:-1, :] |= labels[:-1, :] != labels[1:, :]
    edge[:, 1:] |= labels[:, 1:] != labels[:, :-1]
    edge[:, :-1] |= labels[:, :-1] != labels[:, 1:]
    return edge & (labels > 0)


def colorize(labels, grey, opacity, with_outlines):
    table = np.array([[0, 0, 0]] + [colour(k) for k in range(1, labels.max() + 1)], np.float64)
    out = np.repeat(grey.astype(np.float64)[:, :, None], 3, axis=2)
    inside = labels > 0
    alpha = np.where(outlines(labels) & with_outlines, 1.0, opacity)[:, :, None]
    blended = np.floor((1 - alpha) * out + alpha * table[np.maximum(labels, 0)] + 0.5)
    return np.where(inside[:, :, None], blended, out).astype(np.uint8)


def main():
    arrays = {"colours": np.array([colour(k) for k in range(1, 2001)], np.int64)}
    grey = rng.integers(0, 256, (9, 12)).astype(np.uint8)
    masks = [(rng.random(grey.shape) < 0.2).astype(np.uint8) for _ in range(3)]
    arrays["overlay_grey"] = grey
    for name, m in zip("rgb", masks):
        arrays[f"overlay_mask_{name}"] = m
        arrays[f"overlay_{name}"] = np.maximum(grey, 255 * m.astype(np.int64)).astype(np.uint8)
    wide = rng.integers(100, 4000, (9, 12)).astype(np.uint16)
    arrays["overlay_wide"] = wide
    arrays["overlay_wide_r"] = np.maximum(stretch(wide), 255 * masks[0].astype(np.int64)).astype(np.uint8)
    labels = np.zeros((14, 17), np.int32)
    labels[1:6, 2:9] = 1
    labels[3:10, 8:15] = 2
    labels[10:13, 0:4] = 7
    labels[6:14, 12:17] = 300
    labels[0, 16] = -1
    arrays["labels"] = labels
    background = rng.integers(0, 256, labels.shape).astype(np.uint8)
    arrays["labels_grey"] = background
    for opacity, edge in [(0.4, True), (0.4, False), (0.0, True), (1.0, False)]:
        rgb = colorize(labels, background, opacity, edge)
        key = f"colorize_{int(opacity * 10)}_{int(edge)}"
        for b, name in enumerate("rgb"):
            arrays[f"{key}_{name}"] = rgb[:, :, b]
    np.savez_compressed(OUT / "render.npz", **arrays)


if __name__ == "__main__":
    main()
