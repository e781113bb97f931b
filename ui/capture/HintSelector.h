#pragma once

#include "capture/Hint.h"
#include "liveness/LivenessTypes.h"
#include "vision/VisionTypes.h"

#include <optional>

namespace fe::ui {

// Chooses the guidance line from each analysed frame: the first hint of a fixed priority
// (Hint's order) that the frame calls for, with hysteresis: a new hint replaces the shown one
// only after it was the frame's hint persistFrames times in a row, so that a measure
// wavering at its threshold does not make the line flicker. The first hint after a reset
// shows at once. While a challenge is active, hints that would contradict it are not given
// (a turn makes the pose fail; a blink closes the eyes). Plain value logic, any thread.
class HintSelector
{
public:
    struct Options
    {
        // Frames a new hint must persist before it replaces the shown one: 4 frames are
        // about 170 ms at 24 fps, below the 200-300 ms a reader needs to take in a line,
        // above the one-frame flicker of a measure at its threshold (our choice).
        int persistFrames = 4;
        // The face "moves" when the point between the eyes travels faster than this many
        // inter-eye distances per second; at 0.5 IOD/s a 1/30 s exposure smears the eyes by
        // about 1 % of the IOD, still sharp, while a faster move blurs them (our choice).
        double holdStillIodPerSecond = 0.5;
    };

    HintSelector();
    explicit HintSelector(Options options);

    // The hint this one frame calls for, without hysteresis. previous: the frame analysed
    // before it (for motion), or null.
    [[nodiscard]] Hint rank(const vision::FrameAnalysis& analysis, const vision::FrameAnalysis* previous,
                            std::optional<liveness::ChallengeKind> activeChallenge = std::nullopt) const;

    // Feeds one analysed frame; returns the hint to show now.
    Hint update(const vision::FrameAnalysis& analysis, std::optional<liveness::ChallengeKind> activeChallenge = std::nullopt);

    [[nodiscard]] Hint current() const { return m_current; }
    void reset();

private:
    Options m_options;
    Hint m_current = Hint::None;
    Hint m_pending = Hint::None;
    int m_pendingCount = 0;
    std::optional<vision::FrameAnalysis> m_previous;
};

} // namespace fe::ui
