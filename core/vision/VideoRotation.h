#pragma once

#include <filesystem>

namespace fe::vision {

// The display rotation a video file's container asks for: the clockwise angle (0, 90, 180 or
// 270 degrees) by which a player turns the decoded picture, as FFmpeg's own players read the
// first video stream's display matrix (fftools: theta = -av_display_rotation_get(matrix)).
// Phones write portrait video as landscape pixels plus this rotation. Angles that are not a
// multiple of 90 degrees, flips and a missing matrix give 0. Never throws; thread-safe.
int videoDisplayRotation(const std::filesystem::path& path);

} // namespace fe::vision
