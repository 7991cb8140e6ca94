#!/usr/bin/env python3
"""Peer of elbo4j-bench's LogProbBenchmark: torch.distributions log-likelihood + gradient, float64.

Run: /usr/bin/python3 elbo4j-bench/peers/torch_logprob.py   (after bash /work/shared/peers/setup.sh)
Threads: $PEER_THREADS (default 2) through torch.set_num_threads and the OMP/OPENBLAS/MKL variables.
Same inputs as the Java benchmark (closed-form sequences, see LogProbBenchmark):
  normal: x_i = 3 sin(i) + 0.5, i < 1e6; Normal(0.3, 1.7); gradient of sum log p in loc and scale.
  mvn:    mu_j = 0.1 j - 2; L_ii = 1 + 0.02 i, L_ij = 0.1 sin(i + 2j) (j < i); x_nj = 2 cos(0.37 n + 1.3 j) + mu_j,
          n < 1e4, d = 50; MultivariateNormal(mu, scale_tril=L); gradient in mu and L.
torch's default argument validation is left on (as elbo4j validates parameters and masks the support).
Prints ONE JSON line: per case the median wall time of REPEATS timed calls (after WARMUP), in ns per point,
and checksums (sum log p and gradient sums) that LogProbBenchmarkTest compares with elbo4j's.
"""
import json
import math
import os
import statistics
import time

THREADS = int(os.environ.get("PEER_THREADS", "2"))
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(THREADS)

import torch  # noqa: E402

torch.set_num_threads(THREADS)
torch.set_default_dtype(torch.float64)
WARMUP, REPEATS = 10, 30
NORMAL_POINTS, MVN_POINTS, MVN_DIM = 1_000_000, 10_000, 50


def normal_inputs():
    i = torch.arange(NORMAL_POINTS, dtype=torch.float64)
    return 3 * torch.sin(i) + 0.5


def mvn_inputs():
    d = MVN_DIM
    j = torch.arange(d, dtype=torch.float64)
    mu = 0.1 * j - 2
    ii, jj = torch.meshgrid(j, j, indexing="ij")
    tril = torch.where(jj < ii, 0.1 * torch.sin(ii + 2 * jj), torch.zeros_like(ii))
    tril = tril + torch.diag(1 + 0.02 * j)
    n = torch.arange(MVN_POINTS, dtype=torch.float64)[:, None]
    x = 2 * torch.cos(0.37 * n + 1.3 * j[None, :]) + mu[None, :]
    return mu, tril, x


def normal_step(x, loc, scale):
    loc.grad = None
    scale.grad = None
    lp = torch.distributions.Normal(loc, scale).log_prob(x).sum()
    lp.backward()
    return lp


def mvn_step(x, mu, tril):
    mu.grad = None
    tril.grad = None
    lp = torch.distributions.MultivariateNormal(mu, scale_tril=tril).log_prob(x).sum()
    lp.backward()
    return lp


def timed(step, points):
    for _ in range(WARMUP):
        step()
    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return {"median_ms": statistics.median(times) * 1e3, "ns_per_point": statistics.median(times) * 1e9 / points,
            "min_ns_per_point": min(times) * 1e9 / points}


x1 = normal_inputs()
loc = torch.tensor(0.3, requires_grad=True)
scale = torch.tensor(1.7, requires_grad=True)
normal = timed(lambda: normal_step(x1, loc, scale), NORMAL_POINTS)
lp1 = normal_step(x1, loc, scale)
normal["checksum"] = [lp1.item(), loc.grad.item(), scale.grad.item()]

mu0, tril0, x2 = mvn_inputs()
mu = mu0.clone().requires_grad_(True)
tril = tril0.clone().requires_grad_(True)
mvn = timed(lambda: mvn_step(x2, mu, tril), MVN_POINTS)
lp2 = mvn_step(x2, mu, tril)
mvn["checksum"] = [lp2.item(), mu.grad.sum().item(), tril.grad.sum().item()]

print(json.dumps({"peer": "torch", "peer_version": torch.__version__, "task": "logprob_gradient", "dtype": "float64",
                  "threads": THREADS, "warmup": WARMUP, "repeats": REPEATS,
                  "cases": {"normal_1e6": normal, "mvn_d50_1e4": mvn}}))
