#include "common/TestData.h"

#include <QProcess>

#include <stdexcept>

namespace fe::test {

std::filesystem::path asset(fe::Asset which)
{
    return fe::AssetResolver().path(which);
}

std::filesystem::path dataFile(const char* name)
{
    auto p = std::filesystem::path(FACEENROLL_SOURCE_DIR) / "tests" / "data" / name;
    if (!std::filesystem::exists(p))
        throw std::runtime_error("missing test data file " + p.string());
    return p;
}

QString cliPath()
{
    return QStringLiteral(FACEENROLL_CLI);
}

QList<QByteArray> CliResult::lines() const
{
    QList<QByteArray> out;
    for (const auto& line : this->out.split('\n')) {
        if (!line.trimmed().isEmpty())
            out.push_back(line);
    }
    return out;
}

QByteArray CliResult::lastLine() const
{
    const auto all = lines();
    return all.isEmpty() ? QByteArray() : all.back();
}

CliResult runCli(const QStringList& args, int timeoutMs, const QByteArray& stdinData,
                 const QList<QPair<QString, QString>>& env)
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const auto& [name, value] : env)
            e.insert(name, value);
        p.setProcessEnvironment(e);
    }
    p.start(cliPath(), args);
    CliResult r;
    if (!p.waitForStarted(30'000))
        throw std::runtime_error("cannot start faceenroll-cli");
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        throw std::runtime_error("faceenroll-cli timed out");
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace fe::test
