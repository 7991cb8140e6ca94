// Neal's funnel (Neal 2003, "Slice sampling", Ann. Statist. 31(3), sec. 8), d = 10:
// v ~ N(0, 3), x[i] ~ N(0, exp(v / 2)), i = 1..9. No data. The reference is exact (see
// README.md); NUTS on this model is run only to record that it diverges.
parameters {
  real v;
  vector[9] x;
}
model {
  target += normal_lpdf(v | 0, 3);
  target += normal_lpdf(x | 0, exp(v / 2));
}
