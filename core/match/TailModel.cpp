#include "match/TailModel.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

namespace fe::match {
namespace {

// |xi| below this is the exponential limit of the generalised Pareto distribution.
constexpr double kExponentialXi = 1e-9;

std::size_t exceedanceCount(std::size_t n, const TailFitOptions& o)
{
    const auto wanted = static_cast<std::size_t>(std::llround(o.tailFraction * static_cast<double>(n)));
    return std::min(n, std::clamp(wanted, o.minExceedances, o.maxExceedances));
}

// Fits the top m of scores (reorders scores).
TailModel fitTop(std::vector<double>& scores, const TailFitOptions& o)
{
    const std::size_t n = scores.size();
    const std::size_t m = exceedanceCount(n, o);
    // The tail starts at the (m+1)-th largest score; the m above it are the exceedances.
    std::nth_element(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(m), scores.end(), std::greater<>());
    const double u = scores[m];
    std::vector<double> y;
    y.reserve(m);
    for (std::size_t i = 0; i < m; ++i)
        y.push_back(std::max(scores[i] - u, 0.0));
    return fitGpdPwm(std::move(y), u, static_cast<double>(m) / static_cast<double>(n));
}

double quantile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
    return v[std::min(v.size() - 1, i == 0 ? 0 : i - 1)];
}

} // namespace

double TailModel::fmrAt(double t) const
{
    if (t <= u)
        return tailShare;
    const double y = (t - u) / sigma;
    if (std::abs(xi) < kExponentialXi)
        return tailShare * std::exp(-y);
    const double base = 1.0 + xi * y;
    if (base <= 0.0)
        return 0.0; // beyond the endpoint of a bounded tail
    return tailShare * std::pow(base, -1.0 / xi);
}

double TailModel::thresholdFor(double fmr) const
{
    if (fmr >= tailShare)
        return u;
    const double r = fmr / tailShare;
    if (std::abs(xi) < kExponentialXi)
        return u - sigma * std::log(r);
    return u + sigma / xi * (std::pow(r, -xi) - 1.0);
}

double TailModel::endpoint() const
{
    return xi < 0.0 ? u - sigma / xi : std::numeric_limits<double>::infinity();
}

TailModel fitGpdPwm(std::vector<double> y, double u, double tailShare)
{
    TailModel m;
    m.u = u;
    m.tailShare = tailShare;
    if (y.empty())
        return m;
    std::sort(y.begin(), y.end());
    const double n = static_cast<double>(y.size());
    double a0 = 0.0, a1 = 0.0;
    for (std::size_t j = 0; j < y.size(); ++j) {
        // Plotting position p = (j + 1 - 0.35) / n (Hosking & Wallis 1987).
        const double p = (static_cast<double>(j) + 0.65) / n;
        a0 += y[j];
        a1 += (1.0 - p) * y[j];
    }
    a0 /= n;
    a1 /= n;
    const double d = a0 - 2.0 * a1;
    if (!(d > 0.0) || !(a0 > 0.0)) {
        // All exceedances equal (or nearly): a degenerate, very short tail.
        m.xi = -1.0;
        m.sigma = std::max(a0 * 2.0, 1e-9);
        return m;
    }
    const double k = a0 / d - 2.0; // Hosking's shape; xi = -k
    m.xi = -k;
    m.sigma = 2.0 * a0 * a1 / d;
    return m;
}

// The confidence quantile over the bootstrap replicates of one of their values (the point
// estimate's when there are none).
template <typename F> double TailFit::overReplicates(F value) const
{
    if (replicates.empty())
        return value(point);
    std::vector<double> v;
    v.reserve(replicates.size());
    for (const auto& r : replicates)
        v.push_back(value(r));
    return quantile(std::move(v), confidence);
}

double TailFit::thresholdBound(double fmr) const
{
    return overReplicates([fmr](const TailModel& m) { return m.thresholdFor(fmr); });
}

double TailFit::fmrBound(double t) const
{
    return overReplicates([t](const TailModel& m) { return m.fmrAt(t); });
}

double TailFit::smallestMeasurableFmr() const
{
    return impostorCount > 0 ? 3.0 / static_cast<double>(impostorCount) : 1.0;
}

TailFit fitImpostorTail(const std::vector<ImpostorScore>& scores, const TailFitOptions& options)
{
    if (scores.size() < options.minExceedances + 1)
        throw Error(ErrorCode::InvalidArgument,
                    QT_TRANSLATE_NOOP("fe::Error", "A tail fit needs at least %1 impostor scores (got %2)."),
                    {std::to_string(options.minExceedances + 1), std::to_string(scores.size())});
    TailFit fit;
    fit.impostorCount = scores.size();
    fit.confidence = options.confidence;
    std::vector<double> all;
    all.reserve(scores.size());
    fit.maxImpostor = -std::numeric_limits<double>::infinity();
    for (const auto& s : scores) {
        all.push_back(s.score);
        fit.maxImpostor = std::max(fit.maxImpostor, s.score);
    }
    fit.exceedances = exceedanceCount(all.size(), options);
    {
        std::vector<double> copy = all;
        fit.point = fitTop(copy, options);
    }

    // Identities for the cluster bootstrap, when every pair names both.
    std::map<int, int> index;
    bool clustered = true;
    for (const auto& s : scores) {
        if (s.identityA < 0 || s.identityB < 0) {
            clustered = false;
            break;
        }
        index.emplace(s.identityA, 0);
        index.emplace(s.identityB, 0);
    }
    int next = 0;
    for (auto& [id, i] : index)
        i = next++;
    fit.identities = clustered ? index.size() : 0;
    std::vector<std::pair<std::size_t, std::size_t>> pairIdentities;
    if (clustered) {
        for (const auto& s : scores)
            pairIdentities.emplace_back(static_cast<std::size_t>(index[s.identityA]), static_cast<std::size_t>(index[s.identityB]));
    }

    std::mt19937_64 rng(options.seed);
    std::vector<double> sample;
    std::vector<int> weight(index.size());
    for (int round = 0; round < options.bootstrapRounds; ++round) {
        sample.clear();
        if (clustered) {
            // Draw as many identities as there are, with replacement; a pair of drawn
            // identities contributes its score once per combination of their copies.
            std::fill(weight.begin(), weight.end(), 0);
            for (std::size_t i = 0; i < weight.size(); ++i)
                ++weight[rng() % weight.size()];
            for (std::size_t p = 0; p < scores.size(); ++p) {
                const int w = weight[pairIdentities[p].first] * weight[pairIdentities[p].second];
                for (int c = 0; c < w; ++c)
                    sample.push_back(scores[p].score);
            }
        } else {
            for (std::size_t i = 0; i < all.size(); ++i)
                sample.push_back(all[rng() % all.size()]);
        }
        if (sample.size() < options.minExceedances + 1)
            continue; // a draw of too few identities: no fit
        fit.replicates.push_back(fitTop(sample, options));
    }
    return fit;
}

} // namespace fe::match
