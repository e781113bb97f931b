#include "common/IdleWatcher.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>

namespace fe::ui {
namespace {
constexpr qint64 kActivityIntervalMs = 1000;
}

IdleWatcher::IdleWatcher(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatcher::expired);
}

IdleWatcher::~IdleWatcher()
{
    stop();
}

void IdleWatcher::start(std::chrono::milliseconds timeout)
{
    m_timer.setInterval(static_cast<int>(std::max<std::chrono::milliseconds::rep>(1, timeout.count())));
    if (!m_active)
        QCoreApplication::instance()->installEventFilter(this);
    m_active = true;
    m_timer.start();
}

void IdleWatcher::stop()
{
    if (m_active)
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TabletPress:
        if (m_active) {
            m_timer.start();
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (now - m_lastActivityMs >= kActivityIntervalMs) {
                m_lastActivityMs = now;
                Q_EMIT activity();
            }
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::expired()
{
    if (!m_active)
        return;
    stop();
    Q_EMIT idle();
}

} // namespace fe::ui
