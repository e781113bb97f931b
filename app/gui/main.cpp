// faceenroll: the workstation. Thin: options, the application object, the main window (or
// the measurement mode). Everything else lives in ui/.
#include "app/AppOptions.h"
#include "app/MainWindow.h"
#include "app/MeasureMode.h"
#include "common/LanguageManager.h"
#include "common/Resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

struct Options
{
    std::optional<QString> demoCamera; // set by --demo-camera, empty for the bundled video
    std::optional<double> measureSeconds;
    QString dataDir;
    QString language;
};

void fail(const QString& text)
{
    const QByteArray bytes = (QStringLiteral("faceenroll: ") + text + QLatin1Char('\n')).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
}

// --demo-camera takes an optional FILE, which QCommandLineParser cannot express: a value
// that follows it and is not an option belongs to it.
QStringList takeDemoCamera(QStringList args, Options& options)
{
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--demo-camera")) {
            options.demoCamera = QString();
            if (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1Char('-'))) {
                options.demoCamera = args[i + 1];
                args.removeAt(i + 1);
            }
            args.removeAt(i);
            break;
        }
        if (a.startsWith(QLatin1String("--demo-camera="))) {
            options.demoCamera = a.mid(14);
            args.removeAt(i);
            break;
        }
    }
    return args;
}

} // namespace

int main(int argc, char** argv)
{
#ifdef Q_OS_LINUX
    // Debian 12's Qt 6.4 GStreamer backend cannot decode the demo video without extra plugins
    // and delivers frames on the GUI thread; FFmpeg's does neither. The user's choice wins.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
#endif
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FaceEnroll"));
    QApplication::setApplicationName(QStringLiteral("faceenroll"));
    QApplication::setApplicationDisplayName(QStringLiteral("FaceEnroll"));
    QApplication::setApplicationVersion(QStringLiteral(FACEENROLL_VERSION));
    fe::ui::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/faceenroll.svg")));
    // The language first: --help and errors speak it too.
    fe::ui::LanguageManager language;
    language.setLanguage(fe::ui::LanguageManager::initialLanguage());

    Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("faceenroll", "FaceEnroll workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("demo-camera"),
                      QCoreApplication::translate("faceenroll", "Use the demo camera: FILE (a video played in a loop, or an image), default the "
                         "bundled franck.mp4."),
                      QStringLiteral("[FILE]")});
    parser.addOption({QStringLiteral("measure"),
                      QCoreApplication::translate("faceenroll", "Run the live capture view for SECONDS and print its figures as JSON."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("data-dir"), QCoreApplication::translate("faceenroll", "Where the station's database lives."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("language"), QCoreApplication::translate("faceenroll", "en or zh_CN (default: as last chosen)."),
                      QStringLiteral("LANG")});
    const QStringList args = takeDemoCamera(QApplication::arguments(), options);
    if (!parser.parse(args)) {
        fail(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        fail(QCoreApplication::translate("faceenroll", "unexpected argument \"%1\"; see --help").arg(parser.positionalArguments().first()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("measure"))) {
        bool ok = false;
        const double s = parser.value(QStringLiteral("measure")).toDouble(&ok);
        if (!ok || s < 1.0 || s > 3600.0) {
            fail(QCoreApplication::translate("faceenroll", "--measure takes a number of seconds from 1 to 3600"));
            return 2;
        }
        options.measureSeconds = s;
    }
    options.dataDir = parser.value(QStringLiteral("data-dir"));
    options.language = parser.value(QStringLiteral("language"));

    QString demoFile = fe::ui::AppOptions::defaultDemoVideo();
    if (options.demoCamera && !options.demoCamera->isEmpty()) {
        demoFile = QFileInfo(*options.demoCamera).absoluteFilePath();
        if (!QFileInfo::exists(demoFile)) {
            fail(QCoreApplication::translate("faceenroll", "the demo camera file %1 does not exist").arg(demoFile));
            return 2;
        }
    }

    if (options.measureSeconds) {
        if (!QFileInfo::exists(demoFile)) {
            fail(QCoreApplication::translate("faceenroll", "no demo video at %1; run scripts/fetch-assets").arg(demoFile));
            return 2;
        }
        fe::ui::MeasureMode measure(demoFile, *options.measureSeconds);
        int code = 0;
        QObject::connect(&measure, &fe::ui::MeasureMode::finished, &app, [&code](int c) {
            code = c;
            QCoreApplication::quit();
        });
        QTimer::singleShot(0, &measure, &fe::ui::MeasureMode::start);
        app.exec();
        return code;
    }

    if (!options.language.isEmpty())
        language.setLanguage(options.language);

    fe::ui::AppOptions appOptions;
    appOptions.dataDir = options.dataDir;
    appOptions.demoFile = demoFile;
    appOptions.forceDemoCamera = options.demoCamera.has_value();
    fe::ui::MainWindow window(appOptions);
    window.show();
    return app.exec();
}
