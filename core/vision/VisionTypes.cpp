#include "vision/VisionTypes.h"

namespace fe::vision {

std::string_view guidanceKey(Guidance guidance) noexcept
{
    switch (guidance) {
    case Guidance::NoFace: return "no_face";
    case Guidance::SeveralFaces: return "several_faces";
    case Guidance::MoveCloser: return "move_closer";
    case Guidance::MoveBack: return "move_back";
    case Guidance::CentreFace: return "centre_face";
    case Guidance::LookStraight: return "look_straight";
    case Guidance::StraightenHead: return "straighten_head";
    case Guidance::MoreLight: return "more_light";
    case Guidance::LessLight: return "less_light";
    case Guidance::OpenEyes: return "open_eyes";
    case Guidance::CloseMouth: return "close_mouth";
    case Guidance::HoldStill: return "hold_still";
    case Guidance::Ok: return "ok";
    }
    return "no_face";
}

} // namespace fe::vision
