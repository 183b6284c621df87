"""Replays every case of ../shared/parity through reference.py and reports any difference.

    python check_shared.py [PARITY_DIR]

Exit status 0 when every output is reproduced (bit for bit unless noted). This is the test of
the emulation itself: an extra case is only as good as the code that computed it.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

import numpy as np

import dispatch
from common import require_reference_versions


def load_inputs(folder: Path, inputs: dict) -> dict:
    out = {}
    for k, v in inputs.items():
        out[k] = np.load(folder / v) if isinstance(v, str) and v.endswith(".npy") else v
    return out


def compare(got: np.ndarray, want: np.ndarray) -> tuple[bool, str]:
    got = np.asarray(got)
    if got.shape != want.shape:
        return False, f"shape {got.shape} != {want.shape}"
    if got.dtype != want.dtype:
        dtype_note = f" (dtype {got.dtype} vs {want.dtype})"
    else:
        dtype_note = ""
    g = got.astype(np.float64)
    w = want.astype(np.float64)
    same = (g == w) | (np.isnan(g) & np.isnan(w))
    if same.all():
        return dtype_note == "", "bit-identical" + dtype_note
    diff = np.abs(g - w)
    diff[same] = 0
    return False, f"{int((~same).sum())} values differ, max |diff| {np.nanmax(diff):.3g}{dtype_note}"


def main() -> int:
    require_reference_versions()
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[4] / "shared" / "parity")
    manifest = json.loads((folder / "manifest.json").read_text())
    bad = 0
    warnings.simplefilter("ignore")
    for case in manifest["cases"]:
        got = dispatch.compute(case["op"], case["params"], load_inputs(folder, case["inputs"]))
        if "outputs" in case:
            results = [compare(got[k], np.load(folder / f)) for k, f in case["outputs"].items()]
        else:
            results = [compare(got, np.load(folder / case["output"]))]
        ok = all(r[0] for r in results)
        bad += not ok
        if not ok:
            print(f"DIFF {case['id']}: {'; '.join(r[1] for r in results)}")
    print(f"{len(manifest['cases']) - bad} of {len(manifest['cases'])} shared cases reproduced exactly")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
