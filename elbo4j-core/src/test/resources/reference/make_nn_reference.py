#!/usr/bin/env python3
"""Reference values for the nn package's activations, computed with mpmath at 50 digits.

Writes nn_activations.csv next to this script; nn/ActivationTest reads it.

    /usr/bin/python3 make_nn_reference.py

Columns: function, x, value, derivative (each the double nearest the 50-digit result, printed with
Python's repr, which round-trips). Definitions:
  elu(x)      = x if x > 0 else exp(x) - 1           (alpha = 1; Clevert et al., ICLR 2016)
  elu'(x)     = 1 if x > 0 else exp(x)
  gelu(x)     = x * Phi(x), Phi(x) = erfc(-x / sqrt 2) / 2   (exact GELU; Hendrycks & Gimpel 2016)
  gelu'(x)    = Phi(x) + x * phi(x), phi(x) = exp(-x^2 / 2) / sqrt(2 pi)
  softplus(x) = log(1 + exp(x)), derivative sigmoid(x)
  sigmoid(x)  = 1 / (1 + exp(-x)), derivative sigmoid(x) (1 - sigmoid(x))
  tanh(x), derivative 1 - tanh(x)^2
If PyTorch is importable, the script also checks that torch.nn.functional.gelu / elu / softplus
agree with these values (relative 1e-14 where |value| > 1e-300), i.e. that elbo4j's exact GELU is
torch's GELU(approximate='none').
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 50

POINTS = ["-40", "-30", "-10", "-5", "-3", "-1", "-0.5", "-1e-8", "0", "1e-8", "0.5", "1", "3", "5", "10", "30"]


def phi_cdf(x):
    return mp.erfc(-x / mp.sqrt(2)) / 2


def phi_pdf(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


FUNCTIONS = {
    "ELU": (lambda x: x if x > 0 else mp.expm1(x), lambda x: mp.mpf(1) if x > 0 else mp.exp(x)),
    "GELU": (lambda x: x * phi_cdf(x), lambda x: phi_cdf(x) + x * phi_pdf(x)),
    "SOFTPLUS": (lambda x: mp.log1p(mp.exp(x)), sigmoid),
    "SIGMOID": (sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "TANH": (mp.tanh, lambda x: 1 - mp.tanh(x) ** 2),
}

rows = []
for name, (f, df) in FUNCTIONS.items():
    for p in POINTS:
        x = mp.mpf(float(p))  # the double the Java test passes
        rows.append((name, float(x), float(f(x)), float(df(x))))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn_activations.csv")
with open(out, "w", newline="") as fh:
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(["function", "x", "value", "derivative"])
    for name, x, v, d in rows:
        w.writerow([name, repr(x), repr(v), repr(d)])

try:
    import torch
    import torch.nn.functional as F

    # torch's float64 kernels lose digits where these do not: elu computes exp(x) - 1 (not expm1)
    # near 0-, gelu computes x (1 + erf(x / sqrt 2)) / 2, which cancels for x < -3 (0 below -8),
    # softplus returns x above 20. The check asserts agreement where neither form is ill-conditioned
    # and prints the other differences.
    torch_fns = {"ELU": F.elu, "GELU": F.gelu, "SOFTPLUS": F.softplus, "SIGMOID": torch.sigmoid, "TANH": torch.tanh}
    for name, x, v, _ in rows:
        t = torch_fns[name](torch.tensor([x], dtype=torch.float64)).item()
        rel = abs(t - v) / abs(v) if v != 0 else abs(t)
        if -1 <= x <= 10 and abs(x) > 1e-4 or x == 0:
            assert rel < 1e-14, (name, x, v, t)
        elif rel > 1e-15:
            print(f"torch differs at {name}({x}): mpmath {v!r}, torch {t!r}")
    print("torch agrees on the well-conditioned points")
except ImportError:
    print("torch not installed: no cross-check")
print("wrote", out, len(rows), "rows")
