"""Writes the extra golden cases of @salkit/parity-extra.

    python generate.py            # -> ../cases (passing set) and ../cases-failing (see common.FAILING)

Must run under numpy 1.24 and scipy 1.10 (numpy 2's NEP 50 promotion rules change float32
results): see ../README.md for the virtualenv. Output format and call conventions are those of
../shared/parity (manifest.json + .npy, same op names). Deterministic: running it twice gives
the same files.
"""

from __future__ import annotations

import json
import shutil
import sys

import numpy as np
import scipy

from common import FAILING, HERE, Generator, require_reference_versions


def main() -> int:
    require_reference_versions()
    import cases  # noqa: PLC0415

    gen = Generator()
    cases.build(gen)
    ref = {
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "emulated": "xaitk-saliency 0.15 / scikit-image 0.19 / scikit-learn 1.2 re-expressed in numpy+scipy "
        "(tools/parity-extra/gen/reference.py)",
    }
    shared_fmt = (
        "Same format as ../../../shared/parity: every array a NumPy .npy file (v1 header, C order, little-endian; "
        "bool arrays '|b1'); inputs values are a .npy file name in this folder or an inline JSON value; a case has "
        "'output' or 'outputs'. Integers beyond 2^53 (seeds, and here also rng.integers bounds) are decimal strings: "
        "pass them as BigInt. Pass when |actual - expected| <= atol + rtol*|expected| (NaN matches NaN)."
    )
    blackbox = json.loads((HERE / "blackbox.json").read_text())
    gen.passing.write_manifest({"reference": ref, "format": shared_fmt, "blackbox": blackbox})
    gen.failing.write_manifest(
        {
            "reference": ref,
            "format": shared_fmt,
            "blackbox": blackbox,
            "status": "cases salkit does not reproduce yet; not run by the tests (see README.md)",
        }
    )
    if not gen.failing.cases:
        shutil.rmtree(gen.failing.folder)
    else:
        shutil.copyfile(HERE / "cases-failing.README.md", gen.failing.folder / "README.md")
    unknown = set(FAILING) - gen.ids
    if unknown:
        raise SystemExit(f"FAILING names cases that do not exist: {sorted(unknown)}")
    size = sum(f.stat().st_size for f in gen.passing.folder.iterdir())
    print(f"{len(gen.passing.cases)} cases in cases/ ({size / 1e6:.2f} MB), {len(gen.failing.cases)} in cases-failing/")
    counts: dict[str, int] = {}
    for c in gen.passing.cases:
        counts[c["op"]] = counts.get(c["op"], 0) + 1
    for op, n in counts.items():
        print(f"  {op}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
