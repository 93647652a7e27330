#pragma once

#include "platform/runtimepermission.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace companion::presentation {

// One run-time permission as the UI sees it (docs/adr/0028): whether it is still to be asked
// (Unknown), the system prompt is open (Asking), or the answer (Granted, Denied). The QR scan
// page asks for the camera before opening it; the reminder cards explain notifications first
// and ask only when the person taps "Continue". QML shows the state and forwards taps; the
// decisions live here, tested with a fake source (tests/unit/presentation).
class PermissionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("One per permission, owned by AppServices")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool granted READ granted NOTIFY stateChanged)
    Q_PROPERTY(bool asking READ asking NOTIFY stateChanged)
    Q_PROPERTY(bool denied READ denied NOTIFY stateChanged)
    // The platform has a settings page to change a refusal (phones).
    Q_PROPERTY(bool settingsAvailable READ settingsAvailable CONSTANT)
    // Notifications: reminders are planned, the permission was never asked, and the person has
    // not said "Not now" since the app started: show the explanation with "Continue".
    Q_PROPERTY(bool explanationDue READ explanationDue NOTIFY stateChanged)
    // Notifications: reminders are planned but refused: say they will not appear, and where to
    // turn them on.
    Q_PROPERTY(bool refusalNoticeDue READ refusalNoticeDue NOTIFY stateChanged)
    // Notifications: reminders are planned (AppServices follows PlanController).
    Q_PROPERTY(bool needed READ needed NOTIFY stateChanged)
    // Either of the two: the notification card is shown at all.
    Q_PROPERTY(bool noticeDue READ noticeDue NOTIFY stateChanged)

public:
    enum class State {
        Unknown,
        Asking,
        Granted,
        Denied,
    };
    Q_ENUM(State)

    // `settingsAvailable`: whether openSettings() can do anything here (phones).
    PermissionController(platform::Permission permission, bool settingsAvailable,
                         QObject *parent = nullptr);

    // Where statuses come from; not owned. Null: nothing to ask (Granted).
    void setSource(platform::PermissionSource *source);
    // Notifications only: whether anything would be delivered (reminders are planned).
    void setNeeded(bool needed);
    bool needed() const { return m_needed; }

    State state() const { return m_state; }
    bool granted() const { return m_state == State::Granted; }
    bool asking() const { return m_state == State::Asking; }
    bool denied() const { return m_state == State::Denied; }
    bool settingsAvailable() const { return m_settingsAvailable && m_source; }
    bool explanationDue() const;
    bool refusalNoticeDue() const;
    bool noticeDue() const { return explanationDue() || refusalNoticeDue(); }

    // Re-reads the status (the person may have changed it in the settings meanwhile). Does not
    // disturb an open prompt.
    Q_INVOKABLE void refresh();
    // Shows the system prompt unless already granted or asking. The camera page calls this on
    // opening: the prompt comes before the camera, never as a side effect of it.
    Q_INVOKABLE void request();
    // The camera page: asks only when never asked; after a refusal it shows the alternatives
    // instead of asking again on every visit.
    Q_INVOKABLE void askIfUnknown();
    // "Not now" on the notification explanation: not shown again until the next start.
    Q_INVOKABLE void postpone();
    Q_INVOKABLE bool openSettings();

signals:
    void stateChanged();

private:
    void setState(State state);
    void onAnswer(platform::PermissionStatus status, int generation);
    static State fromStatus(platform::PermissionStatus status);

    platform::Permission m_permission;
    bool m_settingsAvailable = false;
    platform::PermissionSource *m_source = nullptr;
    State m_state = State::Granted;
    bool m_needed = false;
    bool m_postponed = false;
    // Answers to an earlier source or prompt are ignored (a source swap while a prompt is open).
    int m_generation = 0;
};

} // namespace companion::presentation
