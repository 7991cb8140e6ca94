#!/usr/bin/env python3
"""Prints the table of bench/core.sh from one results folder (jmh.json, numpy.json, blas.json, env.txt).

Standard library only, so it runs on any python3 even where numpy is missing.
Ratios are speeds, elbo4j / peer: above 1 means elbo4j is faster.
  matmul:      GFLOP/s = 2 n^3 / time (steady state: JMH average time; numpy: median of repeats)
  first call:  numpy first-call time / elbo4j first-call time (both: fresh process, median/mean of 5)
  tape:        ns per recorded operation (JMH @OperationsPerInvocation), goal <= 100 forward+backward
  elementwise: GB/s = 64 B/element * size / time (model in ElementwiseBenchmark), goal tape >= 0.5x loop
usage: core_report.py RESULTS_DIR
"""
import json
import os
import statistics
import sys

PKG = "io.github.elbo4j.bench."
TO_SECONDS = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}


def load(path, default=None):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def env_file(path):
    env = {}
    try:
        with open(path) as f:
            for line in f:
                key, _, value = line.rstrip("\n").partition("=")
                env[key] = value
    except OSError:
        pass
    return env


def seconds(result):
    m = result["primaryMetric"]
    unit = TO_SECONDS[m["scoreUnit"]]
    return float(m["score"]) * unit, float(m["scoreError"]) * unit  # scoreError is "NaN" for one sample


def fmt_time(s):
    if s != s:
        return "?"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.1f} ms"
    return f"{s * 1e6:.0f} µs"


def main(out):
    jmh = load(os.path.join(out, "jmh.json"), [])
    numpy = load(os.path.join(out, "numpy.json"), {"missing": True, "error": "numpy.json unreadable"})
    blas = load(os.path.join(out, "blas.json"), {})
    env = env_file(os.path.join(out, "env.txt"))
    by = {}
    for r in jmh:
        name = r["benchmark"].replace(PKG, "")
        by[(name, r.get("params", {}).get("n"))] = r
    np_by_n = {} if numpy.get("missing") else {r["n"]: r for r in numpy["results"]}

    print(f"Core benchmarks, {env.get('date_utc', '?')} (git {env.get('git', '?')})")
    print(f"- machine: {env.get('nproc')} CPUs, {env.get('cpu')}, {env.get('mem')}; {env.get('java')}")
    print(f"- JVM flags of the forks: {env.get('fork_jvm_flags')}; BLAS threads {env.get('threads')}")
    libs = ", ".join(blas.get("native_libraries", [])) or "none"
    print(f"- BLAS loaded by elbo4j: {blas.get('blas', '?')} (native libraries mapped: {libs})")
    peers = [numpy] + [load(os.path.join(out, f), {"missing": True, "error": f + " unreadable"})
                       for f in sorted(os.listdir(out)) if f.startswith("numpy-") and f.endswith(".json")]
    for k, peer in enumerate(peers):
        tag = "numpy (ratios)" if k == 0 else f"numpy peer {k}"
        if peer.get("missing"):
            print(f"- {tag}: MISSING ({peer.get('python', '')} {peer.get('error')}); no ratios to it")
        else:
            loaded = peer.get("blas_loaded", {})
            print(f"- {tag}: numpy {peer['peer_version']} ({peer['python']}), BLAS "
                  f"{loaded.get('config') or peer.get('blas_built')}, core {loaded.get('corename', '?')}, "
                  f"{loaded.get('num_threads', peer.get('threads'))} threads")
    print(f"- environment unset for the numpy commands only: {env.get('numpy_unset_env', 'none')}")
    steps = [k[:-len("_wall_s")] for k in env if k.endswith("_wall_s")]
    print(f"- priority: {env.get('priority', 'normal')}")
    print("- contention per timed step (wall s; CPU-s used by other processes; share of a CPU a spin loop "
          "of this script got before, after): " + "; ".join(
              f"{st} {env.get(st + '_wall_s')} s, others {env.get(st + '_other_cpu_s')} CPU-s, "
              f"{env.get(st + '_cpu_availability', '?')}" for st in steps))
    prioritized = env.get("priority", "normal") != "normal"
    for step in steps:
        try:
            other = float(env.get(f"{step}_other_cpu_s", "0"))
            budget = float(env.get(f"{step}_wall_s", "0")) * int(env.get("nproc", "1"))
            avail = [float(x) for x in env.get(f"{step}_cpu_availability", "").replace(" before,", "")
                     .replace(" after", "").split()]
        except ValueError:
            continue
        if avail and min(avail) < 0.9:
            print(f"- WARNING: during {step} this script got only {min(avail):.2f} of a CPU in a spin test: "
                  "its numbers are not trustworthy")
        elif budget > 0 and other > 0.05 * budget:
            if prioritized:
                print(f"- note: other processes used {100 * other / budget:.0f}% of the machine during {step}, "
                      "at lower priority (they still share caches and memory bandwidth)")
            else:
                print(f"- WARNING: other processes took {100 * other / budget:.0f}% of the machine during {step}; "
                      "its numbers (and the ratios that use them) are not trustworthy: rerun on a quiet machine")
    print()
    print("| benchmark | size | elbo4j | elbo4j rate | numpy / peer | speed ratio elbo4j/peer | goal | met |")
    print("|---|---|---|---|---|---|---|---|")

    sizes = sorted({int(n) for (name, n) in by if name.startswith("Matmul") and n})
    for n in sizes:
        r = by.get(("MatmulBenchmark.matmul", str(n)))
        p = np_by_n.get(n)
        if r:
            t, err = seconds(r)
            gf = 2 * n ** 3 / t / 1e9
            if p:
                ratio = gf / p["gflops"]
                peer, ratio_s, met = f"{p['gflops']:.1f} GFLOP/s ({fmt_time(p['median_s'])})", f"{ratio:.2f}", \
                    "yes" if ratio >= 0.8 else "NO"
            else:
                peer, ratio_s, met = "missing", "-", "unknown (no numpy)"
            print(f"| matmul steady state | {n} | {fmt_time(t)} ± {fmt_time(err)} | {gf:.1f} GFLOP/s | {peer} "
                  f"| {ratio_s} | ≥ 0.8× numpy | {met} |")
        r = by.get(("MatmulFirstCallBenchmark.firstMatmul", str(n)))
        if r:
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            unit = TO_SECONDS[r["primaryMetric"]["scoreUnit"]]
            t = statistics.median(raw) * unit
            spread = f"{fmt_time(min(raw) * unit)}–{fmt_time(max(raw) * unit)}"
            if p:
                peer = f"{fmt_time(p['first_call_median_s'])}"
                ratio_s = f"{p['first_call_median_s'] / t:.2f}"
            else:
                peer, ratio_s = "missing", "-"
            print(f"| matmul first call (median of {len(raw)} JVMs) | {n} | {fmt_time(t)} ({spread}) | "
                  f"- | {peer} | {ratio_s} | (none) | - |")

    for method, label in (("forward", "tape chain, forward"), ("forwardBackward", "tape chain, forward + backward"),
                          ("firstForwardBackward", "tape chain, first call")):
        r = by.get((f"TapeOverheadBenchmark.{method}", None))
        if not r:
            continue
        if r["mode"] == "ss":
            raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
            ns = statistics.median(raw) * TO_SECONDS[r["primaryMetric"]["scoreUnit"]] * 1e9
            label += f" (median of {len(raw)} JVMs)"
            err_s = ""
        else:
            ns, err = (x * 1e9 for x in seconds(r))
            err_s = f" ± {err:.1f}" if err == err else ""
        gated = method == "forwardBackward"
        print(f"| {label} | 10⁵ ops | {ns:.1f}{err_s} ns/op | {1e3 / ns:.1f} M ops/s | - | - | "
              f"{'≤ 100 ns/op' if gated else '(none)'} | {('yes' if ns <= 100 else 'NO') if gated else '-'} |")

    tape = next((r for (name, _), r in by.items() if name == "ElementwiseBenchmark.tape"), None)
    loop = next((r for (name, _), r in by.items() if name == "ElementwiseBenchmark.loop"), None)
    if tape and loop:
        size = int(tape["params"]["size"])
        bytes_moved = 64 * size
        tt, terr = seconds(tape)
        lt, lerr = seconds(loop)
        ratio = lt / tt
        print(f"| elementwise x·w fwd+bwd, tape | {size} | {fmt_time(tt)} ± {fmt_time(terr)} | "
              f"{bytes_moved / tt / 1e9:.1f} GB/s | loop {fmt_time(lt)} ± {fmt_time(lerr)}, "
              f"{bytes_moved / lt / 1e9:.1f} GB/s | {ratio:.2f} | ≥ 0.5× loop (within 2×) | "
              f"{'yes' if ratio >= 0.5 else 'NO'} |")

    extra = [p for p in peers[1:] if not p.get("missing")]
    if extra:
        print()
        print("| matmul n | elbo4j GFLOP/s | other numpy peer | its GFLOP/s | speed ratio elbo4j/peer | first call: peer, ratio |")
        print("|---|---|---|---|---|---|")
        for peer in extra:
            for p in peer["results"]:
                r = by.get(("MatmulBenchmark.matmul", str(p["n"])))
                f = by.get(("MatmulFirstCallBenchmark.firstMatmul", str(p["n"])))
                if not r:
                    continue
                gf = 2 * p["n"] ** 3 / seconds(r)[0] / 1e9
                first = ""
                if f:
                    raw = [x for fork in f["primaryMetric"]["rawData"] for x in fork]
                    t = statistics.median(raw) * TO_SECONDS[f["primaryMetric"]["scoreUnit"]]
                    first = f"{fmt_time(p['first_call_median_s'])}, {p['first_call_median_s'] / t:.2f}"
                print(f"| {p['n']} | {gf:.1f} | numpy {peer['peer_version']} "
                      f"({peer.get('blas_loaded', {}).get('config', '?').split(' NO_')[0]}) | {p['gflops']:.1f} | "
                      f"{gf / p['gflops']:.2f} | {first} |")

    gc = [(name, n, r["secondaryMetrics"]) for (name, n), r in sorted(by.items(), key=lambda kv: str(kv[0]))
          if "·gc.alloc.rate.norm" in r.get("secondaryMetrics", {})]
    if gc:
        print()
        print("| benchmark | n | allocated per op | GC count | GC time |")
        print("|---|---|---|---|---|")
        for name, n, sm in gc:
            alloc = sm["·gc.alloc.rate.norm"]
            count = sm.get("·gc.count", {}).get("score", 0)
            gctime = sm.get("·gc.time", {})
            print(f"| {name} | {n or '-'} | {alloc['score']:.0f} {alloc['scoreUnit']} | {count:.0f} | "
                  f"{gctime.get('score', 0):.0f} {gctime.get('scoreUnit', '')} |")


if __name__ == "__main__":
    main(sys.argv[1])
