// Simple linear regression on an uncentered predictor (x ~ N(10, 1)): a and b are
// strongly negatively correlated a posteriori. Every term is written with target += *_lpdf
// so that Stan keeps all normalizing constants; log(2) makes the half-normal proper.
data {
  int<lower=1> N;
  vector[N] x;
  vector[N] y;
}
parameters {
  real a;
  real b;
  real<lower=0> sigma;
}
model {
  target += normal_lpdf(a | 0, 20);
  target += normal_lpdf(b | 0, 10);
  target += normal_lpdf(sigma | 0, 5) + log(2);
  target += normal_lpdf(y | a + b * x, sigma);
}
