#include "LiveOptions.h"

#include "CliSupport.h"

namespace fe::cli {
// Unqualified return types keep lupdate's context at fe::cli for the tr() calls below.
using liveness::ChallengeKind;
using liveness::Mode;

namespace {

constexpr double kStillSeconds = 5.0;
constexpr double kStillFps = 25.0;

} // namespace

Mode parseMode(const QString& mode)
{
    if (mode == QLatin1String("spontaneous"))
        return Mode::Spontaneous;
    if (mode != QLatin1String("challenge"))
        throw UsageError(tr("--mode takes challenge or spontaneous"));
    return Mode::Challenge;
}

std::vector<ChallengeKind> parseChallenges(const QString& list)
{
    std::vector<ChallengeKind> out;
    for (const QString& item : list.split(u',', Qt::SkipEmptyParts)) {
        const auto kind = liveness::challengeFromKey(item.trimmed().toStdString());
        if (!kind)
            throw UsageError(tr("unknown challenge \"%1\"; use blink, turn-left, turn-right, open-mouth").arg(item));
        out.push_back(*kind);
    }
    if (out.empty())
        throw UsageError(tr("--challenges needs at least one challenge"));
    return out;
}

vision::SourceOptions liveSourceOptions()
{
    vision::SourceOptions o;
    o.stillSeconds = kStillSeconds;
    o.stillFps = kStillFps;
    return o;
}

} // namespace fe::cli
