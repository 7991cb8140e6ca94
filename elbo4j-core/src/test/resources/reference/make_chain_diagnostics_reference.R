#!/usr/bin/Rscript
# Reference values for ChainDiagnosticsReferenceTest: rank-normalized split R-hat, bulk-ESS,
# tail-ESS (Vehtari, Gelman, Simpson, Carpenter & Buerkner 2021, Bayesian Analysis 16(2)) and the
# MCSE of the mean, computed by rstan 2.21.7 (rstan::Rhat, rstan::ess_bulk, rstan::ess_tail and
# rstan's internal mcse_mean, the functions behind rstan::monitor) on fixed draws made here.
# Run: /usr/bin/Rscript make_chain_diagnostics_reference.R  (writes the two CSV files beside it)
suppressMessages(library(rstan))
set.seed(20261207)
chains <- 4; n <- 1000              # split chains of 500 draws: fft_next_good_size(500) = 500 (see the test)
ar1 <- function(phi, innov) { x <- numeric(n); x[1] <- innov[1] / sqrt(1 - phi^2)
  for (i in 2:n) x[i] <- phi * x[i - 1] + innov[i]; x }
vars <- list(
  ar_normal   = function(c) ar1(0.9, rnorm(n)),                      # correlated, well mixed
  iid_normal  = function(c) rnorm(n, 3, 2),                          # independent draws
  ar_heavy    = function(c) ar1(0.5, rt(n, df = 2)),                 # heavy tails
  shifted     = function(c) ar1(0.7, rnorm(n)) + 0.4 * (c == 4),     # one chain off: R-hat > 1
  trending    = function(c) ar1(0.95, rnorm(n)) + seq(0, 1, length.out = n), # drift: split R-hat catches it
  ties        = function(c) round(ar1(0.6, rnorm(n))),               # many ties (average ranks)
  antithetic  = function(c) ar1(-0.6, rnorm(n)))                     # negative autocorrelation: ESS > S
draws <- do.call(rbind, lapply(seq_len(chains), function(c) {
  cols <- lapply(vars, function(f) signif(f(c), 7))   # 7 digits: the file holds the draws exactly
  data.frame(chain = c, draw = seq_len(n), cols)
}))
here <- (function() { a <- commandArgs(FALSE); f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else getwd() })()
write.csv(draws, file.path(here, "chain_diagnostics_draws.csv"), row.names = FALSE, quote = FALSE)
back <- read.csv(file.path(here, "chain_diagnostics_draws.csv"))   # the values exactly as the test reads them
out <- do.call(rbind, lapply(names(vars), function(v) {
  sims <- matrix(back[[v]], nrow = n, ncol = chains)                # column c = chain c
  data.frame(variable = v,
             rhat = sprintf("%.17g", rstan::Rhat(sims)),
             ess_bulk = sprintf("%.17g", rstan::ess_bulk(sims)),
             ess_tail = sprintf("%.17g", rstan::ess_tail(sims)),
             mcse_mean = sprintf("%.17g", rstan:::mcse_mean(sims)))
}))
write.csv(out, file.path(here, "chain_diagnostics_reference.csv"), row.names = FALSE, quote = FALSE)
