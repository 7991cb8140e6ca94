// Efron & Morris (1975) baseball: hits y[j] in n[j] = 45 at-bats, non-centered logit abilities
// alpha[j] = mu + tau * z[j]. All normalizing constants kept (binomial coefficient included by
// binomial_logit_lpmf; log(2) for the half-normal).
data {
  int<lower=1> J;
  int<lower=0> n[J];
  int<lower=0> y[J];
}
parameters {
  real mu;
  real<lower=0> tau;
  vector[J] z;
}
transformed parameters {
  vector[J] alpha = mu + tau * z;
}
model {
  target += normal_lpdf(mu | -1, 1);
  target += normal_lpdf(tau | 0, 1) + log(2);
  target += normal_lpdf(z | 0, 1);
  target += binomial_logit_lpmf(y | n, alpha);
}
generated quantities {
  vector[J] p = inv_logit(alpha);
}
