"""Reference values for io.github.elbo4j.gp tests (run outside the tests, output committed).

    /usr/bin/python3 make_reference.py > sklearn_reference.json

scikit-learn's GaussianProcessRegressor with fixed hyperparameters (optimizer=None) and the noise
variance as `alpha`: its log marginal likelihood and latent predictive mean/sd (predict with
return_std=True excludes alpha, i.e. the sd of f*, not of y*); the kernel matrices themselves; and
numpy's Gauss-Hermite rule (hermgauss) for two orders; scipy's log_ndtr at a few points.
"""
import json

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel as C, DotProduct, ExpSineSquared, Matern

rng = np.random.default_rng(20)


def case(name, kernel, d, noise, n=25, ns=12):
    x = rng.uniform(-2, 2, size=(n, d))
    y = np.sin(2 * x[:, 0]) + (0.5 * x[:, 1] if d > 1 else 0) + 0.3 * rng.standard_normal(n)
    xs = rng.uniform(-2.5, 2.5, size=(ns, d))
    gp = GaussianProcessRegressor(kernel=kernel, alpha=noise, optimizer=None, normalize_y=False)
    gp.fit(x, y)
    mean, sd = gp.predict(xs, return_std=True)
    return {
        "name": name, "kernel": str(kernel), "noise": noise,
        "x": x.tolist(), "y": y.tolist(), "xs": xs.tolist(),
        "lml": float(gp.log_marginal_likelihood_value_),
        "mean": mean.tolist(), "sd": sd.tolist(),
        "kxxs": kernel(x[:6], xs[:5]).tolist(),
    }


cases = [
    case("se_ard", C(1.3) * RBF([0.7, 1.9]), 2, 0.1),
    case("matern12", C(0.8) * Matern(0.9, nu=0.5), 1, 0.05),
    case("matern32", C(1.1) * Matern([0.6, 1.4], nu=1.5), 2, 0.2),
    case("matern52", C(0.9) * Matern(1.2, nu=2.5), 1, 0.07),
    case("periodic", C(1.2) * ExpSineSquared(0.8, 1.7), 1, 0.1),
    case("linear", C(0.6) * DotProduct(sigma_0=0.0, sigma_0_bounds="fixed"), 2, 0.3),
    case("sum", C(1.0) * RBF(0.9) + C(0.5) * ExpSineSquared(1.1, 2.3), 1, 0.08),
    case("product", C(0.7) * RBF([1.5, 0.8]) * (C(0.4) * DotProduct(sigma_0=0.0, sigma_0_bounds="fixed")), 2, 0.15),
]
from scipy.special import log_ndtr
logcdf_x = [-40.0, -10.0, -3.0, -0.5, 0.0, 0.5, 3.0, 8.0]
logcdf = {"x": logcdf_x, "value": [float(log_ndtr(v)) for v in logcdf_x]}
gh = {str(q): [v.tolist() for v in np.polynomial.hermite.hermgauss(q)] for q in (5, 20)}
print(json.dumps({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases, "hermgauss": gh,
                  "log_ndtr": logcdf},
                 indent=1))
