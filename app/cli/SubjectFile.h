#pragma once

#include <QCommandLineParser>
#include <QString>

// The customer's details for `enroll`. Options such as --name or --phone are visible to every
// local user in the process list (/proc/PID/cmdline) while enroll runs; --subject-file FILE
// (JSON) or --subject-file - (standard input) keeps them out of it.
namespace fe::cli {

extern const QString kSubjectFileOption;

struct SubjectFields
{
    QString name;
    QString documentType;
    QString documentNumber;
    QString dateOfBirth; // empty when not given
    QString phone;
    QString region;      // empty when not given
};

// Adds --subject-file; the per-field options are added by the command.
void addSubjectFileOption(QCommandLineParser& parser);

// The fields from --subject-file and the per-field options together. Throws UsageError for an
// unreadable or malformed file (not a JSON object, an unknown key, a value that is not a
// string), for a field given both in the file and as an option, and for a missing required
// field (name, document type and number, phone). Reads standard input for "-".
SubjectFields readSubjectFields(const QCommandLineParser& parser);

} // namespace fe::cli
