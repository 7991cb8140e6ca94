// Linear regression with K = 25 predictors from a one-factor model (pairwise correlation
// about 0.9). All normalizing constants kept (target += *_lpdf; log(2) for the half-normal).
data {
  int<lower=1> N;
  int<lower=1> K;
  matrix[N, K] X;
  vector[N] y;
}
parameters {
  vector[K] w;
  real b;
  real<lower=0> sigma;
}
model {
  target += normal_lpdf(w | 0, 5);
  target += normal_lpdf(b | 0, 5);
  target += normal_lpdf(sigma | 0, 5) + log(2);
  target += normal_lpdf(y | X * w + b, sigma);
}
