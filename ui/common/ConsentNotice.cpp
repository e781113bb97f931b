#include "common/ConsentNotice.h"

#include <QDir>
#include <QFile>

namespace fe::ui {

ConsentNotice ConsentNotice::current(const QString& language)
{
    int best = 0;
    const QStringList versions = QDir(QStringLiteral(":/consent")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : versions) {
        bool ok = false;
        const int v = name.mid(1).toInt(&ok);
        if (name.startsWith(u'v') && ok && v > best)
            best = v;
    }
    ConsentNotice notice;
    if (best == 0)
        return notice;
    for (const QString& lang : {language, QStringLiteral("en")}) {
        QFile file(QStringLiteral(":/consent/v%1/%2.html").arg(best).arg(lang));
        if (file.open(QIODevice::ReadOnly)) {
            notice.version = QString::number(best);
            notice.language = lang;
            notice.html = QString::fromUtf8(file.readAll());
            return notice;
        }
    }
    return notice;
}

} // namespace fe::ui
