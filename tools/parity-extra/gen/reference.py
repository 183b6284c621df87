"""numpy 1.24 / scipy 1.10 re-expression of the Python reference behind ../shared/parity.

xaitk-saliency, scikit-image and scikit-learn cannot be installed here, so every piece of them
that the parity ops touch is written out below in plain numpy/scipy, following the upstream
code step by step (same dtypes, same order of operations, same scipy calls):

- xaitk_saliency.impls.perturb_image.{rise,sliding_window,sliding_radial}
- xaitk_saliency.utils.masking.{weight_regions_by_scalar,occlude_image_batch,occlude_image_streaming}
- xaitk_saliency.impls.gen_classifier_conf_sal.{occlusion_scoring,rise_scoring}
- xaitk_saliency.impls.gen_descriptor_sim_sal.similarity_scoring
- xaitk_saliency.impls.gen_detector_prop_sal.drise_scoring
- xaitk_saliency.impls.gen_image_classifier_blackbox_sal.{occlusion_based,rise,slidingwindow}
- skimage 0.19 transform.resize (order 1, mode 'reflect', no anti-aliasing) and draw.ellipse
- sklearn 1.2 preprocessing.maxabs_scale

scipy itself (ndimage.zoom, ndimage.gaussian_filter, spatial.distance.cdist) is called
directly: it IS the reference. Nothing here is copied from those projects; it is written for
this tool from their documented behaviour and a reading of their sources.
"""

from __future__ import annotations

import numpy as np
from scipy import ndimage as ndi
from scipy.spatial.distance import cdist as scipy_cdist

# ---------------------------------------------------------------------------------------------
# numpy Generator


def rng_random(seed: int, size) -> np.ndarray:
    return np.random.default_rng(seed).random(tuple(size))


def rng_integers(seed: int, low: int, high: int, size) -> np.ndarray:
    return np.random.default_rng(seed).integers(low, high, tuple(size))


def rng_sequence(seed: int, n: int, s: int, cell_h: int, cell_w: int) -> tuple[np.ndarray, np.ndarray]:
    """RISEGrid's draws: a grid from one generator, then per mask y then x from a second one."""
    random = np.random.default_rng(seed).random((n, s, s))
    shift_rng = np.random.default_rng(seed)
    shifts = np.empty((n, 2), dtype=np.int64)
    for i in range(n):
        shifts[i, 0] = shift_rng.integers(0, cell_h)
        shifts[i, 1] = shift_rng.integers(0, cell_w)
    return random, shifts


# ---------------------------------------------------------------------------------------------
# scikit-image 0.19 pieces


def sk_resize(image: np.ndarray, output_shape) -> np.ndarray:
    """skimage.transform.resize(image, output_shape, order=1, mode='reflect', anti_aliasing=False)
    for a 2-D float image (float32 stays float32, as img_as_float leaves floats alone)."""
    if image.ndim != 2 or image.dtype.kind != "f":
        raise ValueError("sk_resize: this emulation covers 2-D float images only")
    out_shape = tuple(output_shape)
    if image.dtype == np.float16:
        image = image.astype(np.float32)
    factors = np.divide(image.shape, out_shape)
    lo, hi = image.min(), image.max()  # clip=True: bounds of the (float) input
    zoom_factors = [1 / f for f in factors]
    # skimage maps mode 'reflect' (np.pad naming) to ndimage's 'mirror'
    out = ndi.zoom(image, zoom_factors, order=1, mode="mirror", cval=0, grid_mode=True)
    np.clip(out, lo, hi, out=out)
    return out


def sk_ellipse(r, c, r_radius, c_radius, shape) -> tuple[np.ndarray, np.ndarray]:
    """skimage.draw.ellipse(r, c, r_radius, c_radius, shape=shape) with rotation 0."""
    rotation = 0.0 % np.pi
    centre = np.array([r, c])
    radii = np.array([r_radius, c_radius])
    sin_a, cos_a = np.sin(rotation), np.cos(rotation)
    half_r = abs(r_radius * cos_a) + c_radius * sin_a
    half_c = r_radius * sin_a + abs(c_radius * cos_a)
    half = np.array([half_r, half_c])
    top_left = np.ceil(centre - half).astype(int)
    bottom_right = np.floor(centre + half).astype(int)
    if shape is not None:
        top_left = np.maximum(top_left, np.array([0, 0]))
        bottom_right = np.minimum(bottom_right, np.array(shape[:2]) - 1)
    origin = centre - top_left
    box = bottom_right - top_left + 1
    rows, cols = np.ogrid[0 : float(box[0]), 0 : float(box[1])]
    dr = rows - origin[0]
    dc = cols - origin[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        dist = ((dr * cos_a + dc * sin_a) / radii[0]) ** 2 + ((dr * sin_a - dc * cos_a) / radii[1]) ** 2
    rr, cc = np.nonzero(dist < 1)
    return rr + top_left[0], cc + top_left[1]


def ellipse_image(r, c, r_radius, c_radius, shape) -> np.ndarray:
    img = np.zeros(tuple(shape[:2]), dtype=bool)
    rr, cc = sk_ellipse(r, c, r_radius, c_radius, shape)
    img[rr, cc] = True
    return img


# ---------------------------------------------------------------------------------------------
# scikit-learn 1.2 maxabs_scale


def maxabs_scale_rows(X: np.ndarray) -> np.ndarray:
    """sklearn.preprocessing.maxabs_scale(X, axis=1): MaxAbsScaler on X.T, transposed back."""
    X = np.asarray(X)
    if X.dtype not in (np.float32, np.float64):
        X = X.astype(np.float64)
    if np.isinf(X).any():
        raise ValueError("maxabs_scale: infinite input")
    Xt = X.T.copy()
    max_abs = np.nanmax(np.abs(Xt), axis=0)
    # _handle_zeros_in_scale: near-constant (below 10 eps of the dtype) scales become 1
    scale = max_abs.copy()
    scale[scale < 10 * np.finfo(scale.dtype).eps] = 1.0
    Xt /= scale
    return Xt.T


# ---------------------------------------------------------------------------------------------
# xaitk-saliency perturbers


def rise_grid(n: int, s: int, p1: float, seed) -> np.ndarray:
    grid = np.random.default_rng(seed).random((n, s, s)) < p1
    return grid.astype("float32")


def rise_perturb(ref_image: np.ndarray, n: int, s: int, p1: float, seed) -> np.ndarray:
    grid = rise_grid(n, s, p1, seed)
    size = np.shape(ref_image)[:2]
    shift_rng = np.random.default_rng(seed)
    cell = np.ceil(np.array(size) / s)  # float64, as upstream
    up = (s + 1) * cell
    height, width = size
    masks = np.empty((n, *size), dtype=grid.dtype)
    for i in range(n):
        y = shift_rng.integers(0, cell[0])
        x = shift_rng.integers(0, cell[1])
        masks[i, ...] = sk_resize(grid[i], up)[y : y + height, x : x + width]
    return masks


def sliding_window_perturb(ref_image: np.ndarray, window_size, stride) -> np.ndarray:
    win_h, win_w = int(window_size[0]), int(window_size[1])
    st_h, st_w = int(stride[0]), int(stride[1])
    img_h, img_w = ref_image.shape[:2]
    rows = np.arange(0, img_h, st_h)
    cols = np.arange(0, img_w, st_w)
    rows -= (win_h - (img_h - rows[-1])) // 2  # floor division, also when negative
    cols -= (win_w - (img_w - cols[-1])) // 2
    masks = np.ones((len(rows) * len(cols), img_h, img_w), dtype=bool)
    k = 0
    for r in rows:
        for c in cols:
            masks[k, max(0, r) : min(r + win_h, img_h), max(0, c) : min(c + win_w, img_w)] = False
            k += 1
    return masks


def sliding_radial_perturb(ref_image: np.ndarray, radius, stride, sigma) -> np.ndarray:
    st_h, st_w = int(stride[0]), int(stride[1])
    img_h, img_w = ref_image.shape[:2]
    xs = np.arange(0, img_w, st_w)
    ys = np.arange(0, img_h, st_h)
    sig = (sigma[0], sigma[1]) if sigma else None  # a 2-tuple is truthy even when (0, 0)
    masks = np.zeros((len(xs) * len(ys), img_h, img_w), dtype="float32" if sig else "bool")
    k = 0
    for cy in ys:
        for cx in xs:
            m = masks[k]
            m[sk_ellipse(cy, cx, radius[0], radius[1], m.shape)] = 1
            if sig:
                m[:] = ndi.gaussian_filter(m, sigma=sig)
                m[:] = m / m.max()
            m[:] = 1 - m if sig else ~m
            k += 1
    return masks


# ---------------------------------------------------------------------------------------------
# xaitk-saliency masking utilities

_ONE_U8 = np.uint8(1)


def weight_regions_by_scalar(scalars: np.ndarray, masks: np.ndarray, inv_masks=True, normalize=True) -> np.ndarray:
    # upcast the "smaller" dtype to the other (dtype ordering = safe-cast ordering)
    if scalars.dtype < masks.dtype:
        scalars = scalars.astype(max(scalars.dtype, masks.dtype))
    elif masks.dtype < scalars.dtype:
        masks = masks.astype(max(scalars.dtype, masks.dtype))
    if inv_masks:
        masks = _ONE_U8 - masks
    out = np.zeros((scalars.shape[1], masks.shape[1], masks.shape[2]), dtype=max(scalars.dtype, masks.dtype))
    for ci, per_mask in enumerate(np.transpose(scalars)):
        for m, v in zip(masks, per_mask):
            out[ci] += m * v
    if normalize:
        total = masks.sum(axis=0)
        total[total == 0] = 1.0
        out /= total
    return out


def occlude_image_batch(ref_image: np.ndarray, masks: np.ndarray, fill=None) -> np.ndarray:
    sl = (..., None) if ref_image.ndim > 2 else (...,)
    out = np.empty((len(masks), *ref_image.shape), dtype=ref_image.dtype)
    mv = masks[sl]
    for i in range(len(masks)):
        occ = mv[i] * ref_image
        if fill is not None:
            occ += (_ONE_U8 - mv[i]) * np.array(fill, dtype=ref_image.dtype)
        out[i] = occ.astype(ref_image.dtype)
    return out


def occlude_image_streaming(ref_image: np.ndarray, masks, fill=None, arithmetic: str = "numpy"):
    """Yields occluded images. arithmetic 'numpy' is the reference; 'float64' and 'float32'
    are the two alternatives a port may use (exact float64, or everything in float32), used
    only to size the tolerance of the stack cases."""
    sl = (..., None) if ref_image.ndim > 2 else (...,)
    for m in masks:
        img = np.empty_like(ref_image)
        mm = m[sl]
        if arithmetic == "numpy":
            if fill is not None:
                np.add(mm * ref_image, (_ONE_U8 - mm) * fill, out=img, casting="unsafe")
            else:
                np.multiply(mm, ref_image, out=img, casting="unsafe")
        else:
            dt = np.float64 if arithmetic == "float64" else np.float32
            mf = mm.astype(dt)
            val = mf * ref_image.astype(dt)
            if fill is not None:
                val = val + (dt(1) - mf) * np.asarray(fill, dtype=dt)
            img[...] = val.astype(dt).astype(ref_image.dtype)
        yield img


# ---------------------------------------------------------------------------------------------
# xaitk-saliency scorers


def _scale_and_clip(sal: np.ndarray) -> np.ndarray:
    sal = maxabs_scale_rows(sal.reshape(sal.shape[0], -1)).reshape(sal.shape)
    return np.clip(sal, -1, 1)


def occlusion_scoring(image_conf, perturbed_conf, masks) -> np.ndarray:
    diff = image_conf - perturbed_conf
    return _scale_and_clip(weight_regions_by_scalar(diff, masks))


def rise_scoring(image_conf, perturbed_conf, masks, p1: float) -> np.ndarray:
    sal = weight_regions_by_scalar(perturbed_conf, masks - p1, inv_masks=False, normalize=False)
    return _scale_and_clip(sal)


def similarity_scoring(query, ref, perturbed, masks, metric: str) -> np.ndarray:
    """salkit's generate(queryDescr, refDescr, ...) = xaitk generate(ref_descr=refDescr,
    query_descrs=queryDescr as 2-D); a 1-D query gives the single [H,W] map."""
    q2 = query.reshape(1, -1) if query.ndim == 1 else query
    d0 = scipy_cdist(ref.reshape(1, -1), q2, metric=metric)
    dp = scipy_cdist(q2, perturbed, metric=metric)
    diff = np.transpose(np.clip(dp - np.transpose(d0), 0, None))
    sal = _scale_and_clip(weight_regions_by_scalar(diff, masks))
    return sal[0] if query.ndim == 1 else sal


def drise_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    ax1, ay1, ax2, ay2 = np.split(a, 4, axis=1)
    bx1, by1, bx2, by2 = np.split(b, 4, axis=1)
    x_lo = np.maximum(ax1, bx1.T)
    y_lo = np.maximum(ay1, by1.T)
    x_hi = np.minimum(ax2, bx2.T)
    y_hi = np.minimum(ay2, by2.T)
    inter = np.maximum(x_hi - x_lo + 1, 0) * np.maximum(y_hi - y_lo + 1, 0)
    area_a = (ax2 - ax1 + 1) * (ay2 - ay1 + 1)
    area_b = (bx2 - bx1 + 1) * (by2 - by1 + 1)
    return inter / (area_a + area_b.T - inter + np.finfo(float).eps)


def drise_scoring(ref_dets, perturbed_dets, masks) -> np.ndarray:
    n_masks, n_props = perturbed_dets.shape[:2]
    n_dets = len(ref_dets)
    s1 = drise_iou(perturbed_dets[:, :, :4].reshape(-1, 4), ref_dets[:, :4]).reshape(n_masks, n_props, n_dets)
    s2 = 1 - scipy_cdist(perturbed_dets[:, :, 5:].reshape(n_masks * n_props, -1), ref_dets[:, 5:], metric="cosine")
    s2 = s2.reshape(n_masks, n_props, n_dets)
    s3 = perturbed_dets[:, :, 4:5]
    s = (s1 * s2 * s3).max(axis=1)
    return _scale_and_clip(weight_regions_by_scalar(s, masks, inv_masks=False))


def wminkowski_classic(XA, XB, p, w) -> np.ndarray:
    """The pre-1.8 scipy wminkowski (not in scipy 1.10): (sum |w_i (u_i - v_i)|^p)^(1/p)."""
    d = np.abs(w * (XA[:, None, :] - XB[None, :, :])) ** p
    return d.sum(axis=2) ** (1.0 / p)


# ---------------------------------------------------------------------------------------------
# the black box of the stack cases and the stacks


def blackbox_conf(image: np.ndarray, k_labels: int) -> np.ndarray:
    h, w = image.shape[:2]
    ch = image.shape[2] if image.ndim == 3 else 1
    x = image.astype(np.float64).reshape(h, w, ch)
    m = x.sum(axis=2) / (ch * 255)
    sd = 0.2 * min(h, w)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    conf = np.empty(k_labels, dtype=np.float64)
    for k in range(k_labels):
        cy = h * (k + 1) / (k_labels + 1)
        cx = w * (k_labels - k) / (k_labels + 1)
        wk = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * sd * sd))
        z = 6 * np.sum(m * wk) / np.sum(wk) - 3
        conf[k] = 1 / (1 + np.exp(-z))
    return conf


def perturbation_occlusion(ref_image, masks, scorer, k_labels, fill, arithmetic="numpy") -> np.ndarray:
    """PerturbationOcclusion._generate with the formula black box; `scorer(conf, pert, masks)`."""
    ref_conf = blackbox_conf(ref_image, k_labels)
    pert = np.empty((masks.shape[0], k_labels), dtype=ref_conf.dtype)
    for i, img in enumerate(occlude_image_streaming(ref_image, masks, fill, arithmetic)):
        pert[i] = blackbox_conf(img, k_labels)
    return scorer(ref_conf, pert, masks)


def rise_stack(ref_image, params, fill, arithmetic="numpy") -> np.ndarray:
    masks = rise_perturb(ref_image, params["n"], params["s"], params["p1"], params["seed"])
    p1 = params["p1"] if params.get("debiased", True) else 0.0
    scorer = lambda c, p, m: rise_scoring(c, p, m, p1)  # noqa: E731
    return perturbation_occlusion(ref_image, masks, scorer, params["numLabels"], fill, arithmetic)


def sliding_window_stack(ref_image, params, fill, arithmetic="numpy") -> np.ndarray:
    masks = sliding_window_perturb(ref_image, params["windowSize"], params["stride"])
    return perturbation_occlusion(ref_image, masks, occlusion_scoring, params["numLabels"], fill, arithmetic)


def perturbation_occlusion_stack(ref_image, params, fill, arithmetic="numpy") -> np.ndarray:
    """PerturbationOcclusion({perturber: {type, ...}, generator: {type, ...}}) with the formula black box."""
    p = dict(params["perturber"])
    kind = p.pop("type")
    if kind == "SlidingRadial":
        masks = sliding_radial_perturb(ref_image, p["radius"], p["stride"], p.get("sigma"))
    elif kind == "SlidingWindow":
        masks = sliding_window_perturb(ref_image, p["windowSize"], p["stride"])
    elif kind == "RISEGrid":
        seed = int(p["seed"]) if isinstance(p["seed"], str) else p["seed"]
        masks = rise_perturb(ref_image, p["n"], p["s"], p["p1"], seed)
    else:
        raise KeyError(kind)
    gp = dict(params["generator"])
    gkind = gp.pop("type")
    if gkind == "OcclusionScoring":
        scorer = occlusion_scoring
    elif gkind == "RISEScoring":
        scorer = lambda c, pc, m: rise_scoring(c, pc, m, gp.get("p1", 0.0))  # noqa: E731
    else:
        raise KeyError(gkind)
    return perturbation_occlusion(ref_image, masks, scorer, params["numLabels"], fill, arithmetic)
