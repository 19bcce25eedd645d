"""Writes peaks-oracle.txt: scipy's answers for local maxima, plateau edges, prominences and bases.

Run with Debian's python3-scipy (1.10.1 was used):  /usr/bin/python3 generate_peaks_oracle.py > peaks-oracle.txt
The C# tests read the file and compare HeuristicsBench.Analysis.Peaks with it; no C# code derives from this script.
"""
import numpy as np
from scipy.signal import find_peaks, peak_prominences

rng = np.random.default_rng(20241219)


def cases():
    # Small integer alphabets give many plateaus and ties; floats and long runs cover the rest.
    for _ in range(300):
        n = int(rng.integers(0, 30))
        yield rng.integers(0, 4, size=n).astype(float)
    for _ in range(200):
        n = int(rng.integers(0, 60))
        yield rng.integers(0, 12, size=n).astype(float)
    for _ in range(100):
        n = int(rng.integers(0, 80))
        yield np.round(rng.normal(0, 100, size=n), 3)
    for _ in range(100):
        # lag-like: flat stretches, ramps and drops
        parts = []
        for _ in range(int(rng.integers(1, 8))):
            kind = int(rng.integers(0, 3))
            length = int(rng.integers(1, 12))
            level = float(rng.integers(0, 300))
            if kind == 0:
                parts.append(np.full(length, level))
            elif kind == 1:
                parts.append(level + np.arange(length) * float(rng.integers(1, 40)))
            else:
                parts.append(np.maximum(0, level - np.arange(length) * float(rng.integers(1, 40))))
        yield np.concatenate(parts)


def fmt(v):
    return repr(float(v))


for x in cases():
    peaks, props = find_peaks(x, plateau_size=1)
    prom, lb, rb = peak_prominences(x, peaks) if len(peaks) else ([], [], [])
    threshold = float(rng.choice(prom)) if len(peaks) else 1.0
    selected, _ = find_peaks(x, prominence=threshold)
    print("x " + " ".join(fmt(v) for v in x))
    print("maxima " + " ".join(f"{p}:{l}:{r}" for p, l, r in zip(peaks, props["left_edges"], props["right_edges"])))
    print("prominences " + " ".join(f"{fmt(p)}:{l}:{r}" for p, l, r in zip(prom, lb, rb)))
    print("select " + fmt(threshold) + " " + " ".join(str(p) for p in selected))
