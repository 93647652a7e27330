#pragma once

// Real patient devices for the sync suite: a real encrypted profile (SQLCipher file) and the
// real SyncEngine talking HTTP to the real companion-server process (tests/server/harness.h).

#include "harness.h"

#include "protocol/recordpayload.h"
#include "storage/profile.h"
#include "support/tempdir.h"
#include "sync/httptransport.h"
#include "sync/syncengine.h"

#include <QString>

#include <memory>
#include <optional>

namespace companion::synctest {

inline const char *kPassphrase = "juniper falcon atlas biscuit";

// Retries quickly: the suite injects faults on purpose and should not sleep for seconds.
inline sync::RetryPolicy fastRetries()
{
    return sync::RetryPolicy{6, 10, 200};
}

// Sends through the fault proxy while `faulty` is true, straight to the server otherwise: the
// network "heals" without the devices noticing anything but fewer failures.
class SwitchableTransport final : public sync::HttpTransport
{
public:
    SwitchableTransport(std::uint16_t serverPort, std::uint16_t proxyPort, const bool &faulty);
    Result<sync::HttpResponse> send(const sync::HttpRequest &request) override;

private:
    sync::QtHttpTransport m_direct;
    sync::QtHttpTransport m_proxied;
    const bool &m_faulty;
};

class PatientDevice
{
public:
    explicit PatientDevice(sync::TransportFactory transports = {});

    QString serverUrl(const servertest::TestServer &server) const;
    // Enrols with a fresh clinic code (or `code`), sharing `categories`.
    sync::EnrolResult enrol(servertest::TestServer &server, const QString &code = {},
                            const QStringList &categories = {});
    // Joins `other`'s vault with a join code from it.
    sync::EnrolResult join(servertest::TestServer &server, PatientDevice &other);
    sync::SyncReport syncOk();

    storage::Profile &profile() { return *m_profile; }
    storage::RecordRepository &records() { return m_profile->records(); }
    sync::SyncEngine &engine() { return *m_engine; }
    QString directory() const { return m_dir.path(); }
    // The profile folder itself (inside directory()).
    QString profileDirectory() const;
    // Closes the engine and the profile (database checkpointed, key wiped), as locking does.
    void close();

private:
    testing::TempDir m_dir;
    std::unique_ptr<storage::Profile> m_profile;
    std::unique_ptr<sync::SyncEngine> m_engine;
};

// What a therapist reads of a shared record: the care-team key from the clinic roster, the
// patient's SCK, the record's shared data key, the envelope. Mirrors what the console does.
struct SharedRead
{
    int status = 0; // the record GET's HTTP status
    std::optional<protocol::RecordPayload> payload;
};
SharedRead readShared(servertest::TestServer &server, servertest::Therapist &therapist,
                      const QString &vaultId, const RecordId &recordId);

QString recordHex(const RecordId &id);

} // namespace companion::synctest
