// AR(2) regression, conditional on the first two observations:
// y[t] ~ N(alpha + beta[1] y[t-1] + beta[2] y[t-2], sigma), t = 3..T.
// All normalizing constants kept (log(2) for the half-normal).
data {
  int<lower=3> T;
  vector[T] y;
}
parameters {
  real alpha;
  vector[2] beta;
  real<lower=0> sigma;
}
model {
  target += normal_lpdf(alpha | 0, 10);
  target += normal_lpdf(beta | 0, 1);
  target += normal_lpdf(sigma | 0, 2) + log(2);
  target += normal_lpdf(y[3:T] | alpha + beta[1] * y[2:(T - 1)] + beta[2] * y[1:(T - 2)], sigma);
}
