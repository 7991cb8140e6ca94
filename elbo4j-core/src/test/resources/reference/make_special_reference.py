#!/usr/bin/env python3
"""Reference values for io.github.elbo4j.math.SpecialFunctions and LogSpace.

Writes special_functions.csv next to this script, with the columns

    function,x,y,expected

`function` is the Java method name. `x` and `y` are its arguments (`y` empty for a
function of one argument). Two functions take a different shape of input:

* regularizedBeta(x, a, b) has three arguments: they are written as x = x and
  y = "a b" (two numbers separated by one space).
* logSumExp(double[]) takes an array: it is written in x as numbers separated by
  one space, with y empty.

Every argument is a Python float (an IEEE double) written with repr(), which Java's
Double.parseDouble reads back to the same double. `expected` is the exact value of
the function at that double, computed with mpmath at 60, then 120 (then 240)
significant digits, kept only once two successive precisions round to the same
double, and rounded once; "inf" and "-inf" stand for the infinities. Rows that
mpmath cannot settle are skipped and listed on stderr; so are NaN results (the Java
tests check NaN behaviour by hand) and subnormal results, whose relative error means
nothing.

Each value is cross-checked against scipy.special (or numpy) where scipy has the
function; a disagreement larger than 1e-9 relative is printed, so that a slip in the
mpmath expression is caught when the file is regenerated. The CSV is the reference,
never scipy.

Run with:  python3 make_special_reference.py   (needs mpmath, scipy, numpy)
"""

import math
import os
import sys

import mpmath as mp
import numpy as np
import scipy.special as sc

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "special_functions.csv")
TINY = 2.2250738585072014e-308  # smallest normal double
# Expected values below this magnitude (but not 0) are subnormal: their relative error
# is meaningless, so such rows are left out.
MIN_EXPECTED = 1e-300


def to_double(v):
    """Round an mpmath value once to the nearest double (inf on overflow)."""
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    return float(mp.mpf(v))


def fmt(v):
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(float(v))


def logspace(lo, hi, per_decade):
    """Doubles spread evenly in log10 from 10^lo to 10^hi."""
    n = int((hi - lo) * per_decade) + 1
    return [float(10.0 ** e) for e in np.linspace(lo, hi, n)]


# ---------------------------------------------------------------- exact definitions

def lgamma(x):
    return mp.log(abs(mp.gamma(x)))


def digamma(x):
    return mp.digamma(x)


def trigamma(x):
    if x < 0:
        # Reflection (DLMF 5.15.6): mpmath's own psi(1, x) recurs step by step for x < 0.
        return mp.pi ** 2 / mp.sin(mp.pi * x) ** 2 - trigamma(1 - x)
    if x >= 1e4:
        # Asymptotic series (DLMF 5.15.8): mpmath's psi(1, x) is very slow for some large x.
        # With 25 terms the remainder is below x^-50, far under 60 digits.
        total = 1 / x + 1 / (2 * x ** 2)
        for k in range(1, 26):
            total += mp.bernoulli(2 * k) / x ** (2 * k + 1)
        return total
    return mp.psi(1, x)


def erf(x):
    return mp.erf(x)


def erfc(x):
    return mp.erfc(x)


def erfinv(p):
    if p == 1:
        return mp.inf
    if p == -1:
        return -mp.inf
    return mp.erfinv(p)


def erfcinv(q):
    """Solve erfc(t) = q on the log scale, seeded from scipy, to keep tiny q exact."""
    if q == 0:
        return mp.inf
    if q == 2:
        return -mp.inf
    if q == 1:
        return mp.mpf(0)
    if q > 1:
        # erfc(-t) = 2 - erfc(t): 2 - q is exact in mpmath.
        return -erfcinv_small(mp.mpf(2) - mp.mpf(q))
    return erfcinv_small(mp.mpf(q))


def erfcinv_small(q):
    if q > mp.mpf("0.5"):
        return mp.erfinv(1 - q)
    start = float(sc.erfcinv(float(q))) if float(q) > 0 else 27.0
    t = mp.findroot(lambda t: mp.log(mp.erfc(t)) - mp.log(q), mp.mpf(start))
    return t


def log_beta(a, b):
    """log Γ(a) + log Γ(b) - log Γ(a + b) with a + b exact and enough digits for the cancellation."""
    total = mp.fadd(a, b, exact=True)
    digits = int(mp.log10(max(a, b) / min(a, b))) if min(a, b) > 0 else 0
    with mp.extradps(max(0, digits) + 20):
        return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(total)


def gamma_p(a, x):
    try:
        return mp.gammainc(a, 0, x, regularized=True)
    except mp.libmp.NoConvergence:
        # The lower series fails far in the upper tail, where P = 1 - Q and Q converges.
        return 1 - mp.gammainc(a, x, mp.inf, regularized=True)


def gamma_q(a, x):
    try:
        return mp.gammainc(a, x, mp.inf, regularized=True)
    except mp.libmp.NoConvergence:
        return 1 - mp.gammainc(a, 0, x, regularized=True)


def reg_beta(x, a, b):
    if a == b and x == mp.mpf(0.5):
        return mp.mpf(0.5)  # exact by the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
    try:
        return mp.betainc(a, b, 0, x, regularized=True)
    except mp.libmp.NoConvergence:
        return 1 - mp.betainc(b, a, 0, 1 - x, regularized=True)


def log_sum_exp(xs):
    """m + log1p(Σ_{i≠k} exp(x_i - m)) with x_k = m the largest: log1p keeps tiny sums exact."""
    m = max(xs)
    if math.isinf(m):
        return mp.mpf(m)
    rest = list(xs)
    rest.remove(m)
    return m + mp.log1p(mp.fsum(mp.exp(mp.mpf(v) - m) for v in rest))


def log_add_exp(a, b):
    return log_sum_exp([a, b])


def softplus(x):
    return mp.log1p(mp.exp(x)) if x < 700 else x + mp.log1p(mp.exp(-x))


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def log_sigmoid(x):
    return -softplus(-x)


def logit(p):
    if p == 0:
        return -mp.inf
    if p == 1:
        return mp.inf
    return mp.log(p) - mp.log(1 - mp.mpf(p))


def log1m_exp(x):
    if x == 0:
        return -mp.inf
    if x < -1:
        return mp.log1p(-mp.exp(x))
    return mp.log(-mp.expm1(x))


def log1p(x):
    if x == -1:
        return -mp.inf
    return mp.log1p(x)


def expm1(x):
    return mp.expm1(x)


# ---------------------------------------------------------------- argument grids

def sym(values):
    return sorted(set([-v for v in values] + list(values)))


def lgamma_args():
    xs = logspace(-300, 305, 2)
    xs += [TINY, 5e-324, 0.5, 1.5, 2.5, 3.0, 4.0, 10.0, 0.1, 0.9, 1.1, 1.9, 2.1]
    xs += [1 + d for d in (1e-15, 1e-10, 1e-5, -1e-15, -1e-10, -1e-5)]
    xs += [2 + d for d in (1e-15, 1e-10, 1e-5, -1e-15, -1e-10, -1e-5)]
    xs += [171.5, 171.7, 1e6 + 0.5, 2.5e305, 1.7976931348623157e308]
    # Negative non-integers: log|Γ(x)| (the poles at 0, -1, -2, ... give NaN).
    xs += [-0.5, -1.5, -2.5, -0.1, -0.9, -3.7, -10.25, -100.5, -170.5, -1e-10, -1 + 1e-10]
    xs += [math.inf]
    return [(x,) for x in xs]


def digamma_args():
    xs = logspace(-300, 300, 2)
    root = 1.4616321449683623  # the positive root of ψ, as a double
    xs += [root, math.nextafter(root, 2), math.nextafter(root, 0), root + 1e-8, root - 1e-8,
           0.5, 1.0, 1.5, 2.0, 3.0, 6.0, 10.0, 20.0, 50.0, 100.0, 1e-5 + 1]
    xs += [-0.5, -1.5, -2.5, -0.1, -0.9, -1.1, -3.7, -10.25, -100.5, -1e-10, -1 + 1e-10,
           -1 - 1e-10, -1e4 + 0.5, -0.5040830082644554,  # the root of ψ in (-1, 0)
           -999999.5, -9999999999.5, -999999999999999.5]
    xs += [math.inf]
    return [(x,) for x in xs]


def trigamma_args():
    xs = logspace(-150, 300, 2)
    xs += [0.5, 1.0, 1.5, 2.0, 3.0, 6.0, 10.0, 20.0, 50.0, 100.0]
    xs += [-0.5, -1.5, -2.5, -0.1, -0.9, -1.1, -3.7, -10.25, -100.5, -1e-10, -1 + 1e-10, -1e4 + 0.5,
           -999999.5, -9999999999.5, -999999999999999.5, 5e-5, 2e-4, 1e-3]
    xs += [math.inf]
    return [(x,) for x in xs]


def erf_args():
    xs = logspace(-300, 0, 2) + list(np.linspace(0.05, 6.0, 120)) + [6.5, 10.0, 1e10, 1e300, math.inf]
    return [(x,) for x in sym(xs)] + [(0.0,)]


def erfc_args():
    xs = list(np.linspace(-6.0, 27.0, 331)) + [-1e300, -math.inf, 1e-300, -1e-300, 1e-10, -1e-10,
                                                 30.0, 1e10, math.inf]
    xs += [-v for v in logspace(-20, 0, 2)] + logspace(-20, 0, 2)
    return [(x,) for x in xs]


def erfinv_args():
    ps = logspace(-300, -1, 2) + list(np.linspace(0.1, 0.99, 90))
    ps += [1 - 10.0 ** -k for k in range(3, 16)] + [math.nextafter(1.0, 0), 1.0]
    return [(p,) for p in sym(ps)] + [(0.0,)]


def erfcinv_args():
    qs = logspace(-300, -1, 2) + list(np.linspace(0.1, 1.9, 91))
    qs += [2 - 10.0 ** -k for k in range(2, 16)] + [math.nextafter(2.0, 0), 0.0, 1.0, 2.0]
    return [(q,) for q in qs]


def log_beta_args():
    grid = [1e-300, 1e-100, 1e-10, 1e-3, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 55.5, 1e3, 1e5,
            1e10, 1e100, 1e300]
    return [(a, b) for a in grid for b in grid]


def gamma_args():
    shapes = [1e-10, 1e-3, 0.1, 0.5, 1.0, 1.5, 2.5, 7.3, 20.0, 100.0, 1e3, 1e4, 1e5]
    ratios = [1e-5, 1e-2, 0.1, 0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 1.5, 2.0, 5.0, 20.0]
    out = [(a, a * r) for a in shapes for r in ratios]
    out += [(a, x) for a in (0.5, 1.0, 3.0, 30.0) for x in (1e-300, 1e-10, 1e-3, 50.0, 200.0, 700.0)]
    return out


def reg_beta_args():
    xs = [1e-100, 1e-10, 1e-3, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-10, 0.0, 1.0]
    ab = [1e-3, 0.1, 0.5, 1.0, 2.5, 10.0, 100.0, 1e4]
    return [(x, a, b) for x in xs for a in ab for b in ab]


def log_sum_exp_args():
    return [
        ([0.0],), ([1.0, 2.0],), ([1.0, 2.0, 3.0],), ([-1000.0, -1000.0],), ([1000.0, 1000.0],),
        ([1000.0, -1000.0],), ([1e-10, -1e-10],), ([0.0, 0.0, 0.0, 0.0],),
        ([-745.0, -746.0, -747.0],), ([709.0, 709.5, 710.0],), ([-math.inf, 0.0],),
        ([-math.inf, -math.inf, 3.5],), ([1e300, 1.0],), ([-1e300, -1e300],),
        ([0.1 * k for k in range(-50, 51)],), ([-5.0, 1e-20, 40.0, 36.0, 2.5],),
        ([-1e-16, -1e-16],),
    ]


def pair_args():
    vals = [-1e300, -1000.0, -745.0, -36.0, -1.0, -1e-10, 0.0, 1e-10, 0.5, 1.0, 20.0, 709.0,
            1000.0, 1e300, -math.inf]
    return [(a, b) for a in vals for b in vals]


def real_line_args(extra=()):
    xs = sym(logspace(-300, 300, 2) + list(np.linspace(0.25, 50.0, 100)) + [700.0, 745.0, 1000.0])
    return [(x,) for x in xs + [0.0, math.inf, -math.inf] + list(extra)]


def logit_args():
    ps = logspace(-300, -1, 3) + list(np.linspace(0.1, 0.9, 81))
    ps += [0.5 + d for d in (1e-16, 1e-12, 1e-8, 1e-4, -1e-16, -1e-12, -1e-8, -1e-4)]
    ps += [1 - 10.0 ** -k for k in range(2, 17)] + [math.nextafter(1.0, 0), 0.0, 1.0, 0.25, 0.75]
    return [(p,) for p in ps]


def log1m_exp_args():
    xs = [-v for v in logspace(-300, 3, 2)] + [-0.6931471805599453, -0.6931471805599454,
                                               -0.69314718055994, -0.6931471805599, 0.0, -math.inf]
    return [(x,) for x in xs]


def log1p_args():
    xs = sym(logspace(-300, -1, 3)) + list(np.linspace(-0.99, 10.0, 111)) + logspace(1, 300, 1)
    xs += [-1.0, math.nextafter(-1.0, 0), -1 + 1e-10, math.inf]
    return [(x,) for x in xs]


def expm1_args():
    xs = sym(logspace(-300, 0, 3)) + list(np.linspace(-40.0, 709.0, 150)) + [-745.0, -1000.0,
                                                                             709.78, math.inf,
                                                                             -math.inf]
    return [(x,) for x in xs]


# ---------------------------------------------------------------- cross-checks with scipy

def scipy_or_none(name, args):
    with np.errstate(all="ignore"):
        f = {
            "lgamma": lambda x: sc.gammaln(x),
            "digamma": lambda x: sc.digamma(x),
            # scipy's polygamma recurs step by step for x < 0 (minutes at x = -1e6).
            "trigamma": lambda x: sc.polygamma(1, x) if x > 0 else math.nan,
            "erf": sc.erf, "erfc": sc.erfc, "erfinv": sc.erfinv, "erfcinv": sc.erfcinv,
            "logBeta": lambda a, b: sc.betaln(a, b),
            "regularizedGammaP": sc.gammainc, "regularizedGammaQ": sc.gammaincc,
            "regularizedBeta": lambda x, a, b: sc.betainc(a, b, x),
            "logSumExp": lambda xs: sc.logsumexp(xs),
            "logAddExp": np.logaddexp, "logit": sc.logit, "sigmoid": sc.expit,
            "logSigmoid": sc.log_expit, "log1p": np.log1p, "expm1": np.expm1,
        }.get(name)
        value = None if f is None else float(f(*args))
        return None if value is None or math.isnan(value) else value


FUNCTIONS = [
    ("lgamma", lgamma, lgamma_args),
    ("digamma", digamma, digamma_args),
    ("trigamma", trigamma, trigamma_args),
    ("erf", erf, erf_args),
    ("erfc", erfc, erfc_args),
    ("erfinv", erfinv, erfinv_args),
    ("erfcinv", erfcinv, erfcinv_args),
    ("logBeta", log_beta, log_beta_args),
    ("regularizedGammaP", gamma_p, gamma_args),
    ("regularizedGammaQ", gamma_q, gamma_args),
    ("regularizedBeta", reg_beta, reg_beta_args),
    ("logSumExp", log_sum_exp, log_sum_exp_args),
    ("logAddExp", log_add_exp, pair_args),
    ("softplus", softplus, real_line_args),
    ("sigmoid", sigmoid, real_line_args),
    ("logSigmoid", log_sigmoid, real_line_args),
    ("logit", logit, logit_args),
    ("log1mExp", log1m_exp, log1m_exp_args),
    ("log1p", log1p, log1p_args),
    ("expm1", expm1, expm1_args),
]


def exact(f, args):
    """Evaluate f at the exact doubles in args, raising precision until two in a row agree."""
    results = []
    for dps in (60, 120, 240):
        with mp.workdps(dps):
            mp_args = [[mp.mpf(v) for v in a] if isinstance(a, list) else
                       (a if math.isinf(a) else mp.mpf(a)) for a in args]
            if f is log_sum_exp:
                mp_args = [args[0]]
            results.append(to_double(f(*mp_args)))
        if len(results) >= 2 and results[-1] == results[-2]:
            return results[-1]
    raise ValueError(f"{f.__name__}{args}: {results} at 60, 120 and 240 digits")


def main():
    rows = []
    warnings = 0
    for name, f, grid in FUNCTIONS:
        count = 0
        for args in grid():
            try:
                value = exact(f, args)
            except (ValueError, ZeroDivisionError, mp.libmp.NoConvergence) as e:
                print(f"skip {name}{args}: {e}", file=sys.stderr)
                continue
            if math.isnan(value) or (value != 0 and abs(value) < MIN_EXPECTED):
                continue
            check = scipy_or_none(name, args)
            if check is not None and math.isfinite(value) and value != 0:
                if abs(check - value) > 1e-9 * abs(value):
                    warnings += 1
                    print(f"scipy differs: {name}{args} mpmath={value!r} scipy={check!r}",
                          file=sys.stderr)
            if name == "logSumExp":
                x, y = " ".join(fmt(v) for v in args[0]), ""
            elif name == "regularizedBeta":
                x, y = fmt(args[0]), fmt(args[1]) + " " + fmt(args[2])
            else:
                x, y = fmt(args[0]), (fmt(args[1]) if len(args) > 1 else "")
            rows.append(f"{name},{x},{y},{fmt(value)}")
            count += 1
        print(f"{name}: {count} rows", file=sys.stderr)
    with open(OUT, "w", encoding="ascii") as out:
        out.write("function,x,y,expected\n")
        out.write("\n".join(rows))
        out.write("\n")
    print(f"wrote {len(rows)} rows to {OUT} ({warnings} scipy disagreements)", file=sys.stderr)


if __name__ == "__main__":
    main()
