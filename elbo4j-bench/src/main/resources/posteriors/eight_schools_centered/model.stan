// Eight schools, centered: theta[j] ~ N(mu, tau) directly. The same posterior of (mu, tau,
// theta) as eight_schools_noncentered, but NUTS diverges in its funnel, so the reference
// summary is computed from the non-centered run (see README.md). All normalizing constants kept.
data {
  int<lower=1> J;
  vector[J] y;
  vector<lower=0>[J] sigma;
}
parameters {
  real mu;
  real<lower=0> tau;
  vector[J] theta;
}
model {
  target += normal_lpdf(mu | 0, 5);
  target += cauchy_lpdf(tau | 0, 5) + log(2);
  target += normal_lpdf(theta | mu, tau);
  target += normal_lpdf(y | theta, sigma);
}
