#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <map>

namespace fe::cli {

// A subcommand: args[0] is its name. Returns the exit status (0: it ran). Throws UsageError
// or fe::Error for bad usage or bad input, which main() turns into exit status 2.
struct Command
{
    std::function<int(const QStringList& args)> run;
    const char* synopsis; // marked with QT_TRANSLATE_NOOP("cli", ...)
};

using CommandTable = std::map<QString, Command>;

// Each group of commands registers itself in one of these.
void registerVisionCommands(CommandTable& table);
void registerStoreCommands(CommandTable& table);
void registerLivenessCommands(CommandTable& table);
void registerEnrollCommands(CommandTable& table);
void registerSyncCommands(CommandTable& table);

} // namespace fe::cli
