#pragma once

#include <QString>

#include <initializer_list>
#include <string_view>

// A file the CLI writes at the user's request with biometric data in it (liveness --portrait):
// never over an existing file unless --force, readable by its owner only (0600), and with the
// extension of what it holds, so a typo cannot replace a station database or a photo.
namespace fe::cli {

class ExportFile
{
public:
    // Checks the target before any work is done; throws UsageError when the name does not
    // end in one of `extensions` (lower case, without the dot), when it is a folder, or when
    // it exists and force is false. option names the command-line option in the reasons.
    ExportFile(QString path, const QString& option, std::initializer_list<const char*> extensions, bool force);

    // Writes atomically with mode 0600 (a new file, or a replacement with force). Throws
    // UsageError when the file appeared meanwhile (without force), fe::Error on a write error.
    void write(std::string_view content) const;

    [[nodiscard]] const QString& path() const { return m_path; }

private:
    QString m_path;
    QString m_option;
    bool m_force = false;
};

} // namespace fe::cli
