#!/usr/bin/env python3
"""Reference values for the tensor package, computed with NumPy and SciPy.

Writes tensor_ops.json next to this script; TensorReferenceTest reads it.

    python3 make_tensor_reference.py

Each case is {"name", "op", "inputs": [{"shape", "data"}...], "params": {...}} plus either
"expected": {"shape", "data"} (row-major, C order) or "error": NumPy's message for inputs that
NumPy refuses (the Java side must refuse them too). Non-finite numbers are written as JSON
extensions Infinity / -Infinity / NaN. Inputs are rounded to 3 decimals to keep the file small;
results keep every digit (Python's repr round-trips doubles exactly).

Conventions of the Java ops that NumPy spells differently:
  index_select(axis, index)  = np.take(x, index, axis)
  index_add(axis, index, n)  = np.add.at(zeros with n on axis, index on axis, x)
  gather(axis, index)        = np.take_along_axis(x, index, axis)
  scatter_add(axis, index, n)= the adjoint of gather: np.add.at with index on axis
  sum_to(shape)              = sum over the axes that broadcasting shape -> x.shape added
  transpose                  = np.swapaxes(x, -1, -2)
"""
import itertools
import json
import os
import warnings

import numpy as np
import scipy
import scipy.special

SEED = 20240611
rng = np.random.default_rng(SEED)
cases = []


def arr(x):
    x = np.asarray(x, dtype=np.float64)
    return {"shape": list(x.shape), "data": [float(v) for v in x.ravel(order="C")]}


def idx(x):
    x = np.asarray(x, dtype=np.int64)
    return {"shape": list(x.shape), "data": [int(v) for v in x.ravel(order="C")]}


def rand(shape, lo=-2.0, hi=2.0):
    return np.round(rng.uniform(lo, hi, size=shape), 3)


def ints(shape, lo=-9, hi=9):
    return rng.integers(lo, hi + 1, size=shape).astype(np.float64)


def case(name, op, inputs, params, fn):
    c = {"name": name, "op": op, "inputs": [arr(x) for x in inputs], "params": params}
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            c["expected"] = arr(fn())
    except ValueError as e:
        c["error"] = str(e)
    assert name not in {k["name"] for k in cases}, name
    cases.append(c)


def s(shape):
    return "x".join(str(d) for d in shape) if shape else "scalar"


# ---- broadcasting arithmetic ------------------------------------------------------------
BROADCAST_PAIRS = [
    ([], []), ([], [3]), ([3], []), ([1], [3]), ([3], [1]), ([3], [3]), ([], [2, 3]),
    ([2, 1, 3], [4, 3]), ([4, 3], [2, 1, 3]), ([5, 1], [1, 6]), ([4, 3], [3]), ([3], [4, 3]),
    ([2, 3, 4], [3, 1]), ([2, 1, 4], [3, 1]), ([3, 1, 2], [1, 4, 1]), ([1, 1], [2, 3]),
    ([2, 3], [1, 1, 1]), ([1, 2, 1, 3], [4, 1, 5, 1]), ([0], [1]), ([2, 0], [2, 1]), ([0, 3], [3]),
    # refused by NumPy
    ([3, 4], [5]), ([2, 3], [3, 2]), ([2, 1, 3], [4, 2]), ([0], [2]),
]
BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide,
    "pow": np.power, "maximum": np.maximum, "minimum": np.minimum,
}
# add covers every pair; the other operations share add's broadcasting path, so a subset suffices
SUBSET = {("[]", "[3]"), ("[1]", "[3]"), ("[2, 1, 3]", "[4, 3]"), ("[5, 1]", "[1, 6]"), ("[3]", "[4, 3]"),
          ("[2, 3, 4]", "[3, 1]"), ("[0]", "[1]"), ("[3, 4]", "[5]")}
for a_shape, b_shape in BROADCAST_PAIRS:
    for op, f in BINARY.items():
        if op != "add" and (str(a_shape), str(b_shape)) not in SUBSET:
            continue
        if op == "pow":
            a, b = rand(a_shape, 0.2, 3.0), rand(b_shape, -2.5, 2.5)
        elif op == "div":
            a, b = rand(a_shape), rand(b_shape, 0.25, 3.0) * rng.choice([-1.0, 1.0], size=b_shape)
        else:
            a, b = rand(a_shape), rand(b_shape)
        case(f"{op} {s(a_shape)} with {s(b_shape)}", op, [a, b], {},
             lambda f=f, a=a, b=b: f(a, b))

# tensor (op) scalar and scalar (op) tensor
x = rand([2, 3])
for op, f in [("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("div", np.divide)]:
    case(f"{op}_scalar 2x3 and 1.75", f"{op}_scalar", [x], {"c": 1.75}, lambda f=f: f(x, 1.75))
case("rsub 2x3 from 1.75", "rsub", [x], {"c": 1.75}, lambda: 1.75 - x)
case("rdiv 1.75 by 2x3", "rdiv", [x], {"c": 1.75}, lambda: 1.75 / x)
xp = rand([2, 3], 0.1, 3.0)
for c in [2.0, 1.0, 0.5, -1.0, 3.3, 0.0]:
    case(f"pow_scalar 2x3 to {c}", "pow_scalar", [xp], {"c": c}, lambda c=c: np.power(xp, c))

# ---- element-wise functions (java.lang.Math based ones) -------------------------------
UNARY = {
    "neg": (np.negative, -3, 3), "abs": (np.abs, -3, 3), "sign": (np.sign, -3, 3),
    "exp": (np.exp, -5, 5), "log": (np.log, 0.01, 10), "log1p": (np.log1p, -0.9, 5),
    "expm1": (np.expm1, -3, 3), "sqrt": (np.sqrt, 0, 9), "square": (np.square, -3, 3),
    "reciprocal": (np.reciprocal, 0.1, 4), "sin": (np.sin, -4, 4), "cos": (np.cos, -4, 4),
    "tanh": (np.tanh, -4, 4), "relu": (lambda v: np.maximum(v, 0.0), -3, 3),
}
for op, (f, lo, hi) in UNARY.items():
    x = rand([3, 4], lo, hi)
    x.flat[0] = 0.0
    case(f"{op} 3x4", op, [x], {}, lambda f=f, x=x: f(x))
case("log of 0 and negatives", "log", [np.array([0.0, -1.0, 1.0])], {}, lambda: np.log([0.0, -1.0, 1.0]))
case("sqrt of negative", "sqrt", [np.array([-1.0, 4.0])], {}, lambda: np.sqrt([-1.0, 4.0]))

# ---- comparisons and where ------------------------------------------------------------
COMPARE = {"gt": np.greater, "lt": np.less, "ge": np.greater_equal, "le": np.less_equal, "eq": np.equal}
for a_shape, b_shape in [([3, 4], [3, 4]), ([3, 1], [1, 4]), ([2, 3], []), ([4], [2, 1, 4]), ([2, 3], [2])]:
    for op, f in COMPARE.items():
        a, b = ints(a_shape, 0, 2), ints(b_shape, 0, 2)
        case(f"{op} {s(a_shape)} with {s(b_shape)}", op, [a, b], {},
             lambda f=f, a=a, b=b: f(a, b).astype(np.float64))
case("gt with nan", "gt", [np.array([np.nan, 1.0, np.nan]), np.array([0.0, np.nan, np.nan])], {},
     lambda: np.greater([np.nan, 1.0, np.nan], [0.0, np.nan, np.nan]).astype(np.float64))
case("eq with nan", "eq", [np.array([np.nan, 1.0]), np.array([np.nan, 1.0])], {},
     lambda: np.equal([np.nan, 1.0], [np.nan, 1.0]).astype(np.float64))
for c_shape, a_shape, b_shape in [([3, 4], [3, 4], [3, 4]), ([3, 1], [4], []), ([4], [2, 1, 4], [3, 1]),
                                  ([2], [3], [])]:
    c, a, b = ints(c_shape, 0, 1), rand(a_shape), rand(b_shape)
    case(f"where {s(c_shape)} {s(a_shape)} {s(b_shape)}", "where", [c, a, b], {},
         lambda c=c, a=a, b=b: np.where(c != 0, a, b))

# ---- reductions -------------------------------------------------------------------------
REDUCE = {"sum": np.sum, "mean": np.mean, "prod": np.prod, "max": np.max, "min": np.min}
x3 = rand([2, 3, 4], 0.5, 1.5) * rng.choice([-1.0, 1.0], size=[2, 3, 4])
AXES = [None, [0], [1], [2], [-1], [-3], [0, 2], [-1, 0], [2, 1], [0, 1, 2], [1, -1]]
for op, f in REDUCE.items():
    for axes in AXES:
        params = {} if axes is None else {"axes": axes}
        label = "all" if axes is None else ",".join(map(str, axes))
        case(f"{op} 2x3x4 over {label}", op, [x3], params,
             lambda f=f, axes=axes: f(x3, axis=None if axes is None else tuple(axes)))
    v = rand([7])
    case(f"{op} 7 over all", op, [v], {}, lambda f=f, v=v: f(v))
    sc = np.array(2.5)
    case(f"{op} scalar over all", op, [sc], {}, lambda f=f: f(sc))
    y = rand([3, 1, 2])
    case(f"{op} 3x1x2 over 1", op, [y], {"axes": [1]}, lambda f=f, y=y: f(y, axis=1))
    long = rand([300], 0.0, 1.0) if op != "prod" else rand([300], 0.9, 1.1)
    case(f"{op} 300 over all", op, [long], {}, lambda f=f, v=long: f(v))
    z = np.zeros([2, 0, 3])
    if op in ("sum", "prod", "mean"):
        case(f"{op} 2x0x3 over 1", op, [z], {"axes": [1]}, lambda f=f: f(z, axis=1))
        case(f"{op} 2x0x3 over 2", op, [z], {"axes": [2]}, lambda f=f: f(z, axis=2))
    nanv = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, 6.0]])
    if op in ("max", "min", "sum", "prod"):
        case(f"{op} with nan over 1", op, [nanv], {"axes": [1]}, lambda f=f: f(nanv, axis=1))

# logsumexp: scipy.special.logsumexp
ninf, pinf = -np.inf, np.inf
lse = np.array([[0.5, -1.25, 2.0, 0.0],
                [ninf, ninf, ninf, ninf],
                [ninf, 1.5, ninf, -0.5],
                [1000.0, 1000.5, 999.0, -1000.0],
                [-1000.0, -1000.5, -999.0, -1001.0]])
for axes in [[1], [-1], [0], [0, 1], None]:
    params = {} if axes is None else {"axes": axes}
    label = "all" if axes is None else ",".join(map(str, axes))
    case(f"logsumexp 5x4 with -inf rows over {label}", "logsumexp", [lse], params,
         lambda axes=axes: scipy.special.logsumexp(lse, axis=None if axes is None else tuple(axes)))
lse_inf = np.array([[pinf, 0.0, 1.0], [pinf, ninf, 0.0]])
case("logsumexp with +inf over 1", "logsumexp", [lse_inf], {"axes": [1]},
     lambda: scipy.special.logsumexp(lse_inf, axis=1))
lse3 = rand([2, 3, 4], -5, 5)
for axes in [[0, 2], [1], [-2, -1]]:
    case(f"logsumexp 2x3x4 over {','.join(map(str, axes))}", "logsumexp", [lse3], {"axes": axes},
         lambda axes=axes: scipy.special.logsumexp(lse3, axis=tuple(axes)))

# ---- layout: permute, transpose, broadcast_to, sum_to -------------------------------------
p3 = rand([2, 3, 4])
for perm in itertools.permutations(range(3)):
    case(f"permute 2x3x4 by {','.join(map(str, perm))}", "permute", [p3], {"perm": list(perm)},
         lambda perm=perm: np.transpose(p3, perm))
p4 = rand([2, 1, 3, 2])
case("permute 2x1x3x2 by 3,0,2,1", "permute", [p4], {"perm": [3, 0, 2, 1]}, lambda: np.transpose(p4, (3, 0, 2, 1)))
case("permute 2x1x3x2 by -1,0,-2,1", "permute", [p4], {"perm": [-1, 0, -2, 1]},
     lambda: np.transpose(p4, (-1, 0, -2, 1)))
for shape in [[3, 5], [2, 3, 4], [1, 4], [2, 1, 3, 2]]:
    x = rand(shape)
    case(f"transpose {s(shape)}", "transpose", [x], {}, lambda x=x: np.swapaxes(x, -1, -2))
for src, dst in [([3], [2, 3]), ([2, 1], [2, 4]), ([], [2, 2]), ([1, 3, 1], [2, 3, 4]), ([3], [3]),
                 ([1], [0]), ([3], [4]), ([2, 1], [3])]:
    x = rand(src)
    case(f"broadcast_to {s(src)} to {s(dst)}", "broadcast_to", [x], {"shape": dst},
         lambda x=x, dst=dst: np.broadcast_to(x, dst).copy())


def sum_to(x, shape):
    lead = x.ndim - len(shape)
    if lead < 0:
        raise ValueError(f"cannot sum {list(x.shape)} down to {shape}")
    for i, d in enumerate(shape):
        if d != 1 and d != x.shape[lead + i]:
            raise ValueError(f"cannot sum {list(x.shape)} down to {shape}")
    axes = tuple(range(lead)) + tuple(lead + i for i, d in enumerate(shape) if d == 1 and x.shape[lead + i] != 1)
    return np.sum(x, axis=axes).reshape(shape) if axes else x.copy()


for src, dst in [([2, 3], [3]), ([2, 3], [2, 1]), ([2, 3, 4], [3, 1]), ([2, 3, 4], []), ([2, 3, 4], [1, 1, 1]),
                 ([2, 3], [2, 3]), ([4, 1, 3], [1, 3]), ([0, 3], [3]), ([2, 3], [4]), ([3], [1, 3])]:
    x = rand(src)
    case(f"sum_to {s(src)} to {s(dst)}", "sum_to", [x], {"shape": dst}, lambda x=x, dst=dst: sum_to(x, dst))

# ---- indexing -------------------------------------------------------------------------------
x = rand([3, 5, 2])
for axis, start, end in [(0, 1, 3), (1, 1, 4), (-1, 0, 1), (2, 1, 2), (1, 2, 2), (0, 0, 3), (-2, 3, 5)]:
    case(f"slice 3x5x2 axis {axis} [{start},{end})", "slice", [x], {"axis": axis, "start": start, "end": end},
         lambda axis=axis, start=start, end=end: np.take(x, np.arange(start, end), axis=axis))
for axis, index in [(0, [2, 0, 2]), (1, [4, 4, 0, 1]), (-1, [1]), (2, [1, 0, 1, 0]), (1, [])]:
    case(f"index_select 3x5x2 axis {axis} {index}", "index_select", [x], {"axis": axis, "index": index},
         lambda axis=axis, index=index: np.take(x, np.array(index, dtype=np.int64), axis=axis))


def index_add(y, axis, index, size):
    axis = axis % y.ndim
    shape = list(y.shape)
    shape[axis] = size
    out = np.zeros(shape)
    np.add.at(out, (slice(None),) * axis + (np.array(index, dtype=np.int64),), y)
    return out


for shape, axis, index, size in [([4, 3], 0, [1, 0, 1, 3], 5), ([2, 3, 2], 1, [2, 2, 2], 4),
                                 ([2, 3, 2], -1, [0, 0], 1), ([3, 2], 1, [1, 0], 2), ([0, 2], 0, [], 3)]:
    y = rand(shape)
    case(f"index_add {s(shape)} axis {axis} {index} size {size}", "index_add", [y],
         {"axis": axis, "index": index, "size": size},
         lambda y=y, axis=axis, index=index, size=size: index_add(y, axis, index, size))

for shape, axis, ishape in [([3, 4], 1, [3, 6]), ([3, 4], 0, [5, 4]), ([2, 3, 4], 1, [2, 2, 4]),
                            ([2, 3, 4], -1, [2, 3, 1]), ([2, 3, 4], 0, [3, 3, 4])]:
    x = rand(shape)
    n = shape[axis]
    index = rng.integers(0, n, size=ishape)
    c = {"name": f"gather {s(shape)} axis {axis} index {s(ishape)}", "op": "gather", "inputs": [arr(x)],
         "params": {"axis": axis, "index": idx(index)},
         "expected": arr(np.take_along_axis(x, index, axis=axis))}
    cases.append(c)
    # scatter_add: adjoint of gather, sending a tensor of the index's shape back to x's shape
    y = rand(ishape)
    a = axis % len(shape)
    out = np.zeros(shape)
    grids = list(np.indices(ishape, sparse=False))
    grids[a] = index
    np.add.at(out, tuple(grids), y)
    cases.append({"name": f"scatter_add {s(ishape)} axis {axis} size {n}", "op": "scatter_add",
                  "inputs": [arr(y)], "params": {"axis": axis, "index": idx(index), "size": n},
                  "expected": arr(out)})

# ---- joining ------------------------------------------------------------------------------
for shapes, axis in [([[2, 3], [4, 3]], 0), ([[2, 3], [2, 1], [2, 2]], 1), ([[2, 3], [2, 2]], -1),
                     ([[2, 3, 2], [2, 1, 2], [2, 0, 2]], 1), ([[3], [0], [2]], 0), ([[2, 2]], 0),
                     ([[2, 3], [3, 2]], 0)]:
    parts = [rand(sh) for sh in shapes]
    case(f"concat {' '.join(s(sh) for sh in shapes)} axis {axis}", "concat", parts, {"axis": axis},
         lambda parts=parts, axis=axis: np.concatenate(parts, axis=axis))
for shape, count, axis in [([2, 3], 3, 0), ([2, 3], 2, 1), ([2, 3], 2, 2), ([2, 3], 2, -1), ([2, 3], 4, -2),
                           ([], 3, 0), ([4], 1, 0)]:
    parts = [rand(shape) for _ in range(count)]
    case(f"stack {count} of {s(shape)} axis {axis}", "stack", parts, {"axis": axis},
         lambda parts=parts, axis=axis: np.stack(parts, axis=axis))

# ---- matmul -------------------------------------------------------------------------------
MATMUL = [
    ([3, 4], [4, 5]), ([4], [4, 5]), ([3, 4], [4]), ([4], [4]), ([2, 3, 4], [4, 5]), ([4], [2, 4, 5]),
    ([2, 3, 4], [4]), ([2, 1, 3, 4], [5, 4, 2]), ([1, 3, 4], [2, 4, 5]), ([3, 2, 4], [1, 4, 5]),
    ([3, 0], [0, 4]), ([0, 3], [3, 2]), ([1, 1], [1, 1]), ([2, 0, 3], [3, 4]),
    ([16, 16], [16, 16]),  # 4096 multiply-adds: the last size the plain loop handles
    ([16, 16], [16, 17]),  # 4352: BLAS
    # refused by NumPy
    ([3, 4], [5, 6]), ([4], [5]), ([2, 3, 4], [3, 4, 5]), ([3], [2, 4, 3]),
]
for a_shape, b_shape in MATMUL:
    a, b = rand(a_shape), rand(b_shape)
    case(f"matmul {s(a_shape)} @ {s(b_shape)}", "matmul", [a, b], {}, lambda a=a, b=b: np.matmul(a, b))
# above the BLAS threshold of 4096 multiply-adds per matrix; integer entries keep the file small
a, b = rand([40, 50], -1, 1), rand([50, 30], -1, 1)
case("matmul 40x50 @ 50x30 (BLAS)", "matmul", [a, b], {}, lambda: a @ b)
for a_shape, b_shape in [([2, 20, 30], [30, 25]), ([3, 1, 17, 16], [2, 16, 18]), ([70], [70, 60]),
                         ([60, 70], [70]), ([2, 60, 35], [35])]:
    a, b = ints(a_shape), ints(b_shape)
    case(f"matmul {s(a_shape)} @ {s(b_shape)} (BLAS)", "matmul", [a, b], {}, lambda a=a, b=b: a @ b)
u, v = rand([3]), rand([4])
case("outer 3 and 4", "outer", [u, v], {}, lambda: np.outer(u, v))

# ---- creation ---------------------------------------------------------------------------------
for start, stop, step in [(0.0, 1.0, 0.1), (5.0, -1.0, -1.5), (2.0, 2.0, 1.0), (3.0, 0.0, 1.0), (-1.0, 1.0, 0.25)]:
    case(f"arange {start} {stop} {step}", "arange", [], {"start": start, "stop": stop, "step": step},
         lambda start=start, stop=stop, step=step: np.arange(start, stop, step))
for start, stop, n in [(0.0, 1.0, 7), (-2.0, 3.0, 1), (1.0, -1.0, 5), (0.0, 0.1, 11)]:
    case(f"linspace {start} {stop} {n}", "linspace", [], {"start": start, "stop": stop, "n": n},
         lambda start=start, stop=stop, n=n: np.linspace(start, stop, n))
for n in [0, 1, 4]:
    case(f"eye {n}", "eye", [], {"n": n}, lambda n=n: np.eye(n))

out = {
    "generator": "make_tensor_reference.py",
    "numpy": np.__version__,
    "scipy": scipy.__version__,
    "seed": SEED,
    "cases": cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tensor_ops.json")
with open(path, "w") as fh:
    json.dump(out, fh, separators=(",", ":"), allow_nan=True)
    fh.write("\n")
print(f"{len(cases)} cases, {os.path.getsize(path)} bytes -> {path}")
