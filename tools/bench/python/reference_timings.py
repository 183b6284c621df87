"""Times the Python reference of issue 5's operations on this machine, at the JS bench's sizes.

Not run by CI. Uses tools/parity-extra/gen/reference.py (the numpy re-expression of xaitk-saliency
that reproduces every shared parity case) under numpy 1.24 / scipy 1.10, e.g.
    /tmp/pe-venv/bin/python tools/bench/python/reference_timings.py
and prints CPU ms per op (process time, the JS bench's --cpu measure), best and median of runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "parity-extra" / "gen"))
import reference as ref  # noqa: E402


def timed(fn, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return min(times), statistics.median(times)


def main() -> None:
    n, h, w, c, f, props, k = 1000, 224, 224, 10, 128, 20, 85
    image = np.full((h, w, 3), 128, dtype=np.uint8)
    rise = ref.rise_perturb(image, n, 8, 0.5, 0)
    binary = np.random.default_rng(1).random((n, h, w)) < 0.5
    conf = np.random.default_rng(2).random(c)
    pconf = np.random.default_rng(3).random((n, c))
    ref_d = np.random.default_rng(4).random(f)
    query = np.random.default_rng(5).random(f)
    pdesc = np.random.default_rng(6).random((n, f))
    dets = np.random.default_rng(8).random((n, props, k))
    xs = np.sort(np.floor(dets[..., [0, 2]] * w), axis=-1)
    ys = np.sort(np.floor(dets[..., [1, 3]] * h), axis=-1)
    dets[..., 0], dets[..., 2], dets[..., 1], dets[..., 3] = xs[..., 0], xs[..., 1], ys[..., 0], ys[..., 1]
    refdet = np.random.default_rng(7).random((1, k))
    refdet[:, :4] = [20, 30, 150, 170]
    tasks = {
        "RISEGrid n=1000 s=8 perturb": (lambda: ref.rise_perturb(image, n, 8, 0.5, 0), 3),
        "SlidingRadial r=50 stride 20 perturb": (lambda: ref.sliding_radial_perturb(image, (50, 50), (20, 20), None), 10),
        "SlidingRadial r=50 stride 20 sigma 10 perturb": (
            lambda: ref.sliding_radial_perturb(image, (50, 50), (20, 20), (10, 10)),
            3,
        ),
    }
    for label, masks in (("RISE f32", rise), ("0/1 bool", binary)):
        tasks[f"OcclusionScoring C=10, {label}"] = (lambda m=masks: ref.occlusion_scoring(conf, pconf, m), 3)
        tasks[f"RISEScoring C=10 p1=0.5, {label}"] = (lambda m=masks: ref.rise_scoring(conf, pconf, m, 0.5), 3)
        tasks[f"SimilarityScoring F=128 Q=1 euclidean, {label}"] = (
            lambda m=masks: ref.similarity_scoring(query, ref_d, pdesc, m, "euclidean"),
            3,
        )
        tasks[f"DRISEScoring D=1, 20 proposals x 85, {label}"] = (
            lambda m=masks: ref.drise_scoring(refdet, dets, m),
            3,
        )
    conf32, pconf32 = conf.astype(np.float32), pconf.astype(np.float32)
    tasks["OcclusionScoring C=10, RISE f32, float32 scores"] = (lambda: ref.occlusion_scoring(conf32, pconf32, rise), 3)
    tasks["RISEScoring C=10 p1=0.5, RISE f32, float32 scores"] = (lambda: ref.rise_scoring(conf32, pconf32, rise, 0.5), 3)
    print(f"numpy {np.__version__}; CPU ms per op (best / median)")
    for name, (fn, runs) in tasks.items():
        best, med = timed(fn, runs)
        print(f"{name:55s} {best:9.1f} {med:9.1f}")


if __name__ == "__main__":
    main()
