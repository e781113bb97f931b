#pragma once

#include <cstddef>
#include <vector>

namespace fe::match {

// The upper tail of the impostor score distribution as a generalised Pareto distribution
// (the peaks-over-threshold model of extreme-value theory, Pickands-Balkema-de Haan): above
// the tail start u, a share tailShare of the impostor scores lies, and for t >= u
//   FMR(t) = tailShare * (1 + xi (t - u) / sigma) ^ (-1 / xi)      (xi != 0)
//   FMR(t) = tailShare * exp(-(t - u) / sigma)                      (xi == 0).
// With xi < 0 the tail ends at u - sigma / xi (cosine scores are bounded): FMR is 0 beyond.
// Plain value type; thread-safe to share.
struct TailModel
{
    double u = 0.0;
    double tailShare = 0.0;
    double xi = 0.0;
    double sigma = 1.0;

    // FMR at threshold t (scores >= t); for t below u, the tail start's share.
    [[nodiscard]] double fmrAt(double t) const;
    // The threshold whose modelled FMR is fmr; for fmr >= tailShare, u.
    [[nodiscard]] double thresholdFor(double fmr) const;
    // The largest score the model allows (+infinity for xi >= 0).
    [[nodiscard]] double endpoint() const;
};

struct TailFitOptions
{
    // Exceedances fitted: this share of the impostor scores, clamped to [minExceedances,
    // maxExceedances]. The top 5 % with at least 50 points is the usual compromise between
    // the bias of a low tail start and the variance of a high one.
    double tailFraction = 0.05;
    std::size_t minExceedances = 50;
    std::size_t maxExceedances = 2000;
    int bootstrapRounds = 400;
    double confidence = 0.95;       // one-sided upper bound on each threshold
    unsigned long long seed = 20261130; // fixed: the same scores give the same bounds
};

// One impostor score with the identities it compares (cluster indices; -1 when unknown).
// Pairs share faces, so they are not independent: when identities are given, the bootstrap
// resamples identities (a cluster bootstrap) instead of pairs, which widens the bounds
// honestly.
struct ImpostorScore
{
    double score = 0.0;
    int identityA = -1;
    int identityB = -1;
};

// A fitted tail and its uncertainty. thresholdBound(fmr) is the one-sided upper confidence
// bound of the threshold for that FMR over the bootstrap replicates: a threshold at least
// that high keeps the FMR at or below the target with the stated confidence, *if* the tail
// model holds that far out (beyond 3 / impostorCount it is an extrapolation).
struct TailFit
{
    TailModel point;
    std::vector<TailModel> replicates;
    std::size_t impostorCount = 0;
    std::size_t exceedances = 0;
    std::size_t identities = 0; // distinct identities in the impostor pairs (0: unknown)
    double maxImpostor = 0.0;
    double confidence = 0.95;

    [[nodiscard]] double thresholdBound(double fmr) const;
    // The upper confidence bound of the FMR at threshold t over the bootstrap replicates.
    [[nodiscard]] double fmrBound(double t) const;
    // The smallest FMR the data show directly: about 3 / n (zero false matches in n pairs
    // bound the FMR at 95 % confidence only to 3 / n, the "rule of three").
    [[nodiscard]] double smallestMeasurableFmr() const;

private:
    template <typename F> double overReplicates(F value) const;
};

// Fits the tail by probability-weighted moments (Hosking & Wallis 1987: unbiased and more
// stable than maximum likelihood for the few hundred exceedances calibration sets have) and
// bootstraps it. Throws fe::Error(InvalidArgument) for fewer than minExceedances scores.
TailFit fitImpostorTail(const std::vector<ImpostorScore>& scores, const TailFitOptions& options = {});

// The generalised Pareto parameters (xi, sigma) of exceedances y > 0 by probability-weighted
// moments; sorts y. Exposed for the tests.
TailModel fitGpdPwm(std::vector<double> exceedances, double u, double tailShare);

} // namespace fe::match
