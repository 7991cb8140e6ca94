#!/usr/bin/env python3
"""Peer for elbo4j's MatmulBenchmark: times numpy's ``a @ b`` for n x n float64 matrices.

Prints ONE JSON line: numpy version, the BLAS numpy was built with and the one actually loaded
(library path, OpenBLAS config and core type read at run time), the thread count, and per size n
the median steady-state time of ``a @ b`` over repeats (after 2 warm-up products), its GFLOP/s
(2 n^3 / time), and the first product of a fresh Python process (median of 5 processes; numpy
import excluded, BLAS thread start-up included), which is what JMH's SingleShotTime measures for
elbo4j.

Threads are pinned to $PEER_THREADS (default 2) through OMP/OPENBLAS/MKL_NUM_THREADS before numpy
is imported. Without numpy it prints {"peer": "numpy", "missing": true, ...} and exits with 3.

usage: numpy_matmul.py [n ...]            (default 512 1024)
       numpy_matmul.py --first-call n     (internal: one first product, prints seconds)
"""
import ctypes
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from contextlib import redirect_stdout

THREADS = os.environ.get("PEER_THREADS", "2")
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = THREADS

MIN_REPEATS = 7
MIN_SECONDS = 2.0
FIRST_CALL_PROCESSES = 5

try:
    import numpy as np
except ImportError as e:
    print(json.dumps({"peer": "numpy", "missing": True, "error": str(e), "python": sys.executable,
                      "python_version": platform.python_version()}))
    sys.exit(3)


def matrices(n):
    rng = np.random.default_rng(42)
    return rng.random((n, n)), rng.random((n, n))


def first_call(n):
    a, b = matrices(n)
    t0 = time.perf_counter()
    a @ b
    return time.perf_counter() - t0


def steady(n):
    a, b = matrices(n)
    a @ b
    a @ b
    times = []
    start = time.perf_counter()
    while len(times) < MIN_REPEATS or time.perf_counter() - start < MIN_SECONDS:
        t0 = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t0)
    return times


def blas_built():
    try:
        deps = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return {k: deps.get(k) for k in ("name", "version", "openblas configuration")}
    except TypeError:  # numpy < 1.25: show_config only prints
        buf = io.StringIO()
        with redirect_stdout(buf):
            np.show_config()
        return {"show_config": " ".join(buf.getvalue().split())[:600]}


def blas_loaded():
    """The BLAS shared objects mapped into this process, with OpenBLAS's own report if it is one."""
    np.ones((2, 2)) @ np.ones((2, 2))
    with open("/proc/self/maps") as f:
        libs = sorted({line.split()[-1] for line in f
                       if "/" in line and any(s in line.lower() for s in ("blas", "lapack", "mkl"))})
    info = {"libraries": libs}
    for lib in libs:
        try:
            handle = ctypes.CDLL(lib)
        except OSError:
            continue
        for key, names in (("config", ("openblas_get_config", "openblas_get_config64_",
                                       "scipy_openblas_get_config64_")),
                           ("corename", ("openblas_get_corename", "openblas_get_corename64_",
                                         "scipy_openblas_get_corename64_")),
                           ("num_threads", ("openblas_get_num_threads", "openblas_get_num_threads64_",
                                            "scipy_openblas_get_num_threads64_"))):
            for name in names:
                fn = getattr(handle, name, None)
                if fn is not None:
                    fn.restype = ctypes.c_int if key == "num_threads" else ctypes.c_char_p
                    value = fn()
                    info[key] = value if key == "num_threads" else value.decode()
                    break
    return info


def main(argv):
    if argv[:1] == ["--first-call"]:
        print(first_call(int(argv[1])))
        return
    sizes = [int(s) for s in argv] or [512, 1024]
    results = []
    for n in sizes:
        firsts = []
        for _ in range(FIRST_CALL_PROCESSES):
            out = subprocess.run([sys.executable, __file__, "--first-call", str(n)],
                                 check=True, capture_output=True, text=True).stdout
            firsts.append(float(out))
        times = steady(n)
        median = statistics.median(times)
        results.append({"n": n, "median_s": median, "min_s": min(times), "repeats": len(times),
                        "gflops": 2.0 * n ** 3 / median / 1e9,
                        "first_call_median_s": statistics.median(firsts), "first_call_s": firsts})
    summary = [{"variant": "n=%d" % r["n"], "wall_s": r["median_s"], "iters": 1, "per_iter_ms": 1000 * r["median_s"],
                "final_elbo": None, "quality": {"gflops": r["gflops"], "first_call_median_s": r["first_call_median_s"]}}
               for r in results]
    print(json.dumps({
        "peer": "numpy", "peer_version": np.__version__, "task": "matmul_float64", "summary": summary,
        "python": sys.executable, "python_version": platform.python_version(),
        "threads": int(THREADS), "blas_built": blas_built(), "blas_loaded": blas_loaded(),
        "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
        "results": results}))


if __name__ == "__main__":
    main(sys.argv[1:])
