// Normal data with wide proper uniform priors: mu ~ U(-1e6, 1e6), sigma ~ U(0, 1000).
// All normalizing constants kept (target += uniform_lpdf gives -log(width)).
data {
  int<lower=1> N;
  vector[N] y;
}
parameters {
  real<lower=-1e6, upper=1e6> mu;
  real<lower=0, upper=1000> sigma;
}
model {
  target += uniform_lpdf(mu | -1e6, 1e6);
  target += uniform_lpdf(sigma | 0, 1000);
  target += normal_lpdf(y | mu, sigma);
}
