#pragma once

#include "careteam/careteamclient.h"
#include "careteam/flags.h"
#include "careteam/therapistprofile.h"
#include "careteam/timeline.h"
#include "common/clock.h"
#include "common/result.h"
#include "domain/instrumentcatalog.h"
#include "sync/httptransport.h"
#include "sync/retrypolicy.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace companion::careteam {

// The same shape as sync::TransportFactory: tests put a tampering or fault transport in between.
using TransportFactory = std::function<std::unique_ptr<sync::HttpTransport>(const QUrl &)>;

struct EnrolOptions
{
    QString serverUrl;   // http(s)://host:port
    QString code;        // from `companion-server admin add-therapist` (no key option)
    QString fingerprint; // the clinic key's, printed with the code
};

struct Enrolled
{
    std::unique_ptr<TherapistProfile> profile;
    crypto::RecoveryKey recoveryKey; // show once
    QString therapistId;
    QString name;
    QString clinicName;
    std::uint32_t careTeamEpoch = 0;
};

struct PullReport
{
    int patients = 0;    // listed by the server now
    int fetched = 0;     // record reads (each one is a row in that patient's access log)
    int opened = 0;      // of those, opened
    int unreadable = 0;  // of those, not opened (named in the timeline's not_visible)
    int withdrawn = 0;   // records no longer shared, payload deleted
    int newKeys = 0;     // care-team key epochs received
    int alerts = 0;      // open safety alerts
    int repliesSent = 0; // pending replies the server acknowledged during this pull
    int requests = 0;
};

// The care-team console's model layer: what a Qt Quick window (and the headless CLI) bind to.
// Plain C++ returning Result<T>; no QML. One instance per unlocked therapist profile, used from
// one thread (the network calls block that thread, like sync::SyncEngine).
class CareTeamConsole
{
public:
    // Enrolment by code (ADR 0013), in this order so a mistake costs nothing:
    //  1. the code, URL, fingerprint and passphrase are checked locally (passphrase rules as a
    //     patient profile's; an existing profile is refused);
    //  2. GET /v1/clinic: the signing key must have the given fingerprint and the care-team key
    //     statement must verify under it — else Refused / Damaged, and the code is NOT spent;
    //  3. the profile is created; a new Ed25519 key; POST /v1/careteam/enrol spends the code;
    //  4. the answer's clinic must be the one just verified; the code opens the care-team key,
    //     whose public half must equal the signed roster's — else Damaged, the fresh profile is
    //     deleted.
    static Result<Enrolled> enrol(const QString &directory, const SecretBytes &passphrase,
                                  const EnrolOptions &options,
                                  const Clock &clock = SystemClock::instance(),
                                  TransportFactory transports = {},
                                  sync::RetryPolicy retryPolicy = {});

    CareTeamConsole(TherapistProfile &profile, const Clock &clock = SystemClock::instance(),
                    TransportFactory transports = {}, sync::RetryPolicy retryPolicy = {});
    ~CareTeamConsole();
    CareTeamConsole(const CareTeamConsole &) = delete;
    CareTeamConsole &operator=(const CareTeamConsole &) = delete;

    // Fetches care-team keys, patients, their SCKs and shared records, and open alerts; opens
    // what it can (each new record version once, through the audited route) and stores it in the
    // profile. Refused when the clinic no longer accepts this therapist: the profile then records
    // that access ended, and keeps what it already holds.
    Result<PullReport> pull();

    // From the profile only (no network): patients with their flags, most urgent first.
    Result<std::vector<PatientOverview>> patients(const FlagRules &rules = {});
    // NotFound for a vault this console never saw.
    Result<PatientTimeline> timeline(const QString &vaultId,
                                     const std::optional<QDateTime> &from = std::nullopt,
                                     const std::optional<QDateTime> &to = std::nullopt);
    // The patient view was shown: every entry it showed counts as read.
    Result<int> markRead(const QString &vaultId);
    Result<void> acknowledgeAlert(const QString &alertId);

    // A short reply to one shared entry, which the patient's app shows under it (ADR 0013,
    // "Replies"; docs/sync-protocol.md, "Clinic messages"). `text` is plain text, 1–2000
    // characters. Checked here first: the entry must be readable in this console and still
    // listed by the server as shared (NotFound otherwise, saying why). Sealed once with the
    // patient's newest SCK generation this console can open, signed with the therapist's key,
    // and stored as pending BEFORE it is sent: if the answer is lost (Network), the reply stays
    // pending and the next reply() with the same text to the same entry, or the next pull(),
    // sends the very same bytes again (the server answers 200, the patient gets one reply).
    // Returns the stored reply, Sent once the server acknowledged it.
    Result<CareTeamReply> reply(const QString &vaultId, const QString &recordId,
                                const QString &text);
    // Sends every pending reply again (pull() calls it); returns how many the server
    // acknowledged. A vault that no longer shares anything, or a 409, marks the reply refused.
    Result<int> sendPendingReplies();

    Result<Account> account();
    const domain::InstrumentCatalog &catalog() const { return m_catalog; }

private:
    Result<CareTeamClient *> connect(const Account &account);
    Result<int> pullCareTeamKeys(const protocol::ClinicInfo &clinic);
    Result<CareTeamReply> send(CareTeamReply reply);

    TherapistProfile &m_profile;
    const Clock &m_clock;
    TransportFactory m_transports;
    sync::RetryPolicy m_retryPolicy;
    domain::InstrumentCatalog m_catalog;
    std::unique_ptr<sync::HttpTransport> m_transport;
    std::unique_ptr<CareTeamClient> m_client;
    std::optional<protocol::SigningKeyPair> m_signing;
};

} // namespace companion::careteam
