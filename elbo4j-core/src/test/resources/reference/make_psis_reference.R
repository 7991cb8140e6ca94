#!/usr/bin/env Rscript
# Reference values for elbo4j's Pareto-smoothed importance sampling, from the R package loo 2.5.1.
#
# Run from this folder:  Rscript make_psis_reference.R        (R >= 4.2, loo 2.5.1, jsonlite)
# Writes psis_reference.json, read by io.github.elbo4j.diagnostics.PsisReferenceTest and
# GeneralizedParetoFitReferenceTest.
#
# For each case (a vector of S raw log importance ratios, r_eff = 1, i.e. independent draws):
#   via           "psis", or for the cases with -Inf log ratios (zero weights), which loo 2.5.1's psis()
#                 refuses ("All input values must be finite."), "loo:::do_importance_sampling": the
#                 function psis() calls after that check, with r_eff = 1; its arithmetic handles -Inf
#   tail_len      attr(psis(lr), "tail_len") = ceiling(min(0.2 S, 3 sqrt(S)))
#   pareto_k      psis(lr)$diagnostics$pareto_k            (Inf when the tail has < 5 draws)
#   log_weights   weights(psis(lr), log = TRUE, normalize = TRUE): smoothed, logsumexp = 0
#   n_eff         psis(lr)$diagnostics$n_eff; with r_eff = 1 loo returns exactly 1 / sum(w^2) of the
#                 normalized smoothed weights (checked below with identical())
#   z             function values (the draws themselves where the case has draws, else N(0, 1) noise)
#   e_mean_z, e_mean_z2   E_loo(h, psis, type = "mean")$value = sum(w h) for h = z and h = z^2
#   e_var_z, e_var_z2     E_loo(h, psis, type = "variance")$value. In loo 2.5.1 this is
#                 sum(w^2 (h - sum(w h))^2) / r_eff, the Monte Carlo variance of the self-normalized
#                 estimate (the square of its MCSE), not the weighted variance of h: loo's internal
#                 .wvar, changed after 2.5.1 (stan-dev/loo issue #225, pull request #226).
# and direct generalized Pareto fits, loo:::gpdfit(x) (Zhang & Stephens 2009 with loo's weakly
# informative prior on k) and loo:::gpdfit(x, wip = FALSE), on exceedance vectors drawn by inversion.
#
# Numbers are written with sprintf("%.17g") (jsonlite 1.8.4 prints at most 15 significant digits,
# even with digits = NA, which does not round-trip); -Inf and Inf are the JSON strings "-Inf", "Inf".
# The script reads its own output back and stops unless every number round-trips exactly.

suppressPackageStartupMessages(library(loo))
library(jsonlite)
stopifnot(packageVersion("loo") == "2.5.1")

written <- list()   # every number written, to check the round trip at the end
num <- function(x) {
  s <- ifelse(is.finite(x), sprintf("%.17g", x), ifelse(is.nan(x), "\"NaN\"", ifelse(x > 0, "\"Inf\"", "\"-Inf\"")))
  text <- if (length(x) == 1) s else paste0("[", paste(s, collapse = ","), "]")
  written[[length(written) + 1]] <<- list(x = x, text = text)
  structure(text, class = "json")
}

set.seed(20240501)

case <- function(name, lr, z = NULL, note) {
  S <- length(lr)
  if (is.null(z)) z <- rnorm(S)
  p <- if (all(is.finite(lr))) {
    suppressWarnings(psis(lr))                 # r_eff = NULL: loo uses r_eff = 1 and warns
  } else {                                     # psis() refuses -Inf (validate_ll); run what it runs next
    suppressWarnings(loo:::do_importance_sampling(matrix(lr), r_eff = 1, cores = 1, method = "psis"))
  }
  lw <- as.vector(weights(p, log = TRUE, normalize = TRUE))
  w <- exp(lw)
  stopifnot(identical(p$diagnostics$n_eff, 1 / sum(w^2)))
  e <- function(h, type) suppressWarnings(E_loo(h, p, type = type))$value
  list(name = name, note = note, via = if (all(is.finite(lr))) "psis" else "loo:::do_importance_sampling", S = S, tail_len = attr(p, "tail_len"), r_eff = attr(p, "r_eff"),
       log_ratios = num(lr), z = num(z), pareto_k = num(p$diagnostics$pareto_k),
       log_weights = num(lw), n_eff = num(p$diagnostics$n_eff),
       e_mean_z = num(e(z, "mean")), e_mean_z2 = num(e(z^2, "mean")),
       e_var_z = num(e(z, "variance")), e_var_z2 = num(e(z^2, "variance")))
}

cases <- list()
add <- function(...) cases[[length(cases) + 1]] <<- case(...)

add("normal_sd0.3_S1000", rnorm(1000, sd = 0.3), note = "log ratios N(0, 0.3^2): light tail, small k")
add("normal_sd1_S4000", rnorm(4000, sd = 1), note = "log ratios N(0, 1): log-normal weights")
add("normal_sd2_S1000", rnorm(1000, sd = 2), note = "log ratios N(0, 2^2)")
add("normal_sd3_S4000", rnorm(4000, sd = 3), note = "log ratios N(0, 3^2): heavy, k near 0.7 .. 1")
add("normal_sd1.5_S100", rnorm(100, sd = 1.5), note = "S = 100, tail of 20")
add("log_abs_cauchy_S4000", log(abs(rt(4000, df = 1))), note = "weights |t_1|: Pareto tail, true k = 1")
add("log_abs_t1.5_S1000", log(abs(rt(1000, df = 1.5))), note = "weights |t_1.5|: true k = 2/3")
z <- rnorm(4000)
add("t3_target_normal_proposal_S4000", dt(z, 3, log = TRUE) - dnorm(z, log = TRUE), z,
    note = "target Student-t(3), proposal N(0, 1), z the draws")
z <- rnorm(1000)
add("shifted_target_S1000", dnorm(z, 0.3, 1, log = TRUE) - dnorm(z, log = TRUE), z,
    note = "target N(0.3, 1), proposal N(0, 1): E[z] = 0.3")
zz <- matrix(rnorm(4000 * 20, sd = 0.5), 4000, 20)
add("narrow_proposal_20d_S4000", rowSums(dnorm(zz, log = TRUE) - dnorm(zz, sd = 0.5, log = TRUE)), zz[, 1],
    note = "target N(0, I_20), proposal N(0, 0.5^2 I_20): too narrow; z the first coordinate")
z <- rnorm(1000, sd = 1.5)
add("wide_proposal_S1000", dnorm(z, log = TRUE) - dnorm(z, sd = 1.5, log = TRUE), z,
    note = "target N(0, 1), proposal N(0, 1.5^2): bounded weights, k = 1 - 1.5^2 < 0")
lr <- rnorm(1000); lr[c(3, 17, 250, 251, 999)] <- -Inf
add("some_neg_inf_S1000", lr, note = "five -Inf log ratios (zero weights) among N(0, 1)")
lr <- rnorm(100, sd = 2); lr[11:100] <- -Inf
add("mostly_neg_inf_S100", lr,
    note = "90 of 100 are -Inf: the tail of 20 holds zero exceedances, the fit fails, k = Inf, no smoothing")
add("rounded_normal_S1000", round(rnorm(1000, sd = 1.2), 1), note = "ties, also across the tail boundary")
add("short_tail_S20", rnorm(20), note = "tail of ceiling(min(4, 13.4)) = 4 < 5: k = Inf, no smoothing")
add("shortest_tail_S21", rnorm(21), note = "tail of 5, the shortest loo fits")
add("constant_S100", rep(-1.25, 100),
    note = "all equal: loo warns that the tail is constant and returns k = Inf (elbo4j returns -Inf)")

gpd_draws <- function(n, k, sigma) sigma * expm1(-k * log1p(-runif(n))) / k
gpd <- list()
for (spec in list(c(50, 0.2, 1), c(500, 0.8, 0.3), c(10, -0.3, 2), c(5, 0.5, 1), c(200, -1.5, 1))) {
  x <- gpd_draws(spec[1], spec[2], spec[3])
  fit <- loo:::gpdfit(x)
  raw <- loo:::gpdfit(x, wip = FALSE)
  gpd[[length(gpd) + 1]] <- list(n = spec[1], true_k = spec[2], true_sigma = spec[3], x = num(x),
                                 k = num(fit$k), sigma = num(fit$sigma),
                                 k_without_prior = num(raw$k), sigma_without_prior = num(raw$sigma))
}

out <- list(generator = "make_psis_reference.R", loo_version = as.character(packageVersion("loo")),
            r_version = R.version.string, seed = 20240501, cases = cases, gpdfit = gpd)
json <- toJSON(out, auto_unbox = TRUE, json_verbatim = TRUE, pretty = FALSE)
writeLines(json, "psis_reference.json")

for (v in written) stopifnot(identical(as.numeric(fromJSON(v$text)), as.numeric(v$x)))
cat("wrote psis_reference.json:", length(cases), "PSIS cases,", length(gpd), "gpdfit cases\n")
for (c in cases) cat(sprintf("%-34s S=%5d M=%3d k=%s n_eff=%s\n", c$name, c$S, c$tail_len, c$pareto_k, c$n_eff))
