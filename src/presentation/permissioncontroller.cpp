#include "presentation/permissioncontroller.h"

#include <QGuiApplication>
#include <QPointer>

namespace companion::presentation {

PermissionController::PermissionController(platform::Permission permission, bool settingsAvailable,
                                           QObject *parent)
    : QObject(parent)
    , m_permission(permission)
    , m_settingsAvailable(settingsAvailable)
{
    // Back from the system settings (or any other app): the person may have changed the
    // permission there.
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(app, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    if (state == Qt::ApplicationActive)
                        refresh();
                });
    }
}

void PermissionController::setSource(platform::PermissionSource *source)
{
    m_source = source;
    ++m_generation;
    if (m_state == State::Asking)
        m_state = State::Unknown; // forget the prompt; refresh() reads the new source
    refresh();
}

void PermissionController::setNeeded(bool needed)
{
    if (m_needed == needed)
        return;
    m_needed = needed;
    emit stateChanged();
}

bool PermissionController::explanationDue() const
{
    return m_needed && m_state == State::Unknown && !m_postponed;
}

bool PermissionController::refusalNoticeDue() const
{
    return m_needed && m_state == State::Denied;
}

PermissionController::State PermissionController::fromStatus(platform::PermissionStatus status)
{
    switch (status) {
    case platform::PermissionStatus::Granted:
        return State::Granted;
    case platform::PermissionStatus::NotAsked:
        return State::Unknown;
    case platform::PermissionStatus::Denied:
        break;
    }
    return State::Denied;
}

void PermissionController::refresh()
{
    if (m_state == State::Asking)
        return;
    setState(m_source ? fromStatus(m_source->status(m_permission)) : State::Granted);
}

void PermissionController::request()
{
    if (m_state == State::Asking)
        return;
    refresh();
    if (m_state == State::Granted || !m_source)
        return;
    setState(State::Asking);
    const int generation = ++m_generation;
    QPointer<PermissionController> self(this);
    m_source->request(m_permission, [self, generation](platform::PermissionStatus status) {
        if (self)
            self->onAnswer(status, generation);
    });
}

void PermissionController::askIfUnknown()
{
    refresh();
    if (m_state == State::Unknown)
        request();
}

void PermissionController::postpone()
{
    if (m_postponed)
        return;
    m_postponed = true;
    emit stateChanged();
}

bool PermissionController::openSettings()
{
    return m_settingsAvailable && m_source && m_source->openSettings();
}

void PermissionController::onAnswer(platform::PermissionStatus status, int generation)
{
    if (generation != m_generation || m_state != State::Asking)
        return;
    // A prompt that closed without a yes is a refusal: "never asked" cannot be the answer.
    setState(status == platform::PermissionStatus::Granted ? State::Granted : State::Denied);
}

void PermissionController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged();
}

} // namespace companion::presentation
