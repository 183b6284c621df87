"""Case writing machinery shared by generate.py and cases.py."""

from __future__ import annotations

import hashlib
import io
import json
import math
import shutil

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import scipy

HERE = Path(__file__).resolve().parent
PKG = HERE.parent


def require_reference_versions() -> None:
    if not np.__version__.startswith("1.24.") or not scipy.__version__.startswith("1.10."):
        raise SystemExit(f"needs numpy 1.24 and scipy 1.10, found numpy {np.__version__}, scipy {scipy.__version__}")


# Cases whose reference output salkit does not reproduce (as of the commit that added them),
# with the reason. They are written to ../cases-failing instead of ../cases so that the committed
# test suite stays green; ../cases-failing/README.md explains each one.
_NAN = (
    "numpy propagates the NaN distance (np.clip / max keep NaN, (1-m)*NaN = NaN), so the reference map is all NaN; "
    "salkit deliberately drops NaN scalars (weight 0) and returns finite maps."
)
_BOOL_XA = (
    "scipy 1.10 picks the input type from XA's dtype: XA bool -> XB is converted to bool too (0.5 -> true); "
    "salkit's cdist reads both inputs as float64 independently."
)
FAILING: dict[str, str] = {
    "SimilarityScoring-x-cosine-zero-perturbed-descr": _NAN,
    "DRISEScoring-x5-zero-class-vector": _NAN,
    "cdist-x-hamming-boolA-floatB": _BOOL_XA,
    "cdist-x-jaccard-boolA-floatB": _BOOL_XA,
}

# Tolerances of the parity README's table.
EXACT = (0.0, 0.0)
F64 = (1e-7, 1e-9)
F32 = (1e-5, 1e-6)
BLACKBOX = (1e-9, 1e-12)

TWO53 = 2**53


def jsonable_int(x: int) -> int | str:
    """Integers beyond 2^53 go into the manifest as decimal strings (the parity convention for seeds)."""
    return str(x) if abs(x) >= TWO53 else x


class CaseSet:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cases: list[dict] = []
        self.by_hash: dict[str, str] = {}
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)

    def save(self, name: str, arr: np.ndarray) -> str:
        arr = np.ascontiguousarray(arr)
        buf = io.BytesIO()
        np.save(buf, arr, allow_pickle=False)
        data = buf.getvalue()
        key = hashlib.sha256(data).hexdigest()
        if key in self.by_hash:
            return self.by_hash[key]
        (self.folder / name).write_bytes(data)
        self.by_hash[key] = name
        return name

    def write_manifest(self, extra: dict) -> None:
        manifest = {**extra, "cases": self.cases}
        text = json.dumps(manifest, indent=1, allow_nan=False)
        (self.folder / "manifest.json").write_text(text + "\n")


class Generator:
    def __init__(self) -> None:
        import dispatch  # noqa: PLC0415 (after the version check)

        self.dispatch = dispatch
        self.passing = CaseSet(PKG / "cases")
        self.failing = CaseSet(PKG / "cases-failing")
        self.ids: set[str] = set()

    def add(
        self,
        op: str,
        cid: str,
        params: dict,
        inputs: dict[str, Any],
        tol: tuple[float, float],
        note: str,
        stack_float32_masks: bool = False,
    ) -> None:
        if cid in self.ids:
            raise ValueError(f"duplicate id {cid}")
        self.ids.add(cid)
        target = self.failing if cid in FAILING else self.passing
        arrays = {k: v for k, v in inputs.items() if isinstance(v, np.ndarray)}
        manifest_inputs = {
            k: (target.save(f"{cid}__{k}.npy", v) if isinstance(v, np.ndarray) else v) for k, v in inputs.items()
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = self.dispatch.compute(op, params, arrays)
        rtol, atol = tol
        if stack_float32_masks:
            atol, note = self.stack_atol(op, params, arrays, result, note)
        case: dict[str, Any] = {"id": cid, "op": op, "params": params, "inputs": manifest_inputs}
        if isinstance(result, dict):
            case["outputs"] = {k: target.save(f"{cid}__out_{k}.npy", v) for k, v in result.items()}
        else:
            case["output"] = target.save(f"{cid}__out.npy", np.asarray(result))
        case.update({"rtol": rtol, "atol": atol, "note": note})
        if cid in FAILING:
            case["failure"] = FAILING[cid]
        target.cases.append(case)

    def stack_atol(self, op, params, arrays, result, note) -> tuple[float, str]:
        """As ../shared/parity does for stacks with float32 masks: atol ~ 4x the largest move
        caused by doing the occlusion in exact float64 or all in float32 instead of numpy's
        mixed arithmetic (at least 1e-6)."""
        moves = []
        for arithmetic in ("float64", "float32"):
            other = self.dispatch.compute(op, params, arrays, arithmetic)
            moves.append(float(np.max(np.abs(other - result))))
        move = max(moves)
        atol = max(1e-6, ceil2(4 * move))
        return atol, (
            f"{note} Occluded images use numpy's mixed float32/float64 arithmetic (truncated to uint8); "
            f"doing it in exact float64 moves this map by up to {moves[0]:.2g}, all in float32 by up to "
            f"{moves[1]:.2g}, hence atol={atol:.2g}."
        )


def ceil2(x: float) -> float:
    """Rounds up to two significant digits."""
    if x <= 0:
        return 0.0
    e = math.floor(math.log10(x)) - 1
    return float(f"{math.ceil(x / 10**e) * 10**e:.2g}")


