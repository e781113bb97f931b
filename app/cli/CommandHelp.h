#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <stdexcept>

// `faceenroll-cli COMMAND --help`: each command's usage, options and an example, and the rules
// every command's options follow (a single-valued option given twice is an error). One table
// for every command, so a new command gets help and the same rules by adding one row.
namespace fe::cli {

// Thrown by parseOrThrow() once a command's help is printed: main() exits with 0.
class HelpShown : public std::exception
{
public:
    [[nodiscard]] const char* what() const noexcept override { return "help shown"; }
};

// true when the arguments after the command name hold --help or -h (before a "--").
bool wantsHelp(const QStringList& args);

// main() sets this before running a command whose arguments ask for help.
void setHelpRequested(bool requested);
bool helpRequested();

// The group commands (users, audit, ...) take a subcommand; their help lists the subcommands.
bool isCommandGroup(const QString& command);
void printGroupHelp(const QString& command, const QString& synopsis);

// Prints the help of `command` ("enroll", "users add") from the parser's options and the
// table's example. Called by parseOrThrow() when help was requested.
void printCommandHelp(const QCommandLineParser& parser, const QString& command);

// Throws UsageError when an option that takes one value was given more than once
// ("--user a --user b"): the last one must not silently win. Options the table lists as
// repeatable (export --enrollment) are allowed.
void rejectRepeatedOptions(const QCommandLineParser& parser, const QString& command);

} // namespace fe::cli
