#pragma once

// Shared by the workstation's tests (tests/ui): the offscreen application with the FFmpeg
// media backend and private settings, the demo media as files, stations in temporary
// directories, and helpers to drive and read the real widgets.

#include "capture/AnalysisWorker.h"
#include "store/Roles.h"
#include "store/StoreOptions.h"

#include <QApplication>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

namespace fe::test::gui {

// Before QApplication: the FFmpeg media backend, the offscreen platform unless another was
// chosen, QSettings in a temporary directory (tests never see or change the user's).
void prepareEnvironment();
// After QApplication: resources, English.
void initApplication();

// Loads the models once per test process and keeps them (ModelLoader reuses them).
fe::ui::SharedModels sharedModels();

// Frame `index` of the demo video written as a PNG into dir; its path.
QString demoFrame(const QTemporaryDir& dir, int index, const QString& name = QStringLiteral("frame.png"));
QString demoVideo();
// The picture at `path` with its brightness cut to a quarter, written into dir: the face is
// still found, but the document profile's exposure measure fails.
QString darkenedImage(const QTemporaryDir& dir, const QString& path);

// The cheapest Argon2id (the production cost is the store's business, not the GUI's).
store::StoreOptions fastStoreOptions();

inline constexpr const char* kAdminPassword = "admin-password-1";
inline constexpr const char* kOperatorPassword = "operator-password-1";
inline constexpr const char* kSupervisorPassword = "supervisor-password-1";
inline constexpr const char* kOneTimePassword = "welcome-one-time-1";

// A station at dir/station.db with admin "admin", operator "op1" and supervisor "sup".
void createStation(const QString& dataDir);
// Adds a user as the admin (what an admin does with faceenroll-cli until part 2's screens).
// A user whose password is `password` (set by the admin, then chosen by the user).
void addUser(const QString& dataDir, const char* name, store::Role role, const char* password);
// A user with the admin's one-time password: their first login asks for their own.
void addUserWithOneTimePassword(const QString& dataDir, const char* name, store::Role role, const char* password);

// Every piece of text a person sees in the widget tree below root (labels, buttons, check
// boxes, line-edit texts and placeholders, combo boxes, tab and group titles, wizard titles,
// text browsers), visible ones only.
QStringList visibleTexts(QWidget* root);

// Presses a key `times` times on whatever has the keyboard focus in window.
void pressKey(QWidget* window, Qt::Key key, int times = 1);

} // namespace fe::test::gui

#define FE_GUI_TEST_MAIN(TestClass)                                                                                    \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        fe::test::gui::prepareEnvironment();                                                                           \
        QApplication app(argc, argv);                                                                                  \
        fe::test::gui::initApplication();                                                                              \
        TestClass tc;                                                                                                  \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                     \
        return QTest::qExec(&tc, argc, argv);                                                                          \
    }
