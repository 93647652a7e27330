#pragma once

#include "common/clock.h"
#include "common/ids.h"
#include "domain/protocol.h"

#include <QObject>
#include <QVariantList>

#include <memory>

namespace companion::storage {
class DiaryRepository;
class Profile;
} // namespace companion::storage

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// Crisis help: which numbers to show (clinic-configured, else the device country's lines, else
// the protocol's US defaults), the clinic's review-window words, and the record that help was
// shown. Every way into crisis help goes through requestHelp() / requestHelpForItem9(), which
// record a safety.event (when the profile is unlocked) and emit crisisRequested(); the shell
// opens the page on that signal. Opening help never waits on storage: a failed write is logged
// by kind only and the page opens anyway.
class SafetyController : public QObject
{
    Q_OBJECT
    // [{id, label, number, callUri, textUri (empty when the line takes no texts), emergency}]
    Q_PROPERTY(QVariantList numbers READ numbers NOTIFY protocolChanged)
    Q_PROPERTY(QString reviewWindowText READ reviewWindowText NOTIFY protocolChanged)
    Q_PROPERTY(bool numbersFromClinic READ numbersFromClinic NOTIFY protocolChanged)
    // The clinic opted in to receive "tell my clinic now" flags through sync.
    Q_PROPERTY(bool clinicAlertsOn READ clinicAlertsOn NOTIFY protocolChanged)
    // "item9", "manual", or empty when help is not open.
    Q_PROPERTY(QString trigger READ trigger NOTIFY helpStateChanged)
    Q_PROPERTY(bool canTellClinic READ canTellClinic NOTIFY helpStateChanged)
    Q_PROPERTY(bool toldClinic READ toldClinic NOTIFY helpStateChanged)
    Q_PROPERTY(QString toldClinicText READ toldClinicText NOTIFY helpStateChanged)

public:
    SafetyController(ProfileController &profile, QString countryCode,
                     const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~SafetyController() override;

    // The clinic's protocol replaces the shipped default (sync delivers it later).
    void setProtocol(domain::ClinicProtocol protocol);
    const domain::ClinicProtocol &protocol() const { return m_protocol; }

    QVariantList numbers() const { return m_numbers; }
    QString reviewWindowText() const;
    bool numbersFromClinic() const { return m_numbersFromClinic; }
    bool clinicAlertsOn() const { return m_protocol.safetyFlagsStaffed; }
    QString trigger() const;
    bool canTellClinic() const { return !m_eventId.isNull() && !m_toldClinic; }
    bool toldClinic() const { return m_toldClinic; }
    QString toldClinicText() const;

    // "I'm not safe right now", from any screen.
    Q_INVOKABLE void requestHelp();
    // PHQ-9 item 9 answered above 0. `sourceResultId` is null until the questionnaire is saved
    // (linkSourceResult() fills it in then).
    void requestHelpForItem9(const RecordId &sourceResultId = RecordId());
    void linkSourceResult(const RecordId &resultId);
    // "Tell my clinic now": marks the event of this opening as told; true when recorded.
    Q_INVOKABLE bool tellClinic();
    // Crisis help was closed: the next opening is a new event.
    Q_INVOKABLE void helpClosed();

    RecordId currentEventId() const { return m_eventId; }

signals:
    void crisisRequested();
    void protocolChanged();
    void helpStateChanged();

private:
    void open(bool item9, const RecordId &sourceResultId);
    void rebuildNumbers();

    ProfileController &m_profile;
    const Clock &m_clock;
    QString m_countryCode;
    domain::ClinicProtocol m_protocol;
    QVariantList m_numbers;
    bool m_numbersFromClinic = false;
    std::unique_ptr<storage::DiaryRepository> m_diary;
    std::unique_ptr<ProfileBinding> m_binding;
    bool m_open = false;
    bool m_item9 = false;
    RecordId m_eventId;
    bool m_toldClinic = false;
};

} // namespace companion::presentation
