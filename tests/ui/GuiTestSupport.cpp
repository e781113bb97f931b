#include "GuiTestSupport.h"

#include "common/LanguageManager.h"
#include "common/Resources.h"
#include "common/TestData.h"
#include "store/SecretBytes.h"
#include "store/Session.h"
#include "store/Store.h"
#include "vision/VisionModels.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTextBrowser>
#include <QWizard>
#include <QWizardPage>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

namespace fe::test::gui {

namespace {
QTemporaryDir& settingsDir()
{
    static QTemporaryDir dir;
    return dir;
}
} // namespace

void prepareEnvironment()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    // Quiet the FFmpeg backend's hardware probing.
    qputenv("QT_LOGGING_RULES", "qt.multimedia.*=false");
}

void initApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FaceEnrollTests"));
    QCoreApplication::setApplicationName(QStringLiteral("faceenroll-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir().path());
    fe::ui::initResources();
    static fe::ui::LanguageManager language;
    language.setLanguage(QStringLiteral("en"));
}

fe::ui::SharedModels sharedModels()
{
    static fe::ui::SharedModels models =
        std::make_shared<const vision::VisionModels>(vision::VisionModels::load(AssetResolver()));
    return models;
}

QString demoVideo()
{
    return QString::fromStdString(fe::test::asset(Asset::DemoVideo).string());
}

QString darkenedImage(const QTemporaryDir& dir, const QString& path)
{
    QImage image = QImage(path).convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = qRgb(qRed(line[x]) / 4, qGreen(line[x]) / 4, qBlue(line[x]) / 4);
    }
    const QString out = dir.filePath(QStringLiteral("dark-id.png"));
    if (!image.save(out))
        qFatal("cannot write %s", qPrintable(out));
    return out;
}

QString demoFrame(const QTemporaryDir& dir, int index, const QString& name)
{
    cv::VideoCapture video(demoVideo().toStdString());
    if (!video.isOpened())
        qFatal("cannot open the demo video");
    video.set(cv::CAP_PROP_POS_FRAMES, index);
    cv::Mat frame;
    if (!video.read(frame) || frame.empty())
        qFatal("the demo video has no frame %d", index);
    const QString path = dir.filePath(name);
    cv::imwrite(path.toStdString(), frame);
    return path;
}

store::StoreOptions fastStoreOptions()
{
    store::StoreOptions o;
    o.kdf = store::KdfParams{1, 8 * 1024};
    return o;
}

void createStation(const QString& dataDir)
{
    const std::filesystem::path db = (dataDir + QStringLiteral("/station.db")).toStdString();
    const auto options = fastStoreOptions();
    (void)store::Store::initialize(db, "admin", store::SecretBytes::fromString(kAdminPassword), options, "Test counter");
    addUser(dataDir, "op1", store::Role::Operator, kOperatorPassword);
    addUser(dataDir, "sup", store::Role::Supervisor, kSupervisorPassword);
}

void addUser(const QString& dataDir, const char* name, store::Role role, const char* password)
{
    const std::filesystem::path db = (dataDir + QStringLiteral("/station.db")).toStdString();
    const std::string oneTime = std::string(password) + "-one-time";
    store::Session admin = store::Store::unlock(db, "admin", store::SecretBytes::fromString(kAdminPassword), fastStoreOptions());
    admin.addUser(name, role, store::SecretBytes::fromString(oneTime));
    admin.logout();
    // The admin's password works once; the user chooses `password` (what a first login in
    // the workstation's "choose your password" screen does).
    store::Session user = store::Store::unlock(db, name, store::SecretBytes::fromString(oneTime), fastStoreOptions());
    user.changeOwnPassword(store::SecretBytes::fromString(password));
    user.logout();
}

void addUserWithOneTimePassword(const QString& dataDir, const char* name, store::Role role, const char* password)
{
    const std::filesystem::path db = (dataDir + QStringLiteral("/station.db")).toStdString();
    store::Session admin = store::Store::unlock(db, "admin", store::SecretBytes::fromString(kAdminPassword), fastStoreOptions());
    admin.addUser(name, role, store::SecretBytes::fromString(password));
    admin.logout();
}

QStringList visibleTexts(QWidget* root)
{
    QStringList out;
    const auto add = [&](const QString& s) {
        if (!s.trimmed().isEmpty())
            out << s;
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        if (!w->isVisible())
            continue;
        if (auto* l = qobject_cast<QLabel*>(w)) {
            QTextDocument doc;
            doc.setHtml(l->text());
            add(l->textFormat() == Qt::PlainText ? l->text() : doc.toPlainText());
        } else if (auto* b = qobject_cast<QAbstractButton*>(w)) {
            add(b->text());
        } else if (auto* e = qobject_cast<QLineEdit*>(w)) {
            if (e->echoMode() == QLineEdit::Normal)
                add(e->text());
            add(e->placeholderText());
        } else if (auto* c = qobject_cast<QComboBox*>(w)) {
            add(c->currentText());
        } else if (auto* g = qobject_cast<QGroupBox*>(w)) {
            add(g->title());
        } else if (auto* t = qobject_cast<QTextBrowser*>(w)) {
            add(t->toPlainText());
        } else if (auto* p = qobject_cast<QWizardPage*>(w)) {
            add(p->title());
            add(p->subTitle());
        }
    }
    return out;
}

void pressKey(QWidget* window, Qt::Key key, int times)
{
    for (int i = 0; i < times; ++i) {
        QWidget* target = QApplication::focusWidget();
        if (target == nullptr || target->window() != window->window())
            target = window;
        QTest::keyClick(target, key);
    }
}

} // namespace fe::test::gui
