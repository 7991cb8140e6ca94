#!/usr/bin/python3
"""Writes the 20 train/test splits of the peers' diabetes BNN (torch_bnn_uci.py: split s uses
perm = np.random.RandomState(s).permutation(442); test = perm[:45], train = perm[45:]), one line per split
holding the whole permutation, so that elbo4j's BnnUciComparison uses the same splits without Python.
Run: /usr/bin/python3 elbo4j-bench/peers/diabetes_splits.py > elbo4j-bench/src/main/resources/io/github/elbo4j/bench/diabetes-splits.txt"""
import numpy as np
for s in range(20):
    print(" ".join(str(i) for i in np.random.RandomState(s).permutation(442)))
