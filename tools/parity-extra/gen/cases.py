"""The extra cases: parameters and inputs chosen to differ from ../shared/parity (other seeds,
sizes, dtypes and edge cases). Outputs are computed by dispatch.compute."""

from __future__ import annotations

import numpy as np

from common import BLACKBOX, EXACT, F32, F64, Generator, jsonable_int

DATA = np.random.default_rng(20240611)  # input data only; the ops' own seeds are in params


def u8(shape) -> np.ndarray:
    return DATA.integers(0, 256, size=tuple(shape), dtype=np.uint8)


def quarter(shape, dtype) -> np.ndarray:
    return (DATA.integers(0, 5, size=tuple(shape)) / 4).astype(dtype)


def soft(shape, dtype) -> np.ndarray:
    return DATA.random(tuple(shape)).astype(dtype)


def bool_masks(shape, p=0.5) -> np.ndarray:
    return DATA.random(tuple(shape)) < p


def sh(shape) -> str:
    return "x".join(str(d) for d in shape)


# ---------------------------------------------------------------------------------------------


def rng_cases(g: Generator) -> None:
    note_r = "defaultRng(seed).random(size), bit-identical to numpy 1.24 PCG64. Seeds >= 2^53 are decimal strings -> BigInt."
    for seed, size in [
        (1, [1]),
        (2, [3, 0]),
        (4294967295, [6]),
        (4294967296, [5]),
        (2**53 - 1, [2, 2]),
        (2**53 + 1, [4]),
        (2**64 - 1, [3, 2]),
        (2**64, [2]),
        (2**64 + 7, [5]),
        (2**96 + 5, [3]),
        (2**128 + 3, [2, 1, 3]),
        (123456789, [2, 3, 4]),
        (31337, [25, 40]),
    ]:
        g.add("rng.random", f"rng.random-s{seed}-{sh(size)}", {"seed": jsonable_int(seed), "size": size}, {}, EXACT, note_r)

    note_i = (
        "defaultRng(seed).integers(low, high, size) (int64, high exclusive). Bounds beyond 2^53 are decimal strings "
        "here (pass them as BigInt, as seeds). Range {r}: {how}."
    )

    def how(r: int) -> str:
        if r == 1:
            return "no draws"
        if r < 2**32:
            return "32-bit Lemire with rejection"
        if r == 2**32:
            return "raw 32-bit draws"
        if r == 2**64:
            return "raw 64-bit draws"
        return "64-bit Lemire"

    for seed, low, high, size in [
        (0, 5, 6, [4]),
        (16, 3, 4, [1]),
        (1, 0, 2, [40]),
        (2, -1, 2, [33]),
        (7, -(2**30), 2**30, [9]),
        (9, 0, 2**32 - 1, [8]),
        (4294967295, -(2**31), 2**31, [7]),
        (4294967296, 0, 2**32 + 1, [6]),
        (2**64 + 7, -(2**39), 2**39, [3, 3]),
        (14, -(2**52), 2**52, [6]),
        (11, -(2**62), 2**62, [5]),
        (12, 0, 2**63, [4]),
        (13, -(2**63), 2**63, [4]),
        (2**53 + 1, -10, -3, [12]),
        (17, 0, 7, [2, 3, 4]),
        (19, 0, 2**31 + 1, [24]),
        (20, -(2**31), 2**30, [24]),
        (21, -(2**62), 2**62 + 1, [16]),
        (22, 0, 2**32 - 2, [10]),
        (18, 0, 1000, [0]),
    ]:
        r = high - low
        g.add(
            "rng.integers",
            f"rng.integers-s{seed}-r{r}-lo{low}-{sh(size)}",
            {"seed": jsonable_int(seed), "low": jsonable_int(low), "high": jsonable_int(high), "size": size},
            {},
            EXACT,
            note_i.format(r=r, how=how(r)),
        )

    note_s = (
        "RISEGrid's draw pattern: random([n,s,s]) from defaultRng(seed); then from a second defaultRng(seed), n times "
        "y = integers(0, cellH), x = integers(0, cellW) as scalar draws (the 32-bit half-word buffer persists across "
        "calls; a range of 1 consumes nothing)."
    )
    for seed, n, s, ch, cw in [
        (0, 5, 2, 1, 1),
        (1, 6, 3, 1, 7),
        (4294967295, 4, 4, 9, 1),
        (2**64 + 7, 7, 5, 45, 32),
        (42, 9, 8, 28, 28),
        (7, 3, 1, 64, 3),
        (2**53 + 1, 5, 6, 100000, 65536),
    ]:
        g.add(
            "rng.sequence",
            f"rng.sequence-s{seed}-n{n}-s{s}-c{ch}x{cw}",
            {"seed": jsonable_int(seed), "n": n, "s": s, "cellH": ch, "cellW": cw},
            {},
            EXACT,
            note_s,
        )


def resize_cases(g: Generator) -> None:
    def grid(shape, dtype):
        return (DATA.random(shape) < 0.5).astype(dtype)

    items = [
        ("grid-3x3-to-64x64", grid((3, 3), np.float32), [64, 64]),
        ("grid-7x7-to-224x224", grid((7, 7), np.float32), [224, 224]),
        ("f64-16x12-to-5x7", DATA.normal(size=(16, 12)), [5, 7]),
        ("f64-1x6-to-4x9", DATA.normal(size=(1, 6)), [4, 9]),
        ("f32-6x1-to-6x13", soft((6, 1), np.float32), [6, 13]),
        ("f32-1x1-to-5x3", np.full((1, 1), 0.375, np.float32), [5, 3]),
        ("f64-9x7-to-1x1", DATA.normal(size=(9, 7)), [1, 1]),
        ("f64-10x10-to-10x10", DATA.normal(size=(10, 10)), [10, 10]),
        ("f32-5x8-to-23x3", soft((5, 8), np.float32), [23, 3]),
        ("f64-2x2-to-37x61", DATA.normal(size=(2, 2)), [37, 61]),
        ("f32-const-4x4-to-9x9", np.ones((4, 4), np.float32), [9, 9]),
        ("f64-13x17-to-26x34", DATA.normal(size=(13, 17)) * 100, [26, 34]),
        ("f32-31x29-to-17x45", soft((31, 29), np.float32), [17, 45]),
        ("f64-3x40-to-1x7", DATA.normal(size=(3, 40)), [1, 7]),
    ]
    for i, (name, img, out) in enumerate(items):
        g.add(
            "resize",
            f"resize-x{i}-{name}",
            {"outputShape": out, "order": 1, "mode": "reflect", "antiAliasing": False},
            {"image": img},
            F32,
            f"skimage.transform.resize(order=1, mode='reflect', anti_aliasing=False) on {img.dtype} input "
            "(= ndi.zoom(grid_mode=True, mode='mirror') then clip to the input's [min,max]); float32 stays float32.",
        )


def gaussian_cases(g: Generator) -> None:
    items = [
        (np.float64, (14, 9), [0.0, 1.7], 4.0),
        (np.float32, (14, 9), [2.3, 0.0], 4.0),
        (np.float64, (6, 5), [7.0, 9.0], 4.0),
        (np.float32, (6, 5), [4.0, 11.0], 4.0),
        (np.float64, (20, 18), [1.5, 2.5], 2.0),
        (np.float32, (20, 18), [1.0, 3.0], 2.0),
        (np.float64, (12, 12), [0.1, 0.3], 4.0),
        (np.float64, (1, 15), [3.0, 1.0], 4.0),
        (np.float32, (15, 1), [2.0, 2.0], 4.0),
        (np.float64, (16, 16), [1.125, 0.625], 4.0),
        (np.float64, (8, 8), [0.0, 0.0], 4.0),
        (np.float32, (17, 13), [1.2, 0.8], 3.3),
        (np.float32, (3, 3), [5.0, 5.0], 1.0),
        (np.float64, (40, 40), [2.0, 2.0], 4.0),
        (np.float32, (64, 64), [3.0, 1.5], 4.0),
        (np.float32, (11, 21), [0.5, 6.0], 2.5),
        (np.float32, (1, 1), [1.0, 1.0], 4.0),
    ]
    for i, (dt, shape, sigma, trunc) in enumerate(items):
        if dt == np.float32 and i % 2:
            img = np.zeros(shape, np.float32)  # a 0/1 disc, as SlidingRadial filters
            img[shape[0] // 3 : 2 * shape[0] // 3 + 1, shape[1] // 4 : 3 * shape[1] // 4 + 1] = 1
        else:
            img = (DATA.normal(size=shape) * 3).astype(dt)
        tol = F64 if dt == np.float64 else F32
        g.add(
            "gaussianFilter",
            f"gaussianFilter-x{i}-{sh(shape)}-s{sigma[0]}_{sigma[1]}-t{trunc}-{np.dtype(dt).name}",
            {"sigma": sigma, "truncate": trunc, "mode": "reflect"},
            {"image": img},
            tol,
            "scipy.ndimage.gaussian_filter(image, sigma, truncate=truncate, mode='reflect') (scipy 1.10): radius "
            "int(truncate*sigma+0.5), half-sample reflection repeated when the kernel is wider than the axis, axis with "
            "sigma 0 untouched; float32 rounded after each axis.",
        )


def ellipse_cases(g: Generator) -> None:
    items = [
        (4.5, 3.5, 2.0, 3.0, [10, 9]),
        (-3, 4, 5, 2, [8, 9]),
        (12, -2.5, 4.2, 6.1, [10, 10]),
        (20, 20, 3, 3, [10, 10]),
        (3, 3, 0.5, 0.5, [7, 7]),
        (3.5, 3.5, 0.5, 0.5, [7, 7]),
        (2.3, 4.7, 0.9, 0.6, [6, 8]),
        (5, 5, 0.001, 10, [11, 11]),
        (6, 7, 6, 7, [13, 15]),
        (4, 4, 40, 40, [9, 9]),
        (0, 0, 2.5, 1.5, [1, 1]),
        (2, 3, 2, 3, [5, 7]),
        (7.25, 2.75, 3.5, 2.25, [12, 6]),
        (3, 3, 0, 2, [7, 7]),
        (-0.5, 8.5, 3.7, 3.7, [6, 9]),
        (10.1, 10.9, 10.4, 7.6, [21, 20]),
        (2.5, 3, 2.2, 2.9, [6, 7, 3]),
    ]
    for i, (r, c, rr, cr, shape) in enumerate(items):
        img = None
        g.add(
            "ellipse",
            f"ellipse-x{i}",
            {"r": r, "c": c, "rRadius": rr, "cRadius": cr, "shape": shape},
            {},
            EXACT,
            "skimage.draw.ellipse(r, c, r_radius, c_radius, shape=shape) rendered into a bool [H,W] image: "
            "((y-r)/rRadius)^2 + ((x-c)/cRadius)^2 < 1 (strict), clipped to the shape (may be empty).",
        )
        del img


def maxabs_cases(g: Generator) -> None:
    a = DATA.normal(size=(6, 9))
    a[1] = 0
    a[4] = -np.abs(a[4])
    b = DATA.normal(size=(5, 7)).astype(np.float32)
    b[0] = 0
    b[3] = -np.abs(b[3])
    tiny64 = DATA.normal(size=(4, 6))
    tiny64[2] *= 1e-16  # max |v| < 10*eps(float64): sklearn leaves the row as it is
    tiny32 = DATA.normal(size=(4, 6)).astype(np.float32)
    tiny32[1] *= np.float32(1e-7)  # max |v| < 10*eps(float32) = 1.19e-6: left as it is
    tiny32[3] = np.float32(2e-6) * np.sign(tiny32[3])  # just above: scaled
    nan = DATA.normal(size=(3, 5))
    nan[0, 2] = np.nan
    nan[2, :] = np.nan
    items = [
        ("f64-6x9-zero-neg", a, F64),
        ("f32-5x7-zero-neg", b, F32),
        ("f64-1x12", DATA.normal(size=(1, 12)), F64),
        ("f64-9x1", DATA.normal(size=(9, 1)), F64),
        ("f64-4x6-tinyrow", tiny64, F64),
        ("f32-4x6-tinyrows", tiny32, F32),
        ("f64-3x5-nan", nan, F64),
        ("f32-2x3-exact", np.array([[3, -6, 1.5], [0.25, 0.5, -1]], np.float32), F32),
        ("u8-3x4", u8((3, 4)), F64),
    ]
    for i, (name, X, tol) in enumerate(items):
        g.add(
            "maxabsScale",
            f"maxabsScale-x{i}-{name}",
            {},
            {"X": X},
            tol,
            "sklearn maxabs_scale(X, axis=1) (1.2): rows divided by nanmax|row|; a row whose max is below 10*eps of its "
            "dtype (zero rows above all) is left unscaled; NaN stays NaN.",
        )


def perturber_cases(g: Generator) -> None:
    note_rise = (
        "new RISEGrid({{n,s,p1,seed,threads:0}}).perturb(refImage) -> float32 [n,H,W]; {extra}"
    )
    for n, s, p1, seed, shape, extra in [
        (7, 3, 0.5, 1, [10, 14, 3], "odd size"),
        (5, 8, 0.5, 4294967295, [5, 6], "H, W < s: cells of 1 pixel, shifts draw integers(0, 1) (no draws)"),
        (4, 6, 0.4, 2**64 + 7, [3, 40], "H < s, a three-word seed"),
        (6, 1, 0.5, 9, [16, 20], "s = 1"),
        (5, 4, 0.0, 3, [12, 12, 3], "p1 = 0: all-zero grid (resize clips to [0,0])"),
        (5, 4, 1.0, 4, [13, 11], "p1 = 1: all-one grid"),
        (9, 5, 0.25, 2**53 + 1, [37, 23, 3], "seed 2^53+1"),
        (6, 7, 0.6, 4294967296, [64, 48], "seed 2^32"),
        (3, 10, 0.5, 0, [61, 59], "s = 10"),
        (8, 2, 0.5, 5, [9, 9, 3], "s = 2"),
        (2, 8, 0.5, 77, [224, 224], "224x224 grayscale"),
    ]:
        g.add(
            "RISEGrid.perturb",
            f"RISEGrid-x-n{n}-s{s}-p{p1}-seed{seed}-{sh(shape)}",
            {"n": n, "s": s, "p1": p1, "seed": jsonable_int(seed), "threads": 0},
            {"refImage": u8(shape)},
            F32,
            note_rise.format(extra=extra),
        )

    for win, stride, shape, extra in [
        ([4, 3], [6, 7], [20, 25, 3], "stride > window"),
        ([40, 50], [10, 10], [24, 30], "window > image (negative origins, clipped)"),
        ([3, 2], [1, 1], [9, 8], "stride 1"),
        ([1, 1], [3, 3], [7, 8], "1x1 window"),
        ([5, 5], [12, 10], [12, 10], "stride = image size: one window, overhang -7 -> shift floor(-7/2) = -4"),
        ([7, 9], [4, 5], [19, 23, 3], "odd window and stride"),
        ([2, 9], [3, 4], [1, 13], "1-pixel-high image"),
        ([6, 6], [6, 6], [30, 30], "exact tiling"),
    ]:
        g.add(
            "SlidingWindow.perturb",
            f"SlidingWindow-x-w{sh(win)}-st{sh(stride)}-{sh(shape)}",
            {"windowSize": win, "stride": stride},
            {"refImage": u8(shape)},
            EXACT,
            f"{extra}. new SlidingWindow({{windowSize, stride}}).perturb(refImage) -> [N,H,W] 0/1 (reference bool), "
            "0 inside the window.",
        )

    for radius, stride, sigma, shape, extra in [
        ([3, 5], [4, 6], None, [18, 20], "elliptical"),
        ([2.5, 2.5], [5, 5], None, [15, 15, 3], "fractional radius"),
        ([0.7, 1.2], [3, 4], None, [9, 10], "radii around 1"),
        ([30, 30], [8, 9], None, [16, 18], "radius larger than the image"),
        ([1, 1], [1, 1], None, [5, 6], "stride 1"),
        ([4, 6], [7, 5], [1.0, 2.0], [20, 22], "elliptical with sigma"),
        ([5.5, 3.3], [6, 6], [2.5, 2.5], [18, 24, 3], "fractional radii with sigma"),
        ([3, 3], [4, 4], [0.0, 2.0], [12, 16], "sigma 0 on the row axis"),
        ([3, 3], [5, 5], [0.0, 0.0], [10, 10], "sigma [0, 0]: still the float32 path (a 2-tuple is truthy)"),
        ([2, 2], [6, 6], [20.0, 20.0], [12, 14], "sigma larger than the image"),
        ([6, 4], [20, 20], [3.0, 1.5], [17, 15], "stride > image: one centre"),
    ]:
        g.add(
            "SlidingRadial.perturb",
            f"SlidingRadial-x-r{radius[0]}_{radius[1]}-st{sh(stride)}-sig{'none' if sigma is None else '_'.join(map(str, sigma))}-{sh(shape)}",
            {"radius": radius, "stride": stride, "sigma": sigma},
            {"refImage": u8(shape)},
            EXACT if sigma is None else F32,
            f"{extra}. new SlidingRadial({{radius, stride, sigma}}).perturb(refImage): ellipse(cy, cx, *radius) per "
            "centre; with sigma float32 gaussian_filter, / max, 1 - mask; without, bool NOT.",
        )


def mask_set(kind: str, shape) -> np.ndarray:
    if kind == "bool":
        return bool_masks(shape)
    if kind == "uint8":
        return bool_masks(shape).astype(np.uint8)
    if kind == "quarter32":
        return quarter(shape, np.float32)
    if kind == "f32":
        return soft(shape, np.float32)
    if kind == "f64":
        return soft(shape, np.float64)
    raise KeyError(kind)


def scoring_cases(g: Generator) -> None:
    for i, (sdt, mkind, inv, norm, N, C, H, W) in enumerate(
        [
            (np.float32, "f32", True, True, 9, 3, 11, 13),
            (np.float32, "f32", False, False, 7, 2, 8, 9),
            (np.float32, "bool", False, True, 12, 4, 10, 6),
            (np.float32, "uint8", True, False, 10, 1, 7, 12),
            (np.float64, "uint8", True, True, 8, 2, 9, 9),
            (np.float64, "f32", True, False, 6, 3, 5, 14),
            (np.float32, "f64", False, True, 11, 2, 12, 7),
            (np.float64, "f64", True, True, 5, 5, 6, 6),
            (np.float64, "bool", False, True, 14, 2, 8, 8),
            (np.float32, "bool", True, True, 13, 3, 7, 10),
            (np.float64, "quarter32", True, True, 1, 1, 4, 5),
            (np.float32, "quarter32", False, False, 6, 2, 6, 6),
        ]
    ):
        scalars = (DATA.normal(size=(N, C))).astype(sdt)
        masks = mask_set(mkind, (N, H, W))
        if mkind == "bool" and i == 8:
            masks[:, 0, :] = False  # row 0 never kept: zero normaliser there (counts as 1)
        if mkind == "bool" and i == 9:
            masks[:, :, 0] = True  # column 0 never occluded: inverted masks sum to 0 there
        g.add(
            "weightRegionsByScalar",
            f"weightRegionsByScalar-x{i}-{np.dtype(sdt).name}-{mkind}-inv{int(inv)}-norm{int(norm)}",
            {"invMasks": inv, "normalize": norm},
            {"scalars": scalars, "masks": masks},
            F32,
            f"weightRegionsByScalar(scalars {np.dtype(sdt).name} [{N},{C}], masks {masks.dtype} [{N},{H},{W}], "
            f"{inv}, {norm}); numpy computes in float32 only when both are float32 (bool/uint8 masks count as float32).",
        )

    def conf(n, c, dt):
        return DATA.random(c).astype(dt), DATA.random((n, c)).astype(dt)

    for i, (mkind, cdt, N, C, H, W) in enumerate(
        [
            ("bool", np.float64, 12, 1, 9, 11),
            ("f32", np.float32, 10, 4, 8, 8),
            ("uint8", np.float32, 9, 2, 7, 13),
            ("f64", np.float64, 8, 3, 10, 10),
            ("bool", np.float64, 1, 2, 5, 6),
            ("quarter32", np.float64, 7, 2, 6, 9),
        ]
    ):
        ic, pc = conf(N, C, cdt)
        g.add(
            "OcclusionScoring.generate",
            f"OcclusionScoring-x{i}-{mkind}-{np.dtype(cdt).name}-N{N}-C{C}",
            {},
            {"imageConf": ic, "perturbedConf": pc, "masks": mask_set(mkind, (N, H, W))},
            F32,
            "new OcclusionScoring({}).generate(imageConf, perturbedConf, masks): weightRegionsByScalar(imageConf - "
            "perturbedConf, masks), per-map maxabs_scale, clip [-1, 1].",
        )
    # maps whose max |value| is below 10*eps of their dtype: sklearn's maxabs_scale leaves them unscaled
    ic = np.full(3, 0.5, np.float32)
    pc = (ic + (DATA.normal(size=(6, 3)) * 1e-7)).astype(np.float32)
    pc[:, 2] = ic[2]  # class 2: exactly zero map
    g.add(
        "OcclusionScoring.generate",
        "OcclusionScoring-x6-tinymaps-float32",
        {},
        {"imageConf": ic, "perturbedConf": pc, "masks": mask_set("bool", (6, 5, 7))},
        F32,
        "float32 confidences whose differences are ~1e-7: the maps' max |value| is below 10*eps(float32) = 1.19e-6, "
        "so sklearn's maxabs_scale (_handle_zeros_in_scale) divides them by 1, not by their max.",
    )
    ic64 = np.array([1e-3, 2e-3])
    pc64 = ic64 - np.array([[1, 2], [3, -1], [0.5, 1.5], [2, 0]]) * 1e-17
    g.add(
        "OcclusionScoring.generate",
        "OcclusionScoring-x7-tinymaps-float64",
        {},
        {"imageConf": ic64, "perturbedConf": pc64, "masks": mask_set("bool", (4, 5, 5))},
        F32,
        "float64 confidence differences of ~1e-17: max |value| below 10*eps(float64), so sklearn's maxabs_scale leaves "
        "the maps unscaled (tiny values, not +-1).",
    )

    for i, (mkind, cdt, p1, N, C, H, W) in enumerate(
        [
            ("f32", np.float64, 0.25, 10, 2, 9, 12),
            ("f32", np.float32, 0.9, 8, 3, 8, 8),
            ("bool", np.float64, 1.0, 9, 2, 7, 7),
            ("bool", np.float32, 0.0, 11, 1, 10, 6),
            ("uint8", np.float64, 0.5, 7, 3, 6, 11),
            ("f64", np.float32, 0.7, 6, 2, 9, 5),
        ]
    ):
        ic, pc = conf(N, C, cdt)
        g.add(
            "RISEScoring.generate",
            f"RISEScoring-x{i}-{mkind}-{np.dtype(cdt).name}-p{p1}",
            {"p1": p1},
            {"imageConf": ic, "perturbedConf": pc, "masks": mask_set(mkind, (N, H, W))},
            F32,
            "new RISEScoring({p1}).generate(imageConf, perturbedConf, masks): weightRegionsByScalar(perturbedConf, "
            "masks - p1, false, false) (masks - p1 in float32 for float32 masks, float64 for bool), maxabs, clip.",
        )

    # SimilarityScoring: other metrics / sizes than the shared set
    boolean = {"jaccard", "yule", "dice", "hamming", "rogerstanimoto", "russellrao", "sokalsneath", "kulczynski1", "kulsinski", "matching"}
    sim_items = [
        ("euclidean", 1, 6, 9, "bool", 10, 12),
        ("cosine", 3, 5, 12, "f32", 8, 9),
        ("cityblock", 2, 10, 7, "bool", 6, 14),
        ("seuclidean", 1, 4, 15, "bool", 9, 9),
        ("seuclidean", 3, 6, 11, "f32", 7, 8),
        ("correlation", 1, 7, 10, "f32", 11, 7),
        ("jensenshannon", 3, 8, 9, "bool", 8, 10),
        ("braycurtis", 1, 5, 13, "quarter32", 6, 6),
        ("chebyshev", 3, 4, 16, "bool", 9, 7),
        ("minkowski", 1, 9, 8, "f32", 7, 7),
        ("sqeuclidean", 3, 3, 14, "bool", 10, 5),
        ("canberra", 1, 6, 12, "bool", 8, 8),
        ("jaccard", 3, 16, 10, "bool", 7, 9),
        ("yule", 1, 20, 12, "f32", 6, 8),
        ("dice", 3, 16, 9, "bool", 8, 6),
        ("rogerstanimoto", 1, 18, 10, "bool", 5, 9),
        ("russellrao", 3, 14, 11, "f32", 9, 6),
        ("sokalsneath", 1, 16, 12, "bool", 7, 7),
        ("matching", 3, 12, 10, "bool", 6, 10),
        ("kulsinski", 3, 15, 9, "bool", 6, 7),
        ("kulczynski1", 1, 14, 12, "f32", 7, 6),
        ("hamming", 1, 18, 10, "bool", 5, 8),
    ]
    for metric, q, f, n, mkind, h, w in sim_items:
        for attempt in range(50):
            if metric in boolean:
                mk = lambda *s: (DATA.random(s) < 0.5).astype(np.float64)  # noqa: E731
            else:
                mk = lambda *s: DATA.random(s) + 0.05  # noqa: E731
            query = mk(f) if q == 1 else mk(q, f)
            refd = mk(f)
            pert = mk(n, f)
            masks = mask_set(mkind, (n, h, w))
            out = g.dispatch.compute(
                "SimilarityScoring.generate",
                {"proximityMetric": metric},
                {"queryDescr": query, "refDescr": refd, "perturbedDescrs": pert, "masks": masks},
            )
            if np.isfinite(out).all() and np.abs(out).max() > 0:
                break
        else:
            raise RuntimeError(f"no finite SimilarityScoring data for {metric}")
        g.add(
            "SimilarityScoring.generate",
            f"SimilarityScoring-x-{metric}-q{q}-F{f}-N{n}-{mkind}",
            {"proximityMetric": metric},
            {"queryDescr": query, "refDescr": refd, "perturbedDescrs": pert, "masks": masks},
            F32,
            f"new SimilarityScoring({{proximityMetric:'{metric}'}}).generate(queryDescr {list(query.shape)}, refDescr "
            f"[{f}], perturbedDescrs [{n},{f}], masks {masks.dtype}): d0 = cdist(ref[None], Q), dp = cdist(Q, pert) "
            "(scipy 1.10, defaults estimated per call), diff = max(dp - d0^T, 0), weightRegionsByScalar, maxabs, clip.",
        )

    def dets(count, c, h, w):
        x1 = DATA.uniform(0, w * 0.6, count)
        y1 = DATA.uniform(0, h * 0.6, count)
        x2 = x1 + DATA.uniform(1, w * 0.5, count)
        y2 = y1 + DATA.uniform(1, h * 0.5, count)
        obj = DATA.uniform(0.1, 1, count)
        probs = DATA.random((count, c)) + 0.01
        return np.column_stack([x1, y1, x2, y2, obj, probs])

    for i, (D, N, P, C, mkind, H, W) in enumerate(
        [
            (3, 10, 5, 2, "f32", 12, 14),
            (1, 6, 1, 6, "bool", 9, 11),
            (4, 8, 3, 1, "f32", 10, 10),
            (2, 9, 7, 3, "quarter32", 8, 13),
        ]
    ):
        refd = dets(D, C, H, W)
        pert = dets(N * P, C, H, W).reshape(N, P, 5 + C)
        if i == 0:
            pert[0, 0, :4] = refd[0, :4]  # one exact box match
            pert[1, :, :4] = [W + 5, H + 5, W + 9, H + 9]  # proposals outside every ref box: iou 0
        g.add(
            "DRISEScoring.generate",
            f"DRISEScoring-x{i}-D{D}-N{N}-P{P}-C{C}-{mkind}",
            {"proximityMetric": "cosine"},
            {"refDets": refd, "perturbedDets": pert, "masks": mask_set(mkind, (N, H, W))},
            F32,
            "new DRISEScoring({proximityMetric:'cosine'}).generate(refDets, perturbedDets, masks): s[n,d] = max_p "
            "iou * (1 - cosine(probs)) * objectness, weightRegionsByScalar(s, masks, false, true), maxabs, clip.",
        )

    box_a = np.array(
        [
            [0, 0, 4, 4],
            [2.5, 1.5, 7.25, 9.75],
            [5, 5, 5, 5],
            [3, 3, 2, 2],
            [-4, -2, 1, 3],
            [10, 0, 20, 1],
        ],
        dtype=np.float64,
    )
    box_b = np.array(
        [
            [0, 0, 4, 4],
            [4, 4, 8, 8],
            [5, 0, 9, 4],
            [-10, -10, -6, -6],
            [2.5, 1.5, 7.25, 9.75],
            [0, 0, 100, 100],
            [5, 5, 5, 5],
        ],
        dtype=np.float64,
    )
    g.add(
        "DRISEScoring.iou",
        "DRISEScoring.iou-x0-6x7-edges",
        {},
        {"boxA": box_a, "boxB": box_b},
        F64,
        "Inclusive-pixel IoU with +1 widths: identical, touching (shared edge -> overlap of 1), disjoint, "
        "single-pixel, inverted (x2 < x1) and fractional boxes.",
    )
    ra = DATA.uniform(-5, 30, (9, 2))
    rb = DATA.uniform(-5, 30, (4, 2))
    box_c = np.column_stack([ra, ra + DATA.uniform(0, 12, (9, 2))])
    box_d = np.column_stack([rb, rb + DATA.uniform(0, 12, (4, 2))])
    g.add("DRISEScoring.iou", "DRISEScoring.iou-x1-9x4-random", {}, {"boxA": box_c, "boxB": box_d}, F64, "Random boxes.")


def scorer_edge_cases(g: Generator) -> None:
    """Inputs where the reference's numpy/sklearn details show: mixed dtypes, maps below sklearn's
    near-zero threshold, and NaN distances."""
    ic = DATA.random(3)
    pc = DATA.random((8, 3)).astype(np.float32)
    g.add(
        "OcclusionScoring.generate",
        "OcclusionScoring-x8-mixed-f64-f32conf-f32masks",
        {},
        {"imageConf": ic, "perturbedConf": pc, "masks": mask_set("f32", (8, 7, 9))},
        F32,
        "imageConf float64, perturbedConf float32, masks float32: numpy computes the difference and the maps in float64.",
    )
    conf = DATA.random((7, 2)) * 1e-17
    g.add(
        "RISEScoring.generate",
        "RISEScoring-x6-tinymaps-float64",
        {"p1": 0.3},
        {"imageConf": DATA.random(2), "perturbedConf": conf, "masks": mask_set("f32", (7, 6, 8))},
        F32,
        "perturbed confidences ~1e-17: every map's max |value| is below 10*eps(float64) = 2.2e-15, so sklearn's "
        "maxabs_scale divides by 1 (the tiny values stay as they are).",
    )
    base = np.full(6, 1e-3)
    pert = base + DATA.normal(size=(9, 6)) * 1e-17
    g.add(
        "SimilarityScoring.generate",
        "SimilarityScoring-x-euclidean-tinymaps",
        {"proximityMetric": "euclidean"},
        {"queryDescr": base + 1e-17, "refDescr": base.copy(), "perturbedDescrs": pert, "masks": mask_set("bool", (9, 6, 7))},
        F32,
        "descriptors differing by ~1e-17: distance differences below 10*eps(float64), so sklearn's maxabs_scale "
        "leaves the map unscaled.",
    )
    refd = np.array([[1.0, 1.0, 8.0, 9.0, 1.0, 0.7, 0.3]])
    pert = np.tile(refd, (5, 2, 1))
    pert[:, :, :4] += DATA.uniform(-2, 2, (5, 2, 4))
    pert[:, :, 4] = DATA.uniform(0.5, 1, (5, 2)) * 1e-17
    g.add(
        "DRISEScoring.generate",
        "DRISEScoring-x4-tinymaps-objectness1e-17",
        {"proximityMetric": "cosine"},
        {"refDets": refd, "perturbedDets": pert, "masks": mask_set("f32", (5, 10, 11))},
        F32,
        "objectness ~1e-17: the map's max |value| is below 10*eps(float64), so sklearn's maxabs_scale leaves it unscaled.",
    )
    q = DATA.random(5) + 0.1
    pd = DATA.random((6, 5)) + 0.1
    pd[2] = 0
    g.add(
        "SimilarityScoring.generate",
        "SimilarityScoring-x-cosine-zero-perturbed-descr",
        {"proximityMetric": "cosine"},
        {"queryDescr": q, "refDescr": DATA.random(5) + 0.1, "perturbedDescrs": pd, "masks": mask_set("bool", (6, 5, 6))},
        F32,
        "perturbed descriptor 2 is all zero: scipy 1.10's cosine distance to it is NaN, diff NaN (np.clip keeps NaN), "
        "and (1-m)*NaN is NaN even where m = 1, so the whole map is NaN in the reference.",
    )
    refd = np.array([[2.0, 2.0, 9.0, 8.0, 1.0, 0.6, 0.4], [0.0, 3.0, 5.0, 9.0, 1.0, 0.2, 0.8]])
    pert = np.tile(refd[:1], (4, 3, 1))
    pert[:, :, :4] += DATA.uniform(-1, 1, (4, 3, 4))
    pert[:, :, 4] = DATA.uniform(0.3, 1, (4, 3))
    pert[1, 2, 5:] = 0  # an all-zero class vector: cosine NaN
    g.add(
        "DRISEScoring.generate",
        "DRISEScoring-x5-zero-class-vector",
        {"proximityMetric": "cosine"},
        {"refDets": refd, "perturbedDets": pert, "masks": mask_set("f32", (4, 10, 10))},
        F32,
        "proposal 2 of mask 1 has an all-zero class vector: its cosine distance is NaN, numpy's max over proposals "
        "propagates NaN into s[1, :], and weightRegionsByScalar spreads it over both maps (NaN in the reference).",
    )


def cdist_cases(g: Generator) -> None:
    def add(cid, metric, XA, XB, options=None, arrays=None, note=""):
        options = options or {}
        arrays = arrays or {}
        g.add(
            "cdist",
            f"cdist-x-{cid}",
            {"metric": metric, "options": options, "arrayOptions": list(arrays)},
            {"XA": XA, "XB": XB, **arrays},
            F64,
            f"{note} cdist(XA {list(XA.shape)} {XA.dtype}, XB {list(XB.shape)}, '{metric}') with scipy 1.10 semantics"
            + (f", options {options}" if options else "")
            + (f", array options {list(arrays)}" if arrays else "")
            + ".",
        )

    A = DATA.normal(size=(6, 5))
    B = DATA.normal(size=(4, 5))
    P_ = DATA.random((5, 7)) + 0.1
    Q_ = DATA.random((3, 7)) + 0.1
    add("euclidean-1x1-n1", "euclidean", np.array([[2.5]]), np.array([[-1.0]]), note="single rows, one feature.")
    add("cityblock-7x1", "cityblock", DATA.normal(size=(7, 3)), DATA.normal(size=(1, 3)))
    add("chebyshev-identical", "chebyshev", A, np.vstack([A[2], A[0]]), note="rows of XB repeat rows of XA (distance 0).")
    zero_cos = np.vstack([np.zeros(5), B[1:]])
    add("cosine-zero-row", "cosine", A, zero_cos, note="an all-zero row in XB: scipy 1.10 gives NaN against it.")
    const = np.vstack([np.full(5, 3.0), A[1:]])
    add("correlation-constant-row", "correlation", const, B, note="a constant row in XA: zero variance -> NaN.")
    bc_a = np.array([[1.0, -1.0, 2.0], [0.5, 0.5, -1.0], [0.0, 0.0, 0.0]])
    bc_b = np.array([[-1.0, 1.0, -2.0], [2.0, 1.0, 0.0]])
    add("braycurtis-signs", "braycurtis", bc_a, bc_b, note="negative entries; sum |u+v| = 0 pairs give inf/NaN.")
    cz_a = np.array([[0.0, 1.0, -2.0, 0.0], [3.0, 0.0, 0.0, -1.0]])
    cz_b = np.array([[0.0, -1.0, 2.0, 0.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0, 1.0, 1.0]])
    add("canberra-zeros-signs", "canberra", cz_a, cz_b, note="zeros (0/0 terms count 0) and opposite signs.")
    js_a = np.vstack([P_[:3] * 7, np.zeros(7)])
    add("jensenshannon-unnormalised-zero", "jensenshannon", js_a, Q_, note="rows not summing to 1 and an all-zero row.")
    js_b = P_.copy()
    js_b[:, 0] = 0
    add("jensenshannon-zero-entries", "jensenshannon", js_b, Q_, note="zero entries (0 log 0 = 0).")
    add("minkowski-p0.5", "minkowski", A, B, {"p": 0.5})
    add("minkowski-p4-w", "minkowski", A, B, {"p": 4}, {"w": DATA.random(5) + 0.2})
    add("minkowski-p1.5-w", "minkowski", A, B, {"p": 1.5}, {"w": DATA.random(5) + 0.2})
    add("minkowski-p1-w", "minkowski", A, B, {"p": 1}, {"w": np.array([1.0, 0.0, 2.0, 0.5, 3.0])})
    add("wminkowski-p1.5", "wminkowski", A, B, {"p": 1.5}, {"w": DATA.random(5) + 0.2}, note="classic wminkowski.")
    add("seuclidean-V", "seuclidean", A, B, arrays={"V": DATA.random(5) + 0.5})
    sc_a = A.copy()
    sc_b = B.copy()
    sc_a[:, 3] = 1.5
    sc_b[:, 3] = 1.5
    add("seuclidean-constant-column", "seuclidean", sc_a, sc_b, note="a column constant over XA and XB: V = 0 there.")
    add("seuclidean-2rows", "seuclidean", A[:1], B[:1], note="V estimated from just these two rows.")
    M = DATA.normal(size=(5, 5))
    add("mahalanobis-VI", "mahalanobis", A, B, arrays={"VI": M @ M.T + 5 * np.eye(5)})
    add("mahalanobis-default-12x3", "mahalanobis", DATA.normal(size=(8, 3)), DATA.normal(size=(4, 3)))
    add("sqeuclidean-large", "sqeuclidean", A * 1e6, B * 1e6)
    hm_a = np.round(DATA.normal(size=(5, 8)))
    hm_b = np.round(DATA.normal(size=(4, 8)))
    add("hamming-rounded", "hamming", hm_a, hm_b, note="small integers as floats: many equal entries.")
    add("jaccard-rounded", "jaccard", hm_a, hm_b, note="jaccard on floats: entries compared for equality, zeros excluded.")
    jz = np.zeros((2, 8))
    add("jaccard-all-zero", "jaccard", jz, np.vstack([jz[:1], hm_b[:2]]), note="two all-zero rows give 0.")
    fb_a = np.round(DATA.normal(size=(5, 9)))  # non-zero (incl. negative) counts as true
    fb_b = np.round(DATA.normal(size=(6, 9)))
    for metric in ["dice", "yule", "rogerstanimoto", "sokalsneath", "russellrao", "kulczynski1", "kulsinski", "sokalmichener"]:
        add(f"{metric}-float-input", metric, fb_a, fb_b, note="boolean metric on float input: non-zero counts as true.")
    bb_a = DATA.random((4, 33)) < 0.4
    bb_b = DATA.random((5, 33)) < 0.6
    for metric in ["dice", "jaccard", "hamming", "yule", "matching"]:
        add(f"{metric}-bool-33", metric, bb_a, bb_b, note="bool input, 33 features.")
    # input dtypes: scipy converts both inputs to the type chosen from XA's dtype
    mb = DATA.random((4, 6)) < 0.5
    mf = np.round(DATA.random((5, 6)) * 2) / 2  # 0, 0.5, 1
    for metric in ["hamming", "jaccard"]:
        add(f"{metric}-boolA-floatB", metric, mb, mf, note="XA bool, XB float: scipy 1.10 converts BOTH to bool (0.5 -> true).")
        add(f"{metric}-floatA-boolB", metric, mf, mb, note="XA float, XB bool: scipy 1.10 converts both to double.")
    add("euclidean-float32", "euclidean", A.astype(np.float32), B.astype(np.float32), note="float32 input, float64 result.")
    add("cosine-float32", "cosine", P_.astype(np.float32), Q_.astype(np.float32), note="float32 input, float64 result.")
    add("cityblock-uint8", "cityblock", u8((3, 5)), u8((4, 5)), note="uint8 input: converted to double (no wrap-around).")
    add("euclidean-bool", "euclidean", mb, DATA.random((3, 6)) < 0.5, note="bool input to a real metric: 0/1 doubles.")


def occlusion_cases(g: Generator) -> None:
    items = [
        ((9, 11), "bool", None, EXACT),
        ((8, 10, 3), "quarter32", 0, EXACT),
        ((8, 10, 3), "quarter64", [255, 128, 1], EXACT),
        ((9, 7), "quarter32", 255, EXACT),
        ((6, 9, 3), "bool", [0, 0, 0], EXACT),
        ((7, 8, 4), "bool", [1, 2, 3, 250], EXACT),
        ((7, 8, 4), "quarter32", 17, EXACT),
        ((10, 12, 3), "f32", 100, (0.0, 1.0)),
        ((11, 9), "f64", None, (0.0, 1.0)),
        ((8, 8, 3), "f64", [9, 99, 199], (0.0, 1.0)),
        ((6, 6, 1), "quarter32", [7], EXACT),
        ((7, 9), "quarter32", [201], EXACT),
        ((6, 8, 3), "quarter32", 127.5, EXACT),
        ((6, 8, 3), "bool", [10.7, 0.5, 254.9], EXACT),
    ]
    for i, (shape, kind, fill, tol) in enumerate(items):
        N = 5
        if kind == "quarter64":
            masks = quarter((N, *shape[:2]), np.float64)
        else:
            masks = mask_set(kind, (N, *shape[:2]))
        fill_name = "none" if fill is None else ("list" if isinstance(fill, list) else "scalar")
        g.add(
            "occludeImageBatch",
            f"occludeImageBatch-x{i}-{sh(shape)}-{kind}-fill{fill_name}",
            {"fill": fill},
            {"image": u8(shape), "masks": masks},
            tol,
            "occludeImageBatch(image uint8, masks, fill): m*img + (1-m)*fill per channel, truncated to uint8 (numpy: "
            "float32 arithmetic for float32 masks, float64 for float64 masks, exact for bool). "
            + ("Masks are multiples of 1/4: exact either way." if "quarter" in kind else "")
            + (" Arbitrary float masks: float32/float64 arithmetic may move a value by one grey level, atol 1." if tol[1] else "")
            + (
                " Non-integer fill: occlude_image_batch casts it to the image dtype first (np.array(fill, dtype=uint8): "
                "127.5 -> 127, 10.7 -> 10)."
                if fill is not None and any(float(v) != int(v) for v in np.atleast_1d(fill))
                else ""
            ),
        )


def stack_cases(g: Generator) -> None:
    g.add("blackbox.classify", "blackbox.classify-x0-5x7x3-K1", {"numLabels": 1}, {"image": u8((5, 7, 3))}, BLACKBOX, "formula self-check")
    g.add("blackbox.classify", "blackbox.classify-x1-16x9-K5", {"numLabels": 5}, {"image": u8((16, 9))}, BLACKBOX, "formula self-check")

    note = "await stack.generate(refImage, blackbox) with the manifest blackbox (K = params.numLabels); options = params minus numLabels/fill; fill set with stack.fill when present."
    for i, (shape, n, s, p1, seed, debiased, k, fill) in enumerate(
        [
            ((16, 20, 3), 12, 3, 0.5, 3, True, 2, None),
            ((18, 14), 10, 4, 0.3, 2**32 + 1, False, 3, 0),
            ((20, 24, 3), 8, 2, 0.6, 2**64 + 7, True, 1, [10, 250, 128]),
            ((9, 30, 3), 6, 12, 0.5, 0, True, 2, 255),
            ((64, 64, 3), 6, 7, 0.5, 11, True, 2, None),
            ((14, 17), 7, 3, 0.5, 8, True, 2, [77]),
        ]
    ):
        params: dict = {"n": n, "s": s, "p1": p1, "seed": jsonable_int(seed), "threads": 0, "debiased": debiased, "numLabels": k}
        if fill is not None:
            params["fill"] = fill
        g.add(
            "RISEStack.generate",
            f"RISEStack-x{i}-{sh(shape)}-K{k}-fill{'none' if fill is None else fill if not isinstance(fill, list) else 'list'}",
            params,
            {"refImage": u8(shape)},
            F32,
            "new RISEStack(options); " + note,
            stack_float32_masks=True,
        )
    for i, (shape, win, stride, k, fill) in enumerate(
        [
            ((20, 24, 3), [5, 5], [7, 9], 2, None),
            ((15, 17), [20, 30], [6, 6], 3, 128),
            ((12, 12, 3), [3, 3], [2, 2], 4, [255, 0, 255]),
            ((10, 14), [4, 4], [1, 1], 2, 50),
            ((11, 12, 1), [4, 3], [3, 5], 2, [9]),
        ]
    ):
        params = {"windowSize": win, "stride": stride, "threads": 0, "numLabels": k}
        if fill is not None:
            params["fill"] = fill
        g.add(
            "SlidingWindowStack.generate",
            f"SlidingWindowStack-x{i}-{sh(shape)}-w{sh(win)}-st{sh(stride)}-K{k}",
            params,
            {"refImage": u8(shape)},
            F32,
            "new SlidingWindowStack(options); bool masks, exact occlusion; " + note,
        )
    for i, (shape, radius, stride, sigma, k, fill) in enumerate(
        [
            ((20, 22, 3), [4, 4], [5, 5], None, 2, [0, 128, 255]),
            ((18, 20), [3.5, 6], [6, 4], [1.0, 2.0], 3, None),
            ((24, 24, 3), [5, 5], [8, 8], [2.0, 2.0], 2, 200),
            ((16, 16, 3), [3, 3], [4, 4], [0.0, 1.5], 1, [30, 60, 90]),
        ]
    ):
        params = {
            "perturber": {"type": "SlidingRadial", "radius": radius, "stride": stride, "sigma": sigma},
            "generator": {"type": "OcclusionScoring"},
            "threads": 0,
            "numLabels": k,
        }
        if fill is not None:
            params["fill"] = fill
        g.add(
            "PerturbationOcclusion.generate",
            f"PerturbationOcclusion-x{i}-{sh(shape)}-r{radius[0]}_{radius[1]}-sig{'none' if sigma is None else '_'.join(map(str, sigma))}-K{k}",
            params,
            {"refImage": u8(shape)},
            F32,
            "new PerturbationOcclusion({perturber: new SlidingRadial(...), generator: new OcclusionScoring({}), threads: 0}); "
            + note,
            stack_float32_masks=sigma is not None,
        )


def more_stack_cases(g: Generator) -> None:
    """PerturbationOcclusion with other perturber/generator pairs, and threads > 0."""
    note = "await stack.generate(refImage, blackbox) with the manifest blackbox; perturber/generator built from {type, ...options}."
    items = [
        ((16, 18, 3), {"type": "SlidingWindow", "windowSize": [5, 6], "stride": [4, 4]}, {"type": "RISEScoring", "p1": 0.2}, 0, 2, 90, False),
        ((15, 13, 3), {"type": "RISEGrid", "n": 9, "s": 3, "p1": 0.5, "seed": 5, "threads": 0}, {"type": "OcclusionScoring"}, 0, 2, None, True),
        ((12, 16), {"type": "SlidingRadial", "radius": [3, 4], "stride": [4, 4], "sigma": None}, {"type": "OcclusionScoring"}, 2, 3, 33, False),
        ((14, 14, 3), {"type": "SlidingRadial", "radius": [4, 4], "stride": [5, 5], "sigma": [1.5, 1.5]}, {"type": "OcclusionScoring"}, 0, 2, 127.5, True),
    ]
    for i, (shape, pert, gen, threads, k, fill, f32) in enumerate(items):
        params = {"perturber": pert, "generator": gen, "threads": threads, "numLabels": k}
        if fill is not None:
            params["fill"] = fill
        g.add(
            "PerturbationOcclusion.generate",
            f"PerturbationOcclusion-y{i}-{sh(shape)}-{pert['type']}-{gen['type']}-threads{threads}",
            params,
            {"refImage": u8(shape)},
            F32,
            f"new PerturbationOcclusion({{perturber: new {pert['type']}(...), generator: new {gen['type']}(...), threads: {threads}}}); " + note,
            stack_float32_masks=f32,
        )
    g.add(
        "SlidingWindowStack.generate",
        "SlidingWindowStack-y-threads3-13x15x3",
        {"windowSize": [4, 5], "stride": [3, 3], "threads": 3, "numLabels": 2, "fill": [1, 2, 3]},
        {"refImage": u8((13, 15, 3))},
        F32,
        "threads 3: same result as serial.",
    )
    # rng.integers bounds beyond 2^53 given as JSON numbers (exact powers of two), not strings
    for seed, low, high, size in [(11, -(2**62), 2**62, [5]), (12, 0, 2**63, [4])]:
        g.add(
            "rng.integers",
            f"rng.integers-s{seed}-r{high - low}-numberbounds",
            {"seed": seed, "low": low, "high": high, "size": size},
            {},
            EXACT,
            "Same draws as the string-bound case, but low/high are plain JSON numbers (exact powers of two beyond 2^53, "
            "as a manifest writer that only stringifies seeds would emit them).",
        )


def build(g: Generator) -> None:
    rng_cases(g)
    resize_cases(g)
    gaussian_cases(g)
    ellipse_cases(g)
    maxabs_cases(g)
    perturber_cases(g)
    scoring_cases(g)
    cdist_cases(g)
    occlusion_cases(g)
    stack_cases(g)
    scorer_edge_cases(g)
    more_stack_cases(g)
