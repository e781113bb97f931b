#pragma once

#include <QString>

// Checks of the media files a command names, made before anything slow (a login, loading the
// models) so that a mistyped path is reported at once. They look at the file system and the
// name only; the readers in core/vision still judge the content.
namespace fe::cli {

enum class MediaKind
{
    VideoOrImage, // a live capture: a video, or a still (which fails liveness)
    Video,        // a frame is taken from it (--id-photo-frame)
};

// Throws UsageError naming --option: the file does not exist, is a folder or not a regular
// file, is empty, or (for Video) is named like an image ("needs a video").
void checkMediaInput(const QString& path, const QString& option, MediaKind kind);

// true for the extensions the image readers take (.jpg, .png, ...).
bool isImageName(const QString& path);

} // namespace fe::cli
