#!/usr/bin/python3
"""Reference values for MatrixGaussianLinearTest (elbo4j-core, package bnn).

A matrix-variate Gaussian W~ ~ MN(M, U, V) over the (in+1) x out matrix [W; b], in = 3, out = 3,
U = diag(a^2), a = softplus(rhoA); V = B B^T, B = tril(L, -1) + diag(softplus(rhoB)).
Written from the definitions, densely, never from the Kronecker closed form:
  * Sigma = cov(vec(W~)) (columns stacked) = kron(V, U), a 12 x 12 matrix;
  * KL(N(vec M, Sigma) || N(0, s^2 I)) = 0.5 [tr(Sigma)/s^2 + |vec M|^2/s^2 - D + D log s^2 - log det Sigma]
    with log det by numpy.linalg.slogdet, for s in {1, 0.3};
  * for each input row x: the pre-activation x~ W~ (x~ = [x, 1]) has mean x~ M and covariance
    (I kron x~) Sigma (I kron x~)^T computed by the dense product (not the formula (x~ U x~^T) V).
Output: matrix_gaussian.json next to this script.
"""
import json, os
import numpy as np

rng = np.random.RandomState(20261207)
IN, OUT = 3, 3
M = rng.normal(0, 0.7, (IN + 1, OUT))
rhoA = rng.normal(-0.5, 0.6, IN + 1)
L = rng.normal(0, 0.5, (OUT, OUT))  # the upper triangle and diagonal of L must be ignored
rhoB = rng.normal(-0.3, 0.6, OUT)
X = np.array([[1.0, -2.0, 0.5], [0.3, 0.0, -1.5]])

softplus = lambda r: np.log1p(np.exp(r))
a = softplus(rhoA)
B = np.tril(L, -1) + np.diag(softplus(rhoB))
U = np.diag(a ** 2)
V = B @ B.T
Sigma = np.kron(V, U)  # vec stacks columns: block (j, k) is V_jk U
vecM = M.flatten(order="F")
D = vecM.size

def kl(s):
    sign, logdet = np.linalg.slogdet(Sigma)
    assert sign > 0
    return 0.5 * (np.trace(Sigma) / s**2 + vecM @ vecM / s**2 - D + D * np.log(s**2) - logdet)

rows = []
for x in X:
    xt = np.append(x, 1.0)
    J = np.kron(np.eye(OUT), xt[None, :])  # out x D: (x~ W~)_j = x~ . column j = J vec(W~)
    rows.append({"x": x.tolist(), "mean": (J @ vecM).tolist(), "cov": (J @ Sigma @ J.T).tolist()})

out = {"in": IN, "out": OUT, "M": M.tolist(), "rhoA": rhoA.tolist(), "L": L.tolist(), "rhoB": rhoB.tolist(),
       "kl": [{"prior_scale": s, "value": kl(s)} for s in (1.0, 0.3)], "rows": rows}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrix_gaussian.json"), "w") as f:
    json.dump(out, f, indent=1)
print(out["kl"])
