#pragma once

#include "domain/protocol.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace companion::storage {
class Profile;
}

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// What the clinic sent this patient through sync (docs/sync-protocol.md, "Clinic messages" and
// "Clinic protocol"), for the UI: therapists' replies under the entries they answer, the list in
// Settings → Your clinic, and the clinic protocol that takes the place of the bundled default.
//
// Everything is read from the unlocked profile (the sync engine checked it when it arrived) and
// dropped on lock, when the bundled default protocol takes over again: the clinic's protocol
// lives in the encrypted profile like everything else from the clinic.
class MessagesController : public QObject
{
    Q_OBJECT
    // Newest first: {"title", "text", "when", "accessibleName"}; text is plain text.
    Q_PROPERTY(QVariantList messages READ messages NOTIFY changed)
    // Entry record id → its replies, oldest first: {"heading", "text", "accessibleName"}.
    Q_PROPERTY(QVariantMap replies READ replies NOTIFY changed)
    Q_PROPERTY(bool hasMessages READ hasMessages NOTIFY changed)
    // Which instructions the app follows: the clinic's (with its version) or Companion's defaults.
    Q_PROPERTY(QString protocolStatus READ protocolStatus NOTIFY changed)

public:
    explicit MessagesController(ProfileController &profile, QObject *parent = nullptr);
    ~MessagesController() override;

    QVariantList messages() const { return m_messages; }
    QVariantMap replies() const { return m_replies; }
    bool hasMessages() const { return !m_messages.isEmpty(); }
    QString protocolStatus() const;

    // The protocol in use: the clinic's newest accepted one, else the bundled default.
    const domain::ClinicProtocol &protocol() const { return m_protocol; }
    bool clinicProtocolInUse() const { return m_clinicProtocolInUse; }

    // Reads the messages and the accepted protocol again (a sync stored new ones).
    void reload();

signals:
    void changed();
    // The protocol in use changed (unlock or a sync brought the clinic's; lock restores the
    // default). Controllers that follow the protocol take it from protocol().
    void protocolChanged();

private:
    void load(storage::Profile &profile);
    void unload();
    void useProtocol(std::optional<domain::ClinicProtocol> clinic);

    std::unique_ptr<ProfileBinding> m_binding;
    storage::Profile *m_profile = nullptr;
    QVariantList m_messages;
    QVariantMap m_replies;
    domain::ClinicProtocol m_default;
    domain::ClinicProtocol m_protocol;
    bool m_clinicProtocolInUse = false;
    QString m_protocolVersion;
};

} // namespace companion::presentation
