# Reference values for packages/distance/src/scipy110.test.ts, produced with
# scipy 1.10.1 + numpy 1.24.4: python3 test/scipy110.py > test/scipy110.json
# (inside packages/distance). Not run by the tests.
import json, math, warnings
import numpy as np
from scipy.spatial.distance import cdist
warnings.simplefilter('ignore')
nan, inf = np.nan, np.inf
E = np.array([[0, 0, 0, 0], [1, 2, 3, 4], [nan, 1, 2, 3], [inf, 1, 2, 3], [-1, 2, -3, 4], [0, -0.0, 1, 0]], float)
R1 = np.array([[0.5, -1.25, 3, 2, 0.125], [1, 1, 1, 1, 1], [-2, 0.5, 0, 4, 1.5], [3, 2, 1, 0, -1]], float)
R2 = np.array([[0.25, 0.75, -0.5, 1, 2], [2, -1, 0.5, 3, 0], [1.5, 1.5, 1.5, 1.5, 1.5]], float)
P1 = np.array([[0.1, 0.2, 0.3, 0.4], [1, 0, 0, 0], [2, 2, 0, 1]], float)
P2 = np.array([[0.25, 0.25, 0.25, 0.25], [0, 0, 3, 1]], float)
B = np.array([[0, 0, 0, 0], [1, 1, 1, 1], [1, 0, 1, 0], [0, 1, 0, 1], [2, 0, nan, 0], [0, 0, 0, -3]], float)
U8a = np.array([[2, 0, 1, 7], [0, 0, 0, 0], [1, 1, 0, 0]], np.uint8)
U8b = np.array([[1, 0, 1, 7], [3, 0, 0, 0]], np.uint8)
w = np.array([0, 1, 2, 0.5])
w5 = np.array([1, 0.5, 0, 2, 3])
V5 = np.array([1, 2, 0.5, 4, 1.5])
VI5 = np.linalg.inv(np.cov(np.vstack([R1, R2, R1 * 0.5 + 1]).T))

def enc(x):
    out = []
    for v in np.asarray(x, float).ravel():
        if math.isnan(v): out.append('nan')
        elif math.isinf(v): out.append('inf' if v > 0 else '-inf')
        else: out.append(float(v))
    return out

cases = []
def add(label, XA, XB, metric, **kw):
    d = cdist(XA, XB, metric, **kw)
    cases.append({'label': label, 'XA': enc(XA), 'shapeA': list(XA.shape), 'XB': enc(XB), 'shapeB': list(XB.shape),
                  'dtype': str(XA.dtype), 'metric': metric,
                  'options': {k: (v.tolist() if isinstance(v, np.ndarray) else ('inf' if v == inf else v)) for k, v in kw.items()},
                  'shape': list(d.shape), 'out': enc(d)})

for m in ['braycurtis', 'canberra', 'chebyshev', 'cityblock', 'correlation', 'cosine', 'euclidean', 'sqeuclidean',
          'hamming', 'jaccard', 'jensenshannon', 'minkowski', 'seuclidean', 'mahalanobis']:
    if m in ('seuclidean', 'mahalanobis'): continue
    add(f'edge rows {m}', E, E, m)
for p in [1, 3, 0.5, inf]:
    add(f'edge rows minkowski p={p}', E, E, 'minkowski', p=p)
for p in [1, 2, 3, 0.5, inf]:
    add(f'edge rows weighted minkowski p={p}', E, E, 'minkowski', p=p, w=w)
add('edge rows weighted hamming', E, E, 'hamming', w=w)
for m in ['braycurtis', 'canberra', 'chebyshev', 'cityblock', 'correlation', 'cosine', 'euclidean', 'sqeuclidean',
          'hamming', 'jaccard', 'minkowski', 'seuclidean', 'mahalanobis']:
    add(f'signed data {m}', R1, R2, m)
add('signed data minkowski p=2.5', R1, R2, 'minkowski', p=2.5)
add('signed data minkowski p=3 w', R1, R2, 'minkowski', p=3, w=w5)
add('signed data seuclidean V', R1, R2, 'seuclidean', V=V5)
add('signed data mahalanobis VI', R1, R2, 'mahalanobis', VI=VI5)
for p in [1, 2, 3]:
    add(f'signed data wminkowski p={p} (= minkowski w**p)', R1, R2, 'minkowski', p=p, w=w5 ** p)
add('distributions jensenshannon', P1, P2, 'jensenshannon')
add('zero-sum / negative rows jensenshannon', np.array([[0, 0, 0, 0.], [1, -1, 2, 0]]), P2, 'jensenshannon')
for m in ['dice', 'kulczynski1', 'kulsinski', 'rogerstanimoto', 'russellrao', 'sokalmichener', 'sokalsneath', 'yule',
          'hamming', 'jaccard', 'matching']:
    add(f'non-bool input to {m}', B, B, m)
for m in ['hamming', 'jaccard', 'dice', 'yule', 'euclidean', 'cosine']:
    add(f'uint8 input {m}', U8a, U8b, m)
print(json.dumps(cases))
