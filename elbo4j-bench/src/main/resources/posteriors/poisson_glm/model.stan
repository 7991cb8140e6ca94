// Poisson regression with log link and an exposure offset:
// y[n] ~ Poisson(exposure[n] * exp(alpha + X[n] * beta)). All normalizing constants kept.
data {
  int<lower=1> N;
  int<lower=1> K;
  matrix[N, K] X;
  vector<lower=0>[N] exposure;
  int<lower=0> y[N];
}
parameters {
  real alpha;
  vector[K] beta;
}
model {
  target += normal_lpdf(alpha | 0, 5);
  target += normal_lpdf(beta | 0, 1);
  target += poisson_log_lpmf(y | log(exposure) + alpha + X * beta);
}
