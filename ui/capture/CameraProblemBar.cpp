#include "capture/CameraProblemBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fe::ui {

CameraProblemBar::CameraProblemBar(CameraController* camera, QString demoVideo, QWidget* parent)
    : QFrame(parent), m_camera(camera), m_demoVideo(std::move(demoVideo)), m_text(new QLabel(this)),
      m_retry(new QPushButton(this)), m_demo(new QPushButton(this)), m_choose(new QPushButton(this))
{
    setObjectName(QStringLiteral("cameraProblemBar"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#cameraProblemBar { background: #fdecea; border: 1px solid #b3261e; border-radius: 6px; }"
                                 "#cameraProblemBar QLabel { color: #410e0b; }"));
    m_text->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("cameraProblemText"));
    for (QPushButton* b : {m_retry, m_demo, m_choose})
        b->setAutoDefault(false);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_demo);
    layout->addWidget(m_choose);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        Q_EMIT retryRequested();
        m_camera->start();
    });
    connect(m_demo, &QPushButton::clicked, this, [this] {
        m_camera->setChoice(CameraChoice::demoFile(m_demoVideo));
        if (!m_camera->isRunning())
            m_camera->start();
    });
    connect(m_choose, &QPushButton::clicked, this, &CameraProblemBar::chooseCameraRequested);
    connect(m_camera, &CameraController::problemChanged, this, &CameraProblemBar::showProblem);
    showProblem(m_camera->problem());
}

QString CameraProblemBar::message() const
{
    return m_text->text();
}

void CameraProblemBar::showProblem(CameraController::Problem problem)
{
    using P = CameraController::Problem;
    m_retry->setText(tr("&Try again"));
    m_demo->setText(tr("Use the &demo camera"));
    m_choose->setText(tr("C&hoose another camera"));
    const bool demo = m_camera->isDemo();
    QString text;
    switch (problem) {
    case P::None: break;
    case P::NoCamera:
        text = tr("No camera found. Connect a camera and choose it, or use the demo camera.");
        break;
    case P::StartFailed:
        text = demo ? tr("The demo video cannot be played (%1). Run scripts/fetch-assets, or choose a camera.")
                          .arg(m_camera->problemDetail())
                    : tr("The camera could not be started: it may be in use by another program. Close that "
                         "program and try again, or choose another camera.");
        break;
    case P::Stalled:
        text = tr("The camera stopped sending pictures. Check its cable and try again.");
        break;
    case P::Unplugged:
        text = tr("The camera was disconnected. Plug it in again: the capture goes on by itself, and the "
                  "enrollment so far is kept.");
        break;
    case P::Unsupported:
        text = tr("This camera sends pictures in a format FaceEnroll cannot read (%1). Choose another camera or "
                  "another format.")
                   .arg(m_camera->problemDetail());
        break;
    }
    m_text->setText(text);
    m_retry->setVisible(problem == P::StartFailed || problem == P::Stalled || problem == P::NoCamera);
    m_demo->setVisible(problem != P::None && !demo);
    m_choose->setVisible(problem != P::None && problem != P::Unplugged);
    setAccessibleName(text);
    setVisible(problem != P::None);
}

void CameraProblemBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        showProblem(m_camera->problem());
    QFrame::changeEvent(event);
}

} // namespace fe::ui
