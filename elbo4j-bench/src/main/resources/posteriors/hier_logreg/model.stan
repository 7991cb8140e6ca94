// Hierarchical logistic regression, non-centered group intercepts:
// alpha[j] = mu_alpha + sigma_alpha * z[j], y[n] ~ Bernoulli(inv_logit(alpha[group[n]] + X[n] * beta)).
// group is 1-based. All normalizing constants kept (log(2) for the half-normal).
data {
  int<lower=1> N;
  int<lower=1> J;
  int<lower=1> K;
  int<lower=1, upper=J> group[N];
  matrix[N, K] X;
  int<lower=0, upper=1> y[N];
}
parameters {
  real mu_alpha;
  real<lower=0> sigma_alpha;
  vector[J] z;
  vector[K] beta;
}
transformed parameters {
  vector[J] alpha = mu_alpha + sigma_alpha * z;
}
model {
  target += normal_lpdf(mu_alpha | 0, 2);
  target += normal_lpdf(sigma_alpha | 0, 1) + log(2);
  target += normal_lpdf(z | 0, 1);
  target += normal_lpdf(beta | 0, 2);
  target += bernoulli_logit_lpmf(y | alpha[group] + X * beta);
}
