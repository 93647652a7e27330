#pragma once

#include "protocol/api.h"
#include "protocol/envelope.h"
#include "protocol/keys.h"
#include "support/tempdir.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace companion::servertest {

// The real companion-server process on a real database: SQLite in a temp dir, or a fresh
// database on the throwaway PostgreSQL cluster that tests/server/pg-fixture.sh started
// (COMPANION_TEST_PG_STATE names its state dir). Nothing is mocked.

enum class Backend { Sqlite, Postgres };
Backend backend();
const char *backendName();

struct AdminResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QString field(const QString &name) const; // the value of a "name: value" line
};

struct Reply
{
    int status = 0; // 0 when the connection failed or closed without an answer
    QByteArray body;
    QJsonObject json() const;
};

class TestServer
{
public:
    // A fresh database and keys dir; `admin init` has run (fingerprint() has its output).
    explicit TestServer(bool safetyAlerts = false);
    ~TestServer();

    AdminResult admin(const QStringList &arguments) const;
    // Starts `serve` with the extra arguments; waits until it listens. `port` 0 picks a free
    // one; a restart that clients must find again passes the previous port().
    void start(const QStringList &extra = {}, std::uint16_t port = 0);
    void stop();
    bool running() const;
    qint64 pid() const;
    std::uint16_t port() const { return m_port; }

    // `contentType` nullopt: application/json when there is a body; empty: no Content-Type.
    Reply request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                  const QString &token = {},
                  const std::optional<QByteArray> &contentType = std::nullopt) const;

    QString dbUrl() const { return m_dbUrl; }
    QString keysDir() const { return m_dir.file(QStringLiteral("keys")); }
    QString logFile() const { return m_dir.file(QStringLiteral("server.log")); }
    QString fingerprint() const { return m_fingerprint; }
    // Where the database's bytes live: the SQLite folder or the PostgreSQL data directory.
    QString storageDir() const;
    QString tempDir() const { return m_dir.path(); }
    // Runs SQL on the server's database from the test (to expire a code, tamper with a row).
    void sql(const QString &statement) const;
    // The number a SELECT COUNT(*) … (or any one-value query) answers.
    qint64 count(const QString &statement) const;

    QString newEnrolmentCode(const QString &label = QStringLiteral("patient")) const;
    // `admin add-therapist` without a key: the one-time code for the care-team console.
    QString newTherapistCode(const QString &name) const;

private:
    testing::TempDir m_dir;
    QString m_dbUrl;
    QString m_fingerprint;
    std::unique_ptr<QProcess> m_process;
    std::uint16_t m_port = 0;
};

// A patient device: its Ed25519 login key and its vault keys, sealing real envelopes.
class Device
{
public:
    explicit Device(TestServer &server);
    // Redeems `code`; true on 201. The vault id comes from the server.
    Reply enrol(const QString &code);
    // Challenge-response login; returns the access token (empty on failure).
    QString login();

    // Seals one record version. `sck` set: also wraps the data key for the care team.
    protocol::PushItem makeItem(const protocol::Id16 &recordId, std::uint64_t version,
                                const protocol::Hash32 &previousHash, const QByteArray &plaintext,
                                protocol::RecordKind kind = protocol::RecordKind::Diary,
                                const SecretBytes *sck = nullptr) const;
    Reply push(const std::vector<protocol::PushItem> &items);
    // The same items as the binary push body (ADR 0030).
    Reply pushBinary(const std::vector<protocol::PushItem> &items);
    QByteArray open(const QByteArray &envelope, const QByteArray &wrappedKey) const;

    TestServer &server;
    protocol::SigningKeyPair signing;
    QString deviceId;
    QString vaultId;
    protocol::Id16 vault{};
    protocol::Id16 device{};
    SecretBytes kwk; // KWK epoch 1 of a vault root key this test device made
    QString token;
};

// A therapist who holds their own Ed25519 key (written by `admin add-therapist --key-out`).
struct Therapist
{
    QString id;
    protocol::SigningKeyPair signing;
    QString token;
};
Therapist addTherapist(TestServer &server, const QString &name);
QString loginAs(TestServer &server, const QString &principalId,
                const protocol::SigningKeyPair &signing);

// What a therapist's console opens to read or write to a patient: the care-team keys sealed to
// the therapist (by epoch), then the patient's SCKs by generation (newest last). Logs in first
// when the therapist has no token.
std::map<qint64, SecretBytes> careTeamSharedKeys(TestServer &server, Therapist &therapist,
                                                 const QString &vaultId);

// Raw bytes on a fresh connection; returns what the server sent before closing or the timeout.
QByteArray rawExchange(std::uint16_t port, const QByteArray &bytes, int timeoutMs);

// Resident set size of a process in KiB (/proc/PID/status).
qint64 residentKiB(qint64 pid);

} // namespace companion::servertest
