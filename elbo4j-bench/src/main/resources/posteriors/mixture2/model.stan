// Two-component normal mixture with ordered means, discrete labels summed out (log_mix).
// The prior of mu is that of the order statistics of two i.i.d. N(0, 5): 2! * N(mu[1]) N(mu[2])
// on mu[1] < mu[2], hence the + log(2) that makes it proper. pi is the weight of component 1
// (the lower mean). All normalizing constants kept.
data {
  int<lower=1> N;
  vector[N] y;
}
parameters {
  ordered[2] mu;
  vector<lower=0>[2] sigma;
  real<lower=0, upper=1> pi;
}
model {
  target += normal_lpdf(mu | 0, 5) + log(2);
  target += lognormal_lpdf(sigma | 0, 1);
  target += beta_lpdf(pi | 2, 2);
  for (n in 1:N) {
    target += log_mix(pi, normal_lpdf(y[n] | mu[1], sigma[1]), normal_lpdf(y[n] | mu[2], sigma[2]));
  }
}
