#include "SubjectFile.h"

#include "CliSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstring>

namespace fe::cli {

const QString kSubjectFileOption = QStringLiteral("subject-file");

namespace {

// A subject is a few short strings; a larger input is not one (and is not read into memory).
constexpr qint64 kMaxSubjectFileBytes = 64 * 1024;

struct Field
{
    const char* key;    // in the JSON object
    const char* option; // the equivalent command-line option
    QString SubjectFields::*member;
    bool required;
};

const Field kFields[] = {
    {"name", "name", &SubjectFields::name, true},
    {"document_type", "document-type", &SubjectFields::documentType, true},
    {"document_number", "document-number", &SubjectFields::documentNumber, true},
    {"date_of_birth", "date-of-birth", &SubjectFields::dateOfBirth, false},
    {"phone", "phone", &SubjectFields::phone, true},
    {"region", "region", &SubjectFields::region, false},
};

QByteArray readInput(const QString& path)
{
    QFile f;
    const bool stdinInput = path == QLatin1String("-");
    const bool opened = stdinInput ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
    const QString shown = stdinInput ? tr("standard input") : path;
    if (!opened)
        throw UsageError(tr("cannot read the subject file %1: %2").arg(shown, f.errorString()));
    // Standard input may arrive in pieces: read until its end (or past the limit).
    QByteArray bytes;
    while (bytes.size() <= kMaxSubjectFileBytes) {
        const QByteArray chunk = f.read(kMaxSubjectFileBytes + 1 - bytes.size());
        if (chunk.isEmpty())
            break;
        bytes += chunk;
    }
    if (bytes.size() > kMaxSubjectFileBytes) {
        std::memset(bytes.data(), 0, static_cast<std::size_t>(bytes.size()));
        throw UsageError(tr("the subject file %1 is larger than %2 KiB: it is not a subject").arg(shown).arg(kMaxSubjectFileBytes / 1024));
    }
    if (bytes.isEmpty())
        throw UsageError(tr("the subject file %1 is empty").arg(shown));
    return bytes;
}

} // namespace

void addSubjectFileOption(QCommandLineParser& parser)
{
    parser.addOption({kSubjectFileOption,
                      tr("The customer's details as a JSON object {\"name\", \"document_type\", \"document_number\", "
                         "\"phone\", optional \"date_of_birth\" and \"region\"}, from FILE or from standard input for "
                         "\"-\". Recommended: unlike --name, --document-number and --phone it is not visible to other "
                         "users in the process list."),
                      QStringLiteral("FILE")});
}

SubjectFields readSubjectFields(const QCommandLineParser& parser)
{
    SubjectFields out;
    QJsonObject file;
    QString shown;
    if (parser.isSet(kSubjectFileOption)) {
        const QString path = parser.value(kSubjectFileOption);
        shown = path == QLatin1String("-") ? tr("standard input") : path;
        QByteArray bytes = readInput(path);
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        std::memset(bytes.data(), 0, static_cast<std::size_t>(bytes.size()));
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            throw UsageError(tr("the subject file %1 is not a JSON object (%2 at byte %3)")
                                 .arg(shown, error.error != QJsonParseError::NoError ? error.errorString() : tr("not an object"))
                                 .arg(error.offset));
        file = doc.object();
        for (auto it = file.begin(); it != file.end(); ++it) {
            bool known = false;
            for (const auto& f : kFields)
                known = known || it.key() == QLatin1String(f.key);
            if (!known)
                throw UsageError(tr("the subject file %1 has an unknown key \"%2\"; the keys are name, document_type, "
                                    "document_number, phone, date_of_birth and region")
                                     .arg(shown, it.key()));
            if (!it.value().isString())
                throw UsageError(tr("in the subject file %1, \"%2\" must be a string").arg(shown, it.key()));
        }
    }
    for (const auto& f : kFields) {
        const QString key = QString::fromLatin1(f.key);
        const QString option = QString::fromLatin1(f.option);
        const bool inFile = file.contains(key);
        if (inFile && parser.isSet(option))
            throw UsageError(tr("the %1 is given twice, in the subject file and as --%2; give it once").arg(key, option));
        QString value = inFile ? file.value(key).toString() : parser.value(option);
        if (f.required && value.trimmed().isEmpty())
            throw UsageError(parser.isSet(kSubjectFileOption)
                                 ? tr("the subject file %1 has no \"%2\" (or pass --%3)").arg(shown, key, option)
                                 : tr("--%1 is required (or give it as \"%2\" in --subject-file FILE)").arg(option, key));
        out.*f.member = value;
    }
    return out;
}

} // namespace fe::cli
