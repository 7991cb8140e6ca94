#!/usr/bin/python3
"""Writes the test indices of the peers' MNIST split (torch_vae_mnist.py: perm = np.random.RandomState(0).permutation(10000);
test = sorted(perm[:2000]); train = the rest) so that elbo4j's VaeComparison uses the same split without Python.
Run: /usr/bin/python3 elbo4j-bench/peers/mnist_split.py > elbo4j-bench/src/main/resources/io/github/elbo4j/bench/mnist10k-test-indices.txt"""
import numpy as np
perm = np.random.RandomState(0).permutation(10000)
print(" ".join(str(i) for i in np.sort(perm[:2000])))
