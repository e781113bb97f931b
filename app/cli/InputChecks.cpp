#include "InputChecks.h"

#include "CliSupport.h"

#include <QFileInfo>

namespace fe::cli {

bool isImageName(const QString& path)
{
    static const QStringList kImageSuffixes{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"),
                                            QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("tif"),
                                            QStringLiteral("tiff"), QStringLiteral("pgm"), QStringLiteral("ppm")};
    return kImageSuffixes.contains(QFileInfo(path).suffix().toLower());
}

void checkMediaInput(const QString& path, const QString& option, MediaKind kind)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw UsageError(tr("--%1: the file %2 does not exist").arg(option, path));
    if (info.isDir())
        throw UsageError(kind == MediaKind::Video ? tr("--%1 needs a video; %2 is a folder").arg(option, path)
                                                  : tr("--%1 needs a video (or an image); %2 is a folder").arg(option, path));
    if (!info.isFile())
        throw UsageError(tr("--%1: %2 is not a regular file").arg(option, path));
    if (info.size() == 0)
        throw UsageError(tr("--%1: the file %2 is empty").arg(option, path));
    if (kind == MediaKind::Video && isImageName(path))
        throw UsageError(tr("--%1 needs a video to take a frame from; %2 is an image (leave out --%1-frame)").arg(option, path));
}

} // namespace fe::cli
