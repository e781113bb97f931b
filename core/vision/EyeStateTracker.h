#pragma once

#include <deque>

namespace fe::vision {

// Eyes-closed state and blink events from the per-frame eye aspect ratio, against an adaptive
// per-subject open-eye baseline (an upper quantile of the recent EAR, so that a narrow-eyed
// subject is not "closed" all the time and slow pose changes do not count as blinks).
// A blink is a closing followed by a reopening, with at most maxBlinkMs spent below the
// closing threshold. Not thread-safe.
class EyeStateTracker
{
public:
    struct Options
    {
        double windowMs = 2000.0;       // history used for the baseline
        double baselineQuantile = 0.75; // blinks take < 15 % of the time, so this is open-eye EAR
        double closeRatio = 0.78;       // closed below this fraction of the baseline
        double openRatio = 0.88;        // reopened above this fraction
        double maxBlinkMs = 500.0;      // longer closures are "eyes closed", not blinks
        double warmupMs = 400.0;        // before this much history, a population baseline is used
        // Open-eye EAR assumed before a subject's own baseline exists (and for stills): low
        // enough that narrow-eyed subjects (open EAR ~0.2) do not read as closed.
        double populationBaseline = 0.25;
    };

    struct State
    {
        bool closed = false;
        bool blinkCompleted = false; // set on the frame the eyes reopen after a blink
        double baseline = 0.0;
        double openness = 1.0;       // ear / baseline
    };

    EyeStateTracker();
    explicit EyeStateTracker(Options options);

    State update(double ear, double timestampMs);
    // A frame without a usable face: the closure in progress is abandoned, history kept.
    void markGap(double timestampMs);
    void reset();

    [[nodiscard]] int blinkCount() const { return m_blinks; }
    [[nodiscard]] double baseline() const { return m_baseline; }

private:
    struct Sample
    {
        double t;
        double ear;
    };

    double computeBaseline() const;

    Options m_options;
    std::deque<Sample> m_history;
    double m_baseline = 0.0;
    bool m_closed = false;
    double m_closedSince = 0.0;
    double m_lastBelowClose = 0.0;
    double m_lastT = 0.0;
    int m_blinks = 0;
};

} // namespace fe::vision
