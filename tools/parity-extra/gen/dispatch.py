"""Runs one manifest case (op + params + inputs) through the reference of reference.py.

Used twice: to check this emulation against every case of ../shared/parity, and to compute
the outputs of the extra cases, so both go through exactly the same call conventions as the
parity README describes for the salkit side.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
from scipy import ndimage as ndi
from scipy.spatial.distance import cdist as scipy_cdist

import reference as ref


def big(x: Any) -> Any:
    """Manifest integers beyond 2^53 are decimal strings."""
    return int(x) if isinstance(x, str) else x


def compute(op: str, params: dict, inputs: dict[str, Any], arithmetic: str = "numpy") -> Any:
    """Reference output (an array, or a dict of arrays for rng.sequence)."""
    p = params
    a = inputs
    if op == "rng.random":
        return ref.rng_random(big(p["seed"]), p["size"])
    if op == "rng.integers":
        return ref.rng_integers(big(p["seed"]), big(p["low"]), big(p["high"]), p["size"])
    if op == "rng.sequence":
        random, shifts = ref.rng_sequence(big(p["seed"]), p["n"], p["s"], p["cellH"], p["cellW"])
        return {"random": random, "shifts": shifts}
    if op == "resize":
        assert p["order"] == 1 and p["mode"] == "reflect" and p["antiAliasing"] is False
        return ref.sk_resize(a["image"], p["outputShape"])
    if op == "gaussianFilter":
        assert p["mode"] == "reflect"
        return ndi.gaussian_filter(a["image"], sigma=tuple(p["sigma"]), truncate=p["truncate"], mode="reflect")
    if op == "ellipse":
        return ref.ellipse_image(p["r"], p["c"], p["rRadius"], p["cRadius"], p["shape"])
    if op == "maxabsScale":
        return ref.maxabs_scale_rows(a["X"])
    if op == "RISEGrid.perturb":
        return ref.rise_perturb(a["refImage"], p["n"], p["s"], p["p1"], big(p["seed"]))
    if op == "SlidingWindow.perturb":
        return ref.sliding_window_perturb(a["refImage"], p["windowSize"], p["stride"])
    if op == "SlidingRadial.perturb":
        return ref.sliding_radial_perturb(a["refImage"], p["radius"], p["stride"], p.get("sigma"))
    if op == "weightRegionsByScalar":
        return ref.weight_regions_by_scalar(a["scalars"], a["masks"], p["invMasks"], p["normalize"])
    if op == "OcclusionScoring.generate":
        return ref.occlusion_scoring(a["imageConf"], a["perturbedConf"], a["masks"])
    if op == "RISEScoring.generate":
        return ref.rise_scoring(a["imageConf"], a["perturbedConf"], a["masks"], p.get("p1", 0.0))
    if op == "SimilarityScoring.generate":
        return ref.similarity_scoring(
            a["queryDescr"], a["refDescr"], a["perturbedDescrs"], a["masks"], p.get("proximityMetric", "euclidean")
        )
    if op == "DRISEScoring.generate":
        assert p.get("proximityMetric", "cosine") == "cosine"
        return ref.drise_scoring(a["refDets"], a["perturbedDets"], a["masks"])
    if op == "DRISEScoring.iou":
        return ref.drise_iou(a["boxA"], a["boxB"])
    if op == "cdist":
        kwargs = dict(p["options"])
        for name in p["arrayOptions"]:
            kwargs[name] = a[name]
        if p["metric"] == "wminkowski":
            return ref.wminkowski_classic(a["XA"], a["XB"], kwargs.get("p", 2), kwargs["w"])
        with np.errstate(all="ignore"):
            return scipy_cdist(a["XA"], a["XB"], p["metric"], **kwargs)
    if op == "occludeImageBatch":
        return ref.occlude_image_batch(a["image"], a["masks"], p["fill"])
    if op == "blackbox.classify":
        return ref.blackbox_conf(a["image"], p["numLabels"])
    stacks: dict[str, Callable[..., np.ndarray]] = {
        "RISEStack.generate": ref.rise_stack,
        "SlidingWindowStack.generate": ref.sliding_window_stack,
        "PerturbationOcclusion.generate": ref.perturbation_occlusion_stack,
    }
    if op in stacks:
        params = dict(p)
        if op == "RISEStack.generate":
            params["seed"] = big(params["seed"])
        return stacks[op](a["refImage"], params, p.get("fill"), arithmetic)
    raise KeyError(f"unknown op {op}")
