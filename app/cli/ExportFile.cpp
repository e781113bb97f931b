#include "ExportFile.h"

#include "CliSupport.h"
#include "common/Error.h"
#include "store/FileUtil.h"

#include <QFileInfo>
#include <QStringList>

namespace fe::cli {
namespace {

// Free functions, not members: lupdate files the tr() calls of fe::cli code by the enclosing
// function's scope, and the CLI translates under "fe::cli".
UsageError existsError(const QString& option, const QString& path)
{
    return UsageError(tr("--%1: %2 exists already; choose another name, or add --force to replace it").arg(option, path));
}

void checkTarget(const QString& path, const QString& option, const QStringList& allowed, bool force)
{
    const QFileInfo info(path);
    if (!allowed.contains(info.suffix().toLower()))
        throw UsageError(tr("--%1 writes a %2 file: give a name ending in .%3")
                             .arg(option, allowed.value(0).toUpper(), allowed.join(QStringLiteral(" or ."))));
    if (info.isDir())
        throw UsageError(tr("--%1: %2 is a folder; give a file name").arg(option, path));
    if (info.exists() || info.isSymLink()) {
        if (!force)
            throw existsError(option, path);
        if (!info.isFile())
            throw UsageError(tr("--%1: %2 is not a regular file; it is not replaced").arg(option, path));
    }
}

} // namespace

ExportFile::ExportFile(QString path, const QString& option, std::initializer_list<const char*> extensions, bool force)
    : m_path(std::move(path)), m_option(option), m_force(force)
{
    QStringList allowed;
    for (const char* e : extensions)
        allowed << QString::fromLatin1(e);
    checkTarget(m_path, m_option, allowed, m_force);
}

void ExportFile::write(std::string_view content) const
{
    const std::filesystem::path target(m_path.toStdString());
    if (m_force) {
        store::writeFileAtomically(target, content); // a temporary file of mode 0600, renamed over
        return;
    }
    try {
        store::writeNewFile(target, content); // 0600; fails when the name was taken meanwhile
    } catch (const Error& e) {
        if (e.code() == ErrorCode::Conflict)
            throw existsError(m_option, m_path);
        throw;
    }
}

} // namespace fe::cli
