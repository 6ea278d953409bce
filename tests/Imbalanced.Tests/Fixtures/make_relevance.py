"""Writes relevance.json: the box-plot relevance function of imbalanced regression on a few target vectors.

Run with /usr/bin/python3 (numpy, scipy). Independent of the C# code: control points follow R's boxplot.stats
(fivenum hinges, adjacent values within 1.5 IQR) and UBL's phi.control(method = "extremes"), whose slopes are 0;
the interpolant is scipy.interpolate.CubicHermiteSpline with those slopes (the Hermite cubic UBL's pchip.c
evaluates; Fritsch-Carlson leaves zero slopes unchanged), constant beyond the end points.
"""
import json
import numpy as np
from scipy.interpolate import CubicHermiteSpline


def fivenum(x):
    x = np.sort(np.asarray(x, dtype=float))
    n = len(x)
    n4 = np.floor((n + 3) / 2) / 2
    d = np.array([1, n4, (n + 1) / 2, n + 1 - n4, n])
    return 0.5 * (x[np.floor(d).astype(int) - 1] + x[np.ceil(d).astype(int) - 1])


def control_points(y, coef=1.5):
    s = fivenum(y)
    iqr = s[3] - s[1]
    inside = y[(y >= s[1] - coef * iqr) & (y <= s[3] + coef * iqr)]
    lo_adj, hi_adj = inside.min(), inside.max()
    pts = []
    # Where an adjacent value equals the median (hinge spread 0), UBL's points would coincide (undefined); the
    # nearest outlier takes relevance 1 instead, as the library documents.
    if y.min() < lo_adj:
        pts.append([lo_adj if lo_adj < s[2] else y[y < lo_adj].max(), 1.0])
    else:
        pts.append([y.min(), 0.0])
    if s[2] != y.min():
        pts.append([s[2], 0.0])
    if y.max() > hi_adj:
        pts.append([hi_adj if hi_adj > s[2] else y[y > hi_adj].min(), 1.0])
    elif s[2] != y.max():
        pts.append([y.max(), 0.0])
    return s, lo_adj, hi_adj, [[float(a), float(b)] for a, b in pts]


def relevance(pts, values):
    x = np.array([p[0] for p in pts])
    r = np.array([p[1] for p in pts])
    spline = CubicHermiteSpline(x, r, np.zeros(len(x)))
    out = spline(np.clip(values, x[0], x[-1]))
    return np.clip(out, 0, 1)


rng = np.random.default_rng(17)
cases = {
    "lognormal_high": np.round(rng.lognormal(3, 0.8, 61), 3),
    "both_tails": np.round(np.concatenate([rng.normal(50, 5, 80), [5, 8, 12, 95, 99, 120, 150]]), 2),
    "low_tail": np.round(np.concatenate([rng.normal(100, 3, 40), [60, 61, 70]]), 2),
    "median_is_min": np.array([0.0] * 30 + [1, 2, 3, 4, 5, 40, 41.5]),
    "even_count": np.array([3.0, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 32, 38, 46, 26, 43]),
}
result = []
for name, y in cases.items():
    s, lo, hi, pts = control_points(y)
    grid = np.linspace(y.min() - 1, y.max() + 1, 41)
    result.append({
        "name": name,
        "target": y.tolist(),
        "fivenum": s.tolist(),
        "lower_adjacent": float(lo),
        "upper_adjacent": float(hi),
        "control_points": pts,
        "relevance_of_target": relevance(pts, y).tolist(),
        "grid": grid.tolist(),
        "relevance_of_grid": relevance(pts, grid).tolist(),
    })
with open("relevance.json", "w") as f:
    json.dump(result, f, indent=1)
