#!/usr/bin/Rscript
# make_references.R: the reference posteriors of elbo4j-bench's accuracy suite (README.md beside
# this file describes every model). For each posterior <name>/ it
#   1. reads <name>/data.json if it is present (the committed data are canonical), otherwise
#      generates the data from the posterior's fixed seed and writes data.json (every double in its
#      shortest decimal that reads back to the same double, checked); --regenerate-data forces the
#      generation (and says whether the result equals the committed file);
#   2. compiles <name>/model.stan with rstan (cached outside the repository, in
#      $POSTERIORS_CACHE, default ~/.cache/elbo4j-posteriors, keyed on the model's md5);
#   3. runs NUTS (4 chains, cores = 2, the settings in `posteriors` below), or computes the
#      exact reference (funnel10, wide_uniform_priors; NUTS is then still run, to record how it fares);
#   4. REFUSES to write a reference with any divergent transition, a rank-normalized split R-hat
#      above 1.01, or a Monte Carlo standard error of a posterior mean above 0.02 posterior sd
#      (it prints why and the run exits with status 1);
#   5. writes <name>/reference.json: the summary (0-based names), the NUTS settings and
#      diagnostics, the posterior correlation flags, and 5 log-density check points (parameter
#      values from the draws and Stan's log density there with all normalizing constants, in
#      constrained space, without the Jacobian of the unconstraining transform).
#
# Command (from the repository root; R with rstan 2.21.7, jsonlite):
#   /usr/bin/Rscript elbo4j-bench/src/main/resources/posteriors/make_references.R [name ...] [--regenerate-data]
# With no name it makes every posterior, one after the other.
#
# Time (shared 2-core machine): 617 s of wall-clock time for all twelve with the compiled models
# cached; the first compilation adds 26 to 93 s per model (about 13 min for the twelve). Each
# reference.json has its sampling seconds. A rerun reproduces every committed file bit for bit
# except the "seconds" fields.
suppressMessages({library(rstan); library(jsonlite)})

args <- commandArgs(trailingOnly = TRUE)
regenerate <- "--regenerate-data" %in% args
only <- setdiff(args, "--regenerate-data")

here <- (function() {
  a <- commandArgs(FALSE); f <- sub("^--file=", "", a[grep("^--file=", a)])
  if (length(f)) dirname(normalizePath(f)) else getwd()
})()
cache_dir <- Sys.getenv("POSTERIORS_CACHE", file.path(Sys.getenv("HOME"), ".cache", "elbo4j-posteriors"))
dir.create(cache_dir, showWarnings = FALSE, recursive = TRUE)
boost_dir <- file.path(cache_dir, "boost_include")
if (!file.exists(file.path(boost_dir, "boost"))) {
  dir.create(boost_dir, showWarnings = FALSE, recursive = TRUE)
  invisible(file.symlink("/usr/include/boost", file.path(boost_dir, "boost")))
}

# ---------------------------------------------------------------- JSON with exact doubles
# jsonlite prints at most 15 significant digits, which does not round-trip every double; this
# writer prints each double in the shortest of 15, 16 or 17 significant digits that a correctly
# rounding parser (jsonlite's, as Java's Double.parseDouble) reads back as the same double. R's
# own as.numeric() is not correctly rounding (it reads "0.3369283631730077" as the double below
# the nearest one), so it is not used for the check.
fmt_nums <- function(x) {
  out <- rep("null", length(x))
  if (is.integer(x)) {
    out[!is.na(x)] <- as.character(x[!is.na(x)])
    return(out)
  }
  todo <- which(is.finite(x))
  for (d in 15:17) {
    if (!length(todo)) break
    s <- sprintf(paste0("%.", d, "g"), x[todo])
    back <- fromJSON(paste0("[", paste(s, collapse = ","), "]"))
    ok <- back == x[todo]
    out[todo[ok]] <- s[ok]
    todo <- todo[!ok]
  }
  if (length(todo)) stop("no decimal reads back as ", x[todo[1]])
  out
}
quote_str <- function(s) as.character(toJSON(s, auto_unbox = TRUE))
atoms <- function(v) {
  v <- unclass(v)
  if (is.character(v)) return(vapply(v, quote_str, "", USE.NAMES = FALSE))
  if (is.logical(v)) return(ifelse(is.na(v), "null", ifelse(v, "true", "false")))
  fmt_nums(v)
}
to_json <- function(x, indent = 0L) {
  pad <- strrep("  ", indent + 1L); end <- strrep("  ", indent)
  if (is.null(x)) return("null")
  if (is.list(x)) {
    named <- !is.null(names(x))
    if (!length(x)) return(if (named) "{}" else "[]")
    items <- vapply(seq_along(x), function(i) to_json(x[[i]], indent + 1L), "")
    if (named) items <- paste0(vapply(names(x), quote_str, ""), ": ", items)
    open <- if (named) "{" else "["; close <- if (named) "}" else "]"
    return(paste0(open, "\n", pad, paste(items, collapse = paste0(",\n", pad)), "\n", end, close))
  }
  if (is.matrix(x)) {
    rows <- vapply(seq_len(nrow(x)), function(i) to_json(I(x[i, ]), indent + 1L), "")
    return(paste0("[\n", pad, paste(rows, collapse = paste0(",\n", pad)), "\n", end, "]"))
  }
  if (length(x) == 1 && !inherits(x, "AsIs")) return(atoms(x))
  paste0("[", paste(atoms(x), collapse = ", "), "]")
}
write_json_exact <- function(x, path) writeLines(to_json(x), path)

# ---------------------------------------------------------------- the suite
site <- function(name, dims = integer(0), constraint = "real", lower = NA, upper = NA) {
  list(name = name, dims = as.integer(dims), constraint = constraint, lower = lower, upper = upper)
}
nuts <- function(warmup = 2000, draws = 10000, adapt_delta = 0.95, max_treedepth = 10, seed) {
  list(chains = 4L, warmup = as.integer(warmup), draws = as.integer(draws), adapt_delta = adapt_delta,
       max_treedepth = as.integer(max_treedepth), seed = as.integer(seed))
}
eight_schools_data <- function() list(J = 8L, y = c(28, 8, -3, 7, -1, 1, 18, 12), sigma = c(15, 10, 16, 11, 9, 11, 10, 18))
one_factor_regression <- function(n, k, rho, w, b, sigma) {
  f <- rnorm(n)
  X <- sqrt(rho) * f + sqrt(1 - rho) * matrix(rnorm(n * k), n, k)
  list(N = as.integer(n), K = as.integer(k), X = X, y = as.numeric(b + X %*% w + rnorm(n, 0, sigma)))
}

posteriors <- list(
  linreg_uncentered = list(
    seed = 101L, nuts = nuts(seed = 1101),
    data = function() {
      x <- rnorm(100, 10, 1)
      list(N = 100L, x = x, y = 1 + 2 * x + rnorm(100, 0, 1))
    },
    sites = list(site("a"), site("b"), site("sigma", constraint = "positive")),
    stresses = c("correlation"),
    description = "y = a + b x + noise, n = 100, x ~ N(10, 1) uncentered: corr(a, b) near -0.99"),
  linreg_collinear25 = list(
    seed = 102L, nuts = nuts(seed = 1102),
    data = function() {
      w <- rep(0, 25); w[c(1, 2, 3, 6, 8, 13, 25)] <- c(1.5, -1.0, 0.5, 2.0, -0.5, 1.0, -1.5)
      one_factor_regression(200, 25, 0.9, w, 0.5, 1)
    },
    sites = list(site("w", 25), site("b"), site("sigma", constraint = "positive")),
    stresses = c("correlation", "dimension"),
    description = "linear regression, 25 one-factor predictors with pairwise correlation 0.9, n = 200, 7 non-zero coefficients"),
  linreg_near_degenerate = list(
    seed = 103L, nuts = nuts(seed = 1103, max_treedepth = 12),
    data = function() {
      x1 <- rnorm(100); x2 <- x1 + 0.01 * rnorm(100)
      X <- cbind(x1, x2); dimnames(X) <- NULL
      list(N = 100L, K = 2L, X = X, y = as.numeric(0.5 + X %*% c(1, 1) + rnorm(100)))
    },
    sites = list(site("w", 2), site("b"), site("sigma", constraint = "positive")),
    stresses = c("near-degenerate correlation", "prior-dominated direction"),
    description = "linear regression on x1 and x2 = x1 + 0.01 z, n = 100: |corr(w[0], w[1])| > 0.999"),
  eight_schools_noncentered = list(
    seed = 104L, nuts = nuts(seed = 1104, adapt_delta = 0.99),
    data = eight_schools_data,
    sites = list(site("mu"), site("tau", constraint = "positive"), site("eta", 8)),
    derived = "theta",
    stresses = c("heavy-tailed scale prior", "hierarchical"),
    description = "eight schools, non-centered: theta = mu + tau * eta, tau ~ HalfCauchy(5)"),
  eight_schools_centered = list(
    seed = 105L, nuts = nuts(seed = 1105, warmup = 1000, draws = 1000, adapt_delta = 0.95),
    reference_from = "eight_schools_noncentered",
    data = eight_schools_data,
    sites = list(site("mu"), site("tau", constraint = "positive"), site("theta", 8)),
    stresses = c("funnel", "heavy-tailed scale prior", "hierarchical"),
    description = "eight schools, centered: theta ~ N(mu, tau), a funnel in (log tau, theta); reference from the non-centered run"),
  funnel10 = list(
    seed = 106L, nuts = nuts(seed = 1106, warmup = 1000, draws = 1000, adapt_delta = 0.95),
    exact = function(...) funnel_reference(...),
    data = function() structure(list(), names = character(0)),
    sites = list(site("v"), site("x", 9)),
    stresses = c("funnel", "scale varies by orders of magnitude"),
    description = "Neal's funnel, d = 10: v ~ N(0, 3), x[i] ~ N(0, exp(v / 2)); exact reference"),
  ar2 = list(
    seed = 107L, nuts = nuts(seed = 1107),
    data = function() {
      n <- 300; y <- numeric(n)
      for (t in 3:n) y[t] <- 0.5 + 0.6 * y[t - 1] - 0.3 * y[t - 2] + rnorm(1)
      list(T = 200L, y = y[(n - 199):n])
    },
    sites = list(site("alpha"), site("beta", 2), site("sigma", constraint = "positive")),
    stresses = c("time series", "correlation"),
    description = "AR(2), T = 200 from alpha = 0.5, beta = (0.6, -0.3), sigma = 1, conditional on the first two"),
  mixture2 = list(
    seed = 108L, nuts = nuts(seed = 1108),
    data = function() {
      first <- runif(200) < 0.3
      list(N = 200L, y = ifelse(first, rnorm(200, -1, 0.7), rnorm(200, 2, 1)))
    },
    sites = list(site("mu", 2, constraint = "ordered"), site("sigma", 2, constraint = "positive"),
                 site("pi", constraint = "interval", lower = 0, upper = 1)),
    stresses = c("mixture likelihood", "ordered constraint", "skew"),
    description = "two-component normal mixture, n = 200 from 0.3 N(-1, 0.7^2) + 0.7 N(2, 1), ordered means"),
  hier_logreg = list(
    seed = 109L, nuts = nuts(seed = 1109),
    data = function() {
      J <- 8L; n <- 40L; N <- J * n
      group <- rep(seq_len(J), each = n)
      X <- matrix(rnorm(N * 2), N, 2)
      alpha <- -0.5 + 0.8 * rnorm(J)
      eta <- alpha[group] + as.numeric(X %*% c(1.0, -0.7))
      list(N = N, J = J, K = 2L, group = group, X = X, y = as.integer(runif(N) < plogis(eta)))
    },
    sites = list(site("mu_alpha"), site("sigma_alpha", constraint = "positive"), site("z", 8), site("beta", 2)),
    derived = "alpha",
    stresses = c("hierarchical", "non-Gaussian likelihood", "weakly identified scale"),
    description = "hierarchical logistic regression, 8 groups x 40, 2 predictors, non-centered intercepts"),
  poisson_glm = list(
    seed = 110L, nuts = nuts(seed = 1110),
    data = function() {
      X <- matrix(rnorm(300), 100, 3)
      exposure <- round(runif(100, 0.5, 5), 2)
      list(N = 100L, K = 3L, X = X, exposure = exposure,
           y = rpois(100, exposure * exp(0.5 + as.numeric(X %*% c(0.4, -0.3, 0)))))
    },
    sites = list(site("alpha"), site("beta", 3)),
    stresses = c("count likelihood", "log link"),
    description = "Poisson regression, log link, exposure offset, n = 100, 3 predictors"),
  hier_binomial = list(
    seed = 111L, nuts = nuts(seed = 1111, adapt_delta = 0.99),
    data = function() list(J = 18L, n = rep(45L, 18),
                           y = as.integer(c(18, 17, 16, 15, 14, 14, 13, 12, 11, 11, 10, 10, 10, 10, 10, 9, 8, 7))),
    sites = list(site("mu"), site("tau", constraint = "positive"), site("z", 18)),
    derived = c("alpha", "p"),
    stresses = c("hierarchical", "partial pooling", "scale near zero"),
    description = "Efron-Morris baseball: 18 players' hits in 45 at-bats, non-centered logit abilities"),
  wide_uniform_priors = list(
    seed = 112L, nuts = nuts(seed = 1112, warmup = 6000, max_treedepth = 12),
    exact = function(...) wide_uniform_reference(...),
    data = function() {
      z <- rnorm(20); z <- (z - mean(z)) / sd(z)
      list(N = 20L, y = 2.5 + 2.5 * z)
    },
    sites = list(site("mu", constraint = "interval", lower = -1e6, upper = 1e6),
                 site("sigma", constraint = "interval", lower = 0, upper = 1000)),
    stresses = c("wide bounded priors", "interval transform far from the mass"),
    description = "normal data, n = 20, mu ~ U(-1e6, 1e6), sigma ~ U(0, 1000)")
)

# ---------------------------------------------------------------- helpers
zero_based <- function(nm) {
  m <- regmatches(nm, regexec("^([^\\[]+)\\[(.*)\\]$", nm))[[1]]
  if (!length(m)) return(nm)
  paste0(m[2], "[", paste(as.integer(strsplit(m[3], ",")[[1]]) - 1L, collapse = ","), "]")
}
site_columns <- function(s) if (!length(s$dims)) s$name else paste0(s$name, "[", seq_len(prod(s$dims)), "]")
latent_columns <- function(spec) unlist(lapply(spec$sites, site_columns))

# Stan's unconstraining transforms (Stan Reference Manual, "Constraint transforms").
unconstrain_site <- function(s, draws) {
  switch(s$constraint,
         real = draws,
         positive = log(draws),
         interval = qlogis((draws - s$lower) / (s$upper - s$lower)),
         ordered = cbind(draws[, 1], log(draws[, -1, drop = FALSE] - draws[, -ncol(draws), drop = FALSE])),
         stop("unknown constraint ", s$constraint))
}
max_abs_corr <- function(m) {
  r <- cor(m); diag(r) <- 0
  k <- which.max(abs(r)); ij <- arrayInd(k, dim(r))
  list(value = max(abs(r)), pair = I(unname(vapply(colnames(m)[ij], zero_based, ""))))
}
correlations <- function(spec, draws) {
  cons <- do.call(cbind, lapply(spec$sites, function(s) draws[, site_columns(s), drop = FALSE]))
  unc <- do.call(cbind, lapply(spec$sites, function(s) {
    u <- unconstrain_site(s, draws[, site_columns(s), drop = FALSE]); colnames(u) <- site_columns(s); u
  }))
  c_ <- max_abs_corr(cons); u_ <- max_abs_corr(unc)
  list(unconstrained = u_$value, unconstrained_pair = u_$pair, constrained = c_$value, constrained_pair = c_$pair,
       note = "max |Pearson correlation| between two latent coordinates over all pairs, from the reference draws; unconstrained = after Stan's transforms (log for positive, logit for intervals, (x1, log diff) for ordered)")
}
# Pairwise correlations can all be small while the posterior is badly conditioned (25 predictors
# with pairwise correlation 0.9 give pairwise posterior correlations near -0.04). For a Gaussian
# posterior with covariance S and precision P = S^-1, the mean-field Gaussian that minimizes
# KL(q || p) has variances 1 / P_ii (Bishop, PRML, sec. 10.1.2), so its sd over the true sd is
# sqrt(1 / (S_ii P_ii)) = sqrt(1 - R_i^2), R_i the multiple correlation of coordinate i with all
# the others. Computed on the unconstrained draws.
mean_field_ratio <- function(spec, draws) {
  unc <- do.call(cbind, lapply(spec$sites, function(s) {
    u <- unconstrain_site(s, draws[, site_columns(s), drop = FALSE]); colnames(u) <- site_columns(s); u
  }))
  S <- cov(unc); ratio <- sqrt(1 / (diag(S) * diag(solve(S))))
  k <- which.min(ratio)
  list(min_sd_ratio = unname(ratio[k]), coordinate = zero_based(colnames(unc)[k]),
       max_multiple_correlation = sqrt(1 - unname(ratio[k])^2),
       note = "for a Gaussian posterior the KL(q || p) mean-field Gaussian has sd_i / true sd_i = sqrt(1 / (S_ii P_ii)), S the covariance of the unconstrained draws and P its inverse; the smallest ratio, its coordinate, and the multiple correlation sqrt(1 - ratio^2) of that coordinate with all the others")
}

compile_model <- function(name) {
  stan_file <- file.path(here, name, "model.stan")
  key <- unname(tools::md5sum(stan_file))
  rds <- file.path(cache_dir, paste0(name, "-", key, ".rds"))
  if (file.exists(rds)) return(readRDS(rds))
  t0 <- proc.time()[["elapsed"]]
  m <- stan_model(stan_file, model_name = name, auto_write = FALSE, boost_lib = boost_dir)
  cat(sprintf("  compiled %s in %.0f s\n", name, proc.time()[["elapsed"]] - t0))
  saveRDS(m, rds)
  m
}

load_data <- function(name, spec) {
  path <- file.path(here, name, "data.json")
  set.seed(spec$seed)
  fresh <- spec$data()
  if (file.exists(path) && !regenerate) {
    stored <- fromJSON(path, simplifyVector = TRUE)
    return(stored)
  }
  if (file.exists(path)) {
    same <- isTRUE(all.equal(fromJSON(path, simplifyVector = TRUE), fresh, tolerance = 0, check.attributes = FALSE))
    cat(sprintf("  regenerated data %s the committed data.json\n", if (same) "equal" else "DIFFER FROM"))
  }
  write_json_exact(fresh, path)
  back <- fromJSON(path, simplifyVector = TRUE)
  for (k in names(fresh)) {
    if (!isTRUE(all(as.numeric(back[[k]]) == as.numeric(fresh[[k]])))) stop("data.json does not read back exactly: ", k)
  }
  fresh
}

run_nuts <- function(model, data, settings) {
  warns <- character(0)
  t0 <- proc.time()[["elapsed"]]
  fit <- withCallingHandlers(
    sampling(model, data = data, chains = settings$chains, iter = settings$warmup + settings$draws,
             warmup = settings$warmup, cores = 2, seed = settings$seed, refresh = 0,
             control = list(adapt_delta = settings$adapt_delta, max_treedepth = settings$max_treedepth)),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  seconds <- proc.time()[["elapsed"]] - t0
  sp <- get_sampler_params(fit, inc_warmup = FALSE)
  c(settings, list(
    divergences = sum(sapply(sp, function(z) sum(z[, "divergent__"]))),
    max_treedepth_hits = sum(sapply(sp, function(z) sum(z[, "treedepth__"] >= settings$max_treedepth))),
    step_size = I(sapply(sp, function(z) z[1, "stepsize__"])),
    # E-BFMI per chain (Betancourt, arXiv:1604.00695, eq. 3): below 0.3 the momentum resampling
    # cannot move the energy across the posterior's range (heavy tails, funnels).
    e_bfmi = I(sapply(sp, function(z) { e <- z[, "energy__"]; sum(diff(e)^2) / sum((e - mean(e))^2) })),
    mean_leapfrog_steps = mean(sapply(sp, function(z) mean(z[, "n_leapfrog__"]))),
    seconds = round(seconds, 1), metric = "diag_e", warnings = I(warns), fit = fit))
}

summarize_draws <- function(fit, columns) {
  sims <- as.array(fit, pars = unique(sub("\\[.*", "", columns)))
  sims <- sims[, , columns, drop = FALSE]
  mon <- unclass(monitor(sims, warmup = 0, probs = c(0.05, 0.5, 0.95), print = FALSE))
  lapply(seq_along(columns), function(i) {
    col <- function(k) mon[[k]][i]
    list(name = zero_based(columns[i]), mean = col("mean"), sd = col("sd"), q05 = col("5%"), q50 = col("50%"),
         q95 = col("95%"), mcse_mean = col("se_mean"), ess_bulk = col("Bulk_ESS"), ess_tail = col("Tail_ESS"),
         rhat = col("Rhat"))
  })
}

exact_row <- function(name, mean, sd, q05, q50, q95) list(name = name, mean = mean, sd = sd, q05 = q05, q50 = q50,
                                                         q95 = q95, mcse_mean = 0, ess_bulk = NULL, ess_tail = NULL, rhat = NULL)

# Exact reference of Neal's funnel: v ~ N(0, 3); x_i | v ~ N(0, e^{v/2}), so E x_i = 0 and
# Var x_i = E e^v = e^{9/2} (lognormal mean), sd = e^{9/4}; the cdf of x_i is
# F(q) = integral of N(v; 0, 3) Phi(q e^{-v/2}) dv, inverted with uniroot. The integral runs over
# |v| <= 45 (15 sd; the mass outside is below 1e-50) because q e^{-v/2} overflows to NaN at -Inf.
funnel_reference <- function(spec, data, columns) {
  cdf <- function(q) integrate(function(v) dnorm(v, 0, 3) * pnorm(q * exp(-v / 2)), -45, 45,
                               rel.tol = 1e-11, abs.tol = 0, subdivisions = 1000L)$value
  q95 <- uniroot(function(q) cdf(q) - 0.95, c(0, 100), tol = 1e-12)$root
  set.seed(spec$seed)
  v <- rnorm(5, 0, 3)
  draws <- cbind(v, exp(v / 2) * matrix(rnorm(45), 5, 9)); colnames(draws) <- columns
  list(
    parameters = c(list(exact_row("v", 0, 3, qnorm(0.05, 0, 3), 0, qnorm(0.95, 0, 3))),
                   lapply(0:8, function(i) exact_row(sprintf("x[%d]", i), 0, exp(9 / 4), -q95, 0, q95))),
    check_draws = draws,
    correlation = list(unconstrained = 0, constrained = 0,
                       note = "exact: E[v x_i] = 0 and E[x_i x_j] = 0 for i != j; v and x are dependent (the funnel) although uncorrelated"),
    mean_field = list(min_sd_ratio = 1, coordinate = "v", max_multiple_correlation = 0,
                      note = "exact: the covariance is diagonal, so the Gaussian formula gives 1; it does not apply, the funnel is far from Gaussian"),
    method = "exact: v ~ N(0, 3); x[i] has mean 0, sd exp(9/4), 5% and 95% quantiles by numerical integration of its cdf (R integrate over |v| <= 45, rel.tol 1e-11, inverted by uniroot); check points are exact i.i.d. draws")
}

# Exact reference of y_i ~ N(mu, sigma) with flat priors mu ~ U(-1e6, 1e6), sigma ~ U(0, 1000)
# (Gelman et al., BDA3, sec. 3.2, with p(sigma) flat instead of 1/sigma): with S = sum (y - ybar)^2,
# integrating mu out gives p(sigma | y) propto sigma^{-(n-1)} exp(-S / (2 sigma^2)), i.e.
# sigma^2 ~ Inv-Gamma(a = n/2 - 1, b = S/2), and mu | sigma, y ~ N(ybar, sigma / sqrt(n)); so mu | y is
# Student's t with n - 2 degrees of freedom, location ybar, scale sqrt(S / (n (n - 2))). E sigma =
# sqrt(b) Gamma(a - 1/2) / Gamma(a), E sigma^2 = b / (a - 1); P(sigma <= q) = P(G >= b / q^2),
# G ~ Gamma(a, 1). The box truncates nothing a double can see: P(sigma > 1000) < 1e-40 and mu's
# bounds are more than 1e5 posterior sd away. Correlations from 10^6 exact i.i.d. draws.
wide_uniform_reference <- function(spec, data, columns) {
  y <- data$y; n <- length(y); ybar <- mean(y); S <- sum((y - ybar)^2)
  a <- n / 2 - 1; b <- S / 2; nu <- n - 2; scale <- sqrt(S / (n * nu))
  e_sigma <- sqrt(b) * exp(lgamma(a - 0.5) - lgamma(a))
  q_sigma <- function(p) sqrt(b / qgamma(1 - p, a))
  exact_draws <- function(k) {
    sigma <- sqrt(b / rgamma(k, a)); mu <- rnorm(k, ybar, sigma / sqrt(n))
    m <- cbind(mu, sigma); colnames(m) <- columns; m
  }
  set.seed(spec$seed)
  many <- exact_draws(1e6)
  list(
    parameters = list(
      exact_row("mu", ybar, scale * sqrt(nu / (nu - 2)), ybar + scale * qt(0.05, nu), ybar, ybar + scale * qt(0.95, nu)),
      exact_row("sigma", e_sigma, sqrt(b / (a - 1) - e_sigma^2), q_sigma(0.05), q_sigma(0.5), q_sigma(0.95))),
    check_draws = exact_draws(5),
    correlation = correlations(spec, many),
    mean_field = mean_field_ratio(spec, many),
    method = sprintf("exact: mu | y ~ Student t(%d) with location ybar and scale sqrt(S / (n (n - 2))), sigma^2 | y ~ Inv-Gamma(n/2 - 1, S/2) (flat priors, truncation below 1e-40); correlations from 10^6 exact draws; check points are exact i.i.d. draws", nu))
}

point_list <- function(spec, draws_row) {
  pts <- lapply(spec$sites, function(s) {
    v <- as.numeric(draws_row[site_columns(s)])
    if (length(s$dims)) I(v) else v
  })
  names(pts) <- vapply(spec$sites, `[[`, "", "name")
  pts
}
log_density_checks <- function(spec, fit, draws) {
  set.seed(spec$nuts$seed + 7L)
  rows <- sample.int(nrow(draws), 5)
  lapply(rows, function(r) {
    p <- point_list(spec, draws[r, ])
    up <- unconstrain_pars(fit, lapply(p, unclass))
    list(point = p, log_density = log_prob(fit, up, adjust_transform = FALSE, gradient = FALSE))
  })
}

refusals <- function(ref_run, params) {
  why <- character(0)
  if (ref_run$divergences > 0) why <- c(why, sprintf("%d divergent transitions", ref_run$divergences))
  rh <- vapply(params, function(p) p$rhat, 0)
  if (max(rh) > 1.01) why <- c(why, sprintf("max R-hat %.4f > 1.01 (%s)", max(rh), params[[which.max(rh)]]$name))
  ratio <- vapply(params, function(p) p$mcse_mean / p$sd, 0)
  if (max(ratio) > 0.02) why <- c(why, sprintf("MCSE/sd %.4f > 0.02 (%s)", max(ratio), params[[which.max(ratio)]]$name))
  why
}
drop_fit <- function(run) run[setdiff(names(run), c("fit", "seed_note"))]

# ---------------------------------------------------------------- main loop
fits <- new.env()
failed <- character(0)
t_all <- proc.time()[["elapsed"]]
names_to_run <- if (length(only)) only else names(posteriors)
for (name in names_to_run) {
  spec <- posteriors[[name]]
  if (is.null(spec)) stop("no posterior named ", name, "; known: ", paste(names(posteriors), collapse = ", "))
  cat(sprintf("== %s\n", name))
  data <- load_data(name, spec)
  model <- compile_model(name)
  columns <- latent_columns(spec)
  # The run on the model as written: the reference run itself, except where the reference comes
  # from elsewhere (centered eight schools, funnel), where it only documents NUTS's trouble.
  as_written <- run_nuts(model, data, spec$nuts)
  assign(name, as_written, envir = fits)
  if (!is.null(spec$exact)) {
    exact <- spec$exact(spec, data, columns)
    params <- exact$parameters
    checks <- log_density_checks(spec, as_written$fit, exact$check_draws)
    corr <- exact$correlation
    mean_field <- exact$mean_field
    ref_run <- NULL
    method <- exact$method
    why <- character(0)
  } else {
    ref_run <- as_written
    if (!is.null(spec$reference_from)) {
      ref_run <- get0(spec$reference_from, envir = fits)
      if (is.null(ref_run)) {
        other <- posteriors[[spec$reference_from]]
        ref_run <- run_nuts(compile_model(spec$reference_from), load_data(spec$reference_from, other), other$nuts)
      }
    }
    draws <- as.matrix(ref_run$fit, pars = unique(c(vapply(spec$sites, `[[`, "", "name"))))
    draws <- draws[, columns, drop = FALSE]
    derived_cols <- if (length(spec$derived)) {
      all_cols <- colnames(as.matrix(ref_run$fit, pars = spec$derived))
      all_cols
    } else character(0)
    params <- summarize_draws(ref_run$fit, c(columns, derived_cols))
    corr <- correlations(spec, draws)
    mean_field <- mean_field_ratio(spec, draws)
    checks <- log_density_checks(spec, as_written$fit, draws)
    method <- if (is.null(spec$reference_from)) "nuts" else
      sprintf("nuts on %s (the same posterior of %s, reparameterized); the model as written diverges, see nuts_as_written",
              spec$reference_from, paste(vapply(spec$sites, `[[`, "", "name"), collapse = ", "))
    why <- refusals(ref_run, params)
  }
  ess <- vapply(params, function(p) if (is.null(p$ess_bulk)) Inf else min(p$ess_bulk, p$ess_tail), 0)
  rhat <- vapply(params, function(p) if (is.null(p$rhat)) 1 else p$rhat, 0)
  as_written_summary <- summarize_draws(as_written$fit, columns)
  as_written$max_rhat <- max(vapply(as_written_summary, function(p) p$rhat, 0))
  well_posed <- as_written$divergences == 0 && as_written$max_rhat <= 1.01 && min(as_written$e_bfmi) >= 0.3 &&
    corr$unconstrained < 0.999
  if (length(why)) {
    cat(sprintf("  REFUSED to write %s/reference.json: %s\n", name, paste(why, collapse = "; ")))
    failed <- c(failed, name)
    next
  }
  nuts_block <- if (is.null(ref_run)) NULL else c(drop_fit(ref_run), list(
    min_ess = min(ess), max_rhat = max(rhat),
    max_mcse_over_sd = max(vapply(params, function(p) p$mcse_mean / p$sd, 0))))
  ref <- list(
    name = name, description = spec$description, method = method,
    stresses = I(spec$stresses), well_posed = well_posed,
    well_posed_rule = "NUTS on the model as written has no divergence, R-hat <= 1.01 and E-BFMI >= 0.3 on every chain, and the max |correlation| of the unconstrained latents is < 0.999",
    max_abs_correlation = corr,
    mean_field_gaussian = mean_field,
    sites = lapply(spec$sites, function(s) list(name = s$name, shape = I(s$dims), constraint = s$constraint)),
    parameters = params,
    nuts = nuts_block,
    nuts_as_written = if (is.null(spec$reference_from) && is.null(spec$exact)) NULL else c(drop_fit(as_written), list(
      summary = lapply(as_written_summary, function(p) p[c("name", "mean", "sd", "q05", "q95", "rhat")]),
      note = "this run is NOT the reference: it shows what NUTS gives on the model as written")),
    log_density_checks = checks,
    log_density_note = "Stan's log_prob(fit, unconstrain_pars(fit, point), adjust_transform = FALSE): the log joint density with all normalizing constants at the constrained point, no Jacobian",
    generator = list(script = "make_references.R", R = R.version.string,
                     rstan = as.character(packageVersion("rstan")), data_seed = spec$seed))
  ref <- ref[!vapply(ref, is.null, TRUE)]
  write_json_exact(ref, file.path(here, name, "reference.json"))
  cat(sprintf("  wrote reference.json: %s, %.1f s sampling, divergences %d, min ESS %.0f, max R-hat %.4f, max |corr| %.4f (unconstrained) %.4f (constrained), mean-field sd ratio %.3f, well_posed %s\n",
              if (is.null(ref_run)) "exact" else sprintf("4 x (%d + %d), adapt_delta %.2f", ref_run$warmup, ref_run$draws, ref_run$adapt_delta),
              if (is.null(ref_run)) 0 else ref_run$seconds, if (is.null(ref_run)) 0L else ref_run$divergences,
              min(ess), max(rhat), corr$unconstrained, corr$constrained, mean_field$min_sd_ratio, well_posed))
  cat(sprintf("  model as written: divergences %d, treedepth hits %d, max R-hat %.3f, min E-BFMI %.2f, %.1f s\n",
              as_written$divergences, as_written$max_treedepth_hits, as_written$max_rhat, min(as_written$e_bfmi), as_written$seconds))
}
cat(sprintf("total %.0f s\n", proc.time()[["elapsed"]] - t_all))
if (length(failed)) {
  cat("REFUSED:", paste(failed, collapse = ", "), "\n")
  quit(status = 1)
}
