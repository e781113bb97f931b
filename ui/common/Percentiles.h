#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace fe::ui {

// The q-quantile (0..1) of the samples by the nearest-rank method; 0 for no samples.
inline double percentile(std::vector<double> samples, double q)
{
    if (samples.empty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const double rank = std::ceil(q * static_cast<double>(samples.size()));
    const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(samples.size()))) - 1;
    return samples[index];
}

} // namespace fe::ui
