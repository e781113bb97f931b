#pragma once

namespace fe::ui {

// The one guidance line the capture view shows, in its fixed priority order (issue 13): the
// first that applies wins. MouthOpen and UnevenLight are measures of the quality gate the
// issue's list does not name; they sit next to their kin (eyes, light) so that every
// failing measure has a hint.
enum class Hint {
    None,         // nothing analysed yet
    NoFace,
    SeveralFaces,
    TooFar,
    TooClose,
    NotCentred,
    LookStraight, // pose: yaw or pitch
    StraightenHead, // pose: roll
    EyesClosed,
    MouthOpen,
    Blur,
    TooDark,
    TooBright,
    UnevenLight,
    HoldStill,
    Ready,
};

// Who the hint speaks to: the customer in front of the camera, or the operator holding an
// ID document up to it.
enum class HintSubject { Person, Document };

} // namespace fe::ui
