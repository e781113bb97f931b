#pragma once

#include "common/AssetResolver.h"

#include <QString>
#include <QStringList>

#include <filesystem>

namespace fe::test {

// The one way tests find their data. A missing asset throws (the test fails); it never skips.
std::filesystem::path asset(fe::Asset which);

// A committed file under tests/data/.
std::filesystem::path dataFile(const char* name);

// The built faceenroll-cli.
QString cliPath();

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QByteArray> lines() const;
    // The object under "summary" on the last line (empty when absent).
    QByteArray lastLine() const;
};

// Runs faceenroll-cli with args, waiting up to timeoutMs. env: variables to set or override
// (the rest of the environment is inherited).
CliResult runCli(const QStringList& args, int timeoutMs = 600'000, const QByteArray& stdinData = {},
                 const QList<QPair<QString, QString>>& env = {});

} // namespace fe::test
