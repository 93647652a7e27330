// Sync suite: real patient devices (encrypted profiles, the real SyncEngine over QtNetwork)
// against the real companion-server process on SQLite and on PostgreSQL (CTest runs this
// executable once per backend, like tests/server).
#include "syncfixture.h"

#include "crypto/recoverykey.h"
#include "domain/diaryentry.h"
#include "domain/journal.h"
#include "protocol/json.h"
#include "protocol/keys.h"
#include "support/filescan.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QSet>

#include <map>

using namespace companion;
using namespace companion::synctest;
using namespace Qt::StringLiterals;
using servertest::TestServer;

namespace {

const QString kCheckIn = domain::kinds::diaryCheckIn;

QByteArray checkInBody(int mood, const QString &note = {})
{
    domain::CheckIn checkIn;
    // A fixed time keeps the body byte-identical when the test builds it again to compare.
    checkIn.occurredAt = QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    checkIn.mood = mood;
    checkIn.anxiety = 3;
    checkIn.pain = 2;
    checkIn.note = note;
    auto body = domain::encodeBody(domain::DiaryBody{checkIn});
    REQUIRE(body);
    return *body;
}

QByteArray journalBody(const QString &text, bool shared)
{
    domain::journal::EntryBody body;
    body.kind = domain::journal::EntryKind::Free;
    body.text = text;
    body.shared = shared;
    auto bytes = domain::journal::encodeBody(body);
    REQUIRE(bytes);
    return *bytes;
}

domain::Record createRecord(PatientDevice &device, const QString &kind, const QByteArray &body)
{
    auto record = device.records().create(kind, body, QDateTime::currentDateTimeUtc());
    REQUIRE(record);
    return *record;
}

domain::Record current(PatientDevice &device, const RecordId &id)
{
    auto record = device.records().find(id);
    REQUIRE(record);
    REQUIRE(record->has_value());
    return **record;
}

// Every live record (id → version, body) of a device, for convergence checks.
std::map<QString, std::pair<std::int64_t, QByteArray>> snapshot(PatientDevice &device)
{
    std::map<QString, std::pair<std::int64_t, QByteArray>> out;
    for (const QString &kind : {kCheckIn, domain::kinds::journalEntry}) {
        auto records = device.records().list(kind, true);
        REQUIRE(records);
        for (const domain::Record &record : *records)
            out[record.id.toString()] = {record.version, record.body};
    }
    return out;
}

} // namespace

TEST_CASE("Two devices of one patient converge; a concurrent edit is kept, not lost",
          "[sync][converge]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    const domain::Record entry = createRecord(first, kCheckIn, checkInBody(4, u"first"_s));
    CHECK(first.syncOk().pushed == 1);

    PatientDevice second;
    second.join(server, first);
    CHECK(second.syncOk().pulled == 1);
    CHECK(current(second, entry.id).body == entry.body);

    // Both edit version 1 → 2 while apart. The first to sync wins the version number.
    REQUIRE(first.records().update(entry.id, checkInBody(6, u"edited on the phone"_s)));
    REQUIRE(second.records().update(entry.id, checkInBody(2, u"edited on the desktop"_s)));
    CHECK(first.syncOk().pushed == 1);
    const sync::SyncReport report = second.syncOk();
    CHECK(report.conflicts == 1);
    CHECK(report.pushed == 0);

    // The desktop now shows the phone's version and keeps its own edit aside.
    CHECK(current(second, entry.id).body == checkInBody(6, u"edited on the phone"_s));
    auto conflicts = second.engine().conflicts();
    REQUIRE(conflicts);
    REQUIRE(conflicts->size() == 1);
    CHECK(conflicts->front().body == checkInBody(2, u"edited on the desktop"_s));

    // The patient keeps the desktop's edit: it becomes version 3 everywhere.
    REQUIRE(second.engine().resolveConflict(conflicts->front().id, true));
    CHECK(second.syncOk().pushed == 1);
    CHECK(first.syncOk().pulled == 1);
    CHECK(current(first, entry.id).version == 3);
    CHECK(current(first, entry.id).body == checkInBody(2, u"edited on the desktop"_s));
    CHECK(snapshot(first) == snapshot(second));
    auto none = second.engine().conflicts();
    REQUIRE(none);
    CHECK(none->empty());
}

TEST_CASE("Many records, deletes and edits in batches converge exactly once", "[sync][converge]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    std::vector<storage::NewRecord> records;
    for (int i = 0; i < 620; ++i) // more than two push batches of 250
        records.push_back({checkInBody(i % 11), QDateTime::currentDateTimeUtc()});
    auto created = first.records().createMany(kCheckIn, records);
    REQUIRE(created);
    REQUIRE(first.records().remove(created->at(3).id));
    REQUIRE(first.records().update(created->at(4).id, checkInBody(10)));
    CHECK(first.syncOk().pushed == 622);
    CHECK(first.syncOk().pushed == 0); // nothing left: a no-op sync

    PatientDevice second;
    second.join(server, first);
    CHECK(second.syncOk().pulled == 622);
    CHECK(snapshot(first) == snapshot(second));
    auto deleted = second.records().find(created->at(3).id);
    REQUIRE(deleted);
    CHECK((*deleted)->deleted);
    auto states = second.engine().entryStates();
    REQUIRE(states);
    CHECK(states->value(created->at(0).id.toString()) == sync::EntrySyncState::Synced);
}

TEST_CASE("Sharing: the care team reads only what the patient shared, and it is logged",
          "[sync][share]")
{
    TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Rivera"_s);
    server.start();
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s});
    const domain::Record checkIn = createRecord(device, kCheckIn, checkInBody(7, u"shared"_s));
    const domain::Record privateNote =
        createRecord(device, domain::kinds::journalEntry, journalBody(u"private"_s, false));
    const domain::Record sharedNote =
        createRecord(device, domain::kinds::journalEntry, journalBody(u"for my therapist"_s, true));
    device.syncOk();

    SharedRead read = readShared(server, therapist, enrolled.vaultId, checkIn.id);
    REQUIRE(read.status == 200);
    REQUIRE(read.payload);
    CHECK(read.payload->body == checkIn.body);
    CHECK(readShared(server, therapist, enrolled.vaultId, privateNote.id).status == 404);
    SharedRead note = readShared(server, therapist, enrolled.vaultId, sharedNote.id);
    REQUIRE(note.payload);
    CHECK(note.payload->body == sharedNote.body);

    auto states = device.engine().entryStates();
    REQUIRE(states);
    CHECK(states->value(checkIn.id.toString()) == sync::EntrySyncState::Shared);
    CHECK(states->value(privateNote.id.toString()) == sync::EntrySyncState::Synced);

    // Every read is in the patient's access log, with the therapist's name.
    auto log = device.engine().accessLog();
    REQUIRE(log);
    int reads = 0;
    for (const sync::AccessLogEntry &entry : *log) {
        if (entry.action == u"record.read") {
            ++reads;
            CHECK(entry.actorName == u"Dr Rivera");
        }
    }
    CHECK(reads == 2);

    // Per entry off, then the category off: revoked at the next sync.
    REQUIRE(device.engine().setEntryShared(sharedNote.id.toString(), false));
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, false));
    CHECK(device.syncOk().sharesRevoked == 2);
    CHECK(readShared(server, therapist, enrolled.vaultId, checkIn.id).status == 404);
    CHECK(readShared(server, therapist, enrolled.vaultId, sharedNote.id).status == 404);

    // An edit of a shared entry is shared as the new version; an edit never shows under an old
    // share.
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, true));
    device.syncOk();
    REQUIRE(device.records().update(checkIn.id, checkInBody(1, u"edited"_s)));
    device.syncOk();
    SharedRead edited = readShared(server, therapist, enrolled.vaultId, checkIn.id);
    REQUIRE(edited.payload);
    CHECK(edited.payload->body == checkInBody(1, u"edited"_s));
}

TEST_CASE("The share review reads again only what the same sync's push did not decide",
          "[sync][share]")
{
    TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Rivera"_s);
    server.start();
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s});
    std::vector<domain::Record> checkIns;
    for (int i = 0; i < 5; ++i)
        checkIns.push_back(createRecord(device, kCheckIn, checkInBody(i, u"day"_s)));
    const auto readable = [&] {
        int count = 0;
        for (const domain::Record &record : checkIns)
            count += readShared(server, therapist, enrolled.vaultId, record.id).status == 200;
        return count;
    };

    // The enrolment turned check-ins on: every record's push carried its share decision, so
    // the review after it has nothing left to read, and the care team still reads them all.
    const sync::SyncReport first = device.syncOk();
    CHECK(first.pushed == 5);
    CHECK(first.sharesReviewed == 0);
    CHECK(readable() == 5);

    // A choice changed with nothing to push: the review reads every record and revokes.
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, false));
    const sync::SyncReport off = device.syncOk();
    CHECK(off.sharesReviewed == 5);
    CHECK(off.sharesRevoked == 5);
    CHECK(readable() == 0);

    // On again with one new entry: the new one's push decides it; the other five are reviewed.
    REQUIRE(device.engine().setCategoryShared(sync::ShareCategory::CheckIns, true));
    checkIns.push_back(createRecord(device, kCheckIn, checkInBody(9, u"new"_s)));
    const sync::SyncReport on = device.syncOk();
    CHECK(on.pushed == 1);
    CHECK(on.sharesReviewed == 5);
    CHECK(on.sharesGranted == 5);
    CHECK(readable() == 6);
}

TEST_CASE("Removing a therapist rotates keys: entries shared afterwards stay closed to them",
          "[sync][share][revocation]")
{
    TestServer server;
    servertest::Therapist leaving = servertest::addTherapist(server, u"Dr Leaving"_s);
    servertest::Therapist staying = servertest::addTherapist(server, u"Dr Staying"_s);
    server.start();
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s});
    const domain::Record before = createRecord(device, kCheckIn, checkInBody(5));
    device.syncOk();
    REQUIRE(readShared(server, leaving, enrolled.vaultId, before.id).payload);

    // Keep the leaving therapist's care-team key (what they could have copied before removal).
    const servertest::Reply oldKeys = server.request("GET", "/v1/careteam/keys", {}, leaving.token);
    REQUIRE(oldKeys.status == 200);
    const servertest::AdminResult removed =
        server.admin({u"remove-therapist"_s, u"--db"_s, server.dbUrl(), u"--keys-dir"_s,
                      server.keysDir(), u"--id"_s, leaving.id});
    REQUIRE(removed.exitCode == 0);

    const domain::Record after = createRecord(device, kCheckIn, checkInBody(9, u"after"_s));
    device.syncOk(); // sees epoch 2: new SCK generation, shares re-wrapped
    SharedRead staysRead = readShared(server, staying, enrolled.vaultId, after.id);
    REQUIRE(staysRead.payload);

    // With the old care-team key and the server's current data, the new entry does not open.
    auto box = protocol::boxKeyPairFromSigningKey(leaving.signing);
    REQUIRE(box);
    std::vector<protocol::BoxKeyPair> stolen;
    for (const QJsonValue &key : oldKeys.json().value(u"keys"_s).toArray()) {
        auto sealed = protocol::decodeBase64(key[u"sealed_secret"_s].toString().toLatin1());
        REQUIRE(sealed);
        auto secret = protocol::openSealed(*box, *sealed);
        REQUIRE(secret);
        auto pair = protocol::boxKeyPairFromSecret(std::move(*secret));
        REQUIRE(pair);
        stolen.push_back(std::move(*pair));
    }
    REQUIRE_FALSE(stolen.empty());
    const servertest::Reply record = server.request(
        "GET",
        (u"/v1/careteam/vaults/"_s + enrolled.vaultId + u"/records/"_s + recordHex(after.id))
            .toLatin1(),
        {}, staying.token);
    REQUIRE(record.status == 200);
    auto sharedKey =
        protocol::decodeBase64(record.json().value(u"shared_key"_s).toString().toLatin1());
    REQUIRE(sharedKey);
    auto blob = protocol::decodeSharedKeyBlob(*sharedKey);
    REQUIRE(blob);
    CHECK(blob->generation == 2);
    const servertest::Reply scks =
        server.request("GET", (u"/v1/careteam/vaults/"_s + enrolled.vaultId + u"/sck"_s).toLatin1(),
                       {}, staying.token);
    REQUIRE(scks.status == 200);
    int opened = 0;
    for (const QJsonValue &key : scks.json().value(u"keys"_s).toArray()) {
        if (key[u"generation"_s].toInteger() != blob->generation)
            continue;
        auto sealed = protocol::decodeBase64(key[u"sealed"_s].toString().toLatin1());
        REQUIRE(sealed);
        for (const protocol::BoxKeyPair &pair : stolen)
            opened += protocol::openSharedCollectionKey(pair, *sealed).hasValue() ? 1 : 0;
    }
    CHECK(opened == 0);
    // And the removed therapist's login no longer works at all.
    CHECK(server.request("GET", "/v1/careteam/patients", {}, leaving.token).status == 401);
}

TEST_CASE("A damaged, replayed or rolled-back server answer is refused by the device",
          "[sync][tamper]")
{
    TestServer server;
    server.start();
    PatientDevice first;
    first.enrol(server);
    const domain::Record entry = createRecord(first, kCheckIn, checkInBody(3, u"original"_s));
    first.syncOk();
    PatientDevice second;
    second.join(server, first);

    // The real pull answer the second device would get, kept to tamper with.
    auto account = second.engine().account();
    REQUIRE(account);
    const QString secondToken = [&] {
        auto key = protocol::signingKeyPairFromSecret(account->deviceKey.clone());
        REQUIRE(key);
        return servertest::loginAs(server, account->deviceId, *key);
    }();
    const servertest::Reply pulled =
        server.request("GET", "/v1/sync/pull?after=0&limit=10", {}, secondToken);
    REQUIRE(pulled.status == 200);
    auto page = protocol::PullResponse::fromJson(pulled.body);
    REQUIRE(page);
    REQUIRE(page->items.size() == 1);
    const protocol::PullItem original = page->items.front();

    sync::SyncReport report;
    std::int64_t refused = 0;
    std::int64_t tried = 0;
    // Every single-bit flip of the envelope and of the wrapped key, and every truncation.
    const auto attempt = [&](const protocol::PullItem &item) {
        protocol::PullResponse hostile;
        hostile.items.push_back(item);
        hostile.nextCursor = 0;
        const int before = report.integrity;
        REQUIRE(second.engine().applyPulled(hostile, report));
        ++tried;
        refused += report.integrity - before;
    };
    for (qsizetype byte = 0; byte < original.envelope.size(); ++byte) {
        for (int bit = 0; bit < 8; ++bit) {
            protocol::PullItem item = original;
            item.envelope[byte] = static_cast<char>(item.envelope[byte] ^ (1 << bit));
            attempt(item);
        }
    }
    for (qsizetype length = 0; length < original.envelope.size(); ++length) {
        protocol::PullItem item = original;
        item.envelope.truncate(length);
        attempt(item);
    }
    for (qsizetype byte = 0; byte < original.key.size(); ++byte) {
        protocol::PullItem item = original;
        item.key[byte] = static_cast<char>(item.key[byte] ^ 0x01);
        attempt(item);
    }
    CHECK(refused == tried);
    WARN("tampered pulls refused: " << refused << " of " << tried); // docs/threat-model.md
    auto nothing = second.records().find(entry.id);
    REQUIRE(nothing);
    CHECK_FALSE(nothing->has_value());

    // The genuine answer applies; a later different envelope for the same version is a replay.
    second.syncOk();
    CHECK(current(second, entry.id).body == entry.body);
    const int before = report.integrity;
    protocol::PullItem replay = original;
    {
        // Same header fields, re-sealed: valid crypto, different bytes for a version we hold.
        auto header = protocol::parseEnvelopeHeader(original.envelope);
        REQUIRE(header);
        const SecretBytes dataKey = protocol::generateKey();
        auto envelope = protocol::sealEnvelope(*header, "{}", dataKey);
        REQUIRE(envelope);
        replay.envelope = *envelope;
    }
    protocol::PullResponse replayed;
    replayed.items.push_back(replay);
    replayed.nextCursor = account->pullCursor + 1;
    REQUIRE(second.engine().applyPulled(replayed, report));
    CHECK(report.integrity == before + 1);

    // A cursor that goes backwards stops the sync.
    protocol::PullResponse rolledBack;
    rolledBack.nextCursor = 0;
    auto refusedCursor = second.engine().applyPulled(rolledBack, report);
    REQUIRE_FALSE(refusedCursor);
    CHECK(refusedCursor.error().code == ErrorCode::Damaged);
    auto events = second.engine().integrityEvents();
    REQUIRE(events);
    CHECK(static_cast<std::int64_t>(events->size()) == refused + 2);
}

TEST_CASE("A server restart in the middle of a sync loses and duplicates nothing",
          "[sync][restart]")
{
    TestServer server;
    server.start();
    int requests = 0;
    bool restarting = false; // armed after enrolment
    // Counts requests through a real transport and kills the server after the 6th: the push
    // batches in flight see a dead connection, the retries find nobody.
    PatientDevice device([&](const QUrl &url) -> std::unique_ptr<sync::HttpTransport> {
        struct Counting final : sync::HttpTransport
        {
            Counting(const QUrl &url, int &count, bool &restarting, TestServer &server)
                : inner(url, 5000)
                , count(count)
                , restarting(restarting)
                , server(server)
            {}
            Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
            {
                if (restarting && ++count == 6)
                    server.stop();
                return inner.send(request);
            }
            sync::QtHttpTransport inner;
            int &count;
            bool &restarting;
            TestServer &server;
        };
        return std::make_unique<Counting>(url, requests, restarting, server);
    });
    device.enrol(server);
    restarting = true;
    std::vector<storage::NewRecord> records;
    for (int i = 0; i < 1200; ++i)
        records.push_back({checkInBody(i % 11), QDateTime::currentDateTimeUtc()});
    REQUIRE(device.records().createMany(kCheckIn, records));

    const std::uint16_t port = server.port();
    auto interrupted = device.engine().sync();
    REQUIRE_FALSE(interrupted);
    CHECK(interrupted.error().code == ErrorCode::Network);
    restarting = false;
    server.start({}, port);
    const sync::SyncReport resumed = device.syncOk();
    CHECK(resumed.pushed > 0);
    CHECK(resumed.pushed <= 1200);

    // A fresh device of the same patient sees each record exactly once.
    PatientDevice other;
    other.join(server, device);
    CHECK(other.syncOk().pulled == 1200);
    CHECK(snapshot(other) == snapshot(device));
    auto pending = device.records().pendingOutbox(10);
    REQUIRE(pending);
    CHECK(pending->empty());
}

namespace {

// Between the device and the real server: counts the pushes by body type and, when `refusal`
// is set, answers every binary push itself the way a server without the binary body would
// (ADR 0030) instead of forwarding it. A test-only transport, so the app has no flag for this.
struct PushTypeTransport final : sync::HttpTransport
{
    struct Counts
    {
        int binary = 0;
        int json = 0;
    };
    PushTypeTransport(const QUrl &url, Counts &counts, std::optional<sync::HttpResponse> refusal)
        : inner(url, 30000)
        , counts(counts)
        , refusal(std::move(refusal))
    {}
    Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
    {
        if (request.target == "/v1/sync/push") {
            const bool binary = request.contentType == protocol::kPushBinaryMediaType;
            ++(binary ? counts.binary : counts.json);
            if (binary && refusal)
                return *refusal;
        }
        return inner.send(request);
    }
    sync::QtHttpTransport inner;
    Counts &counts;
    std::optional<sync::HttpResponse> refusal;
};

} // namespace

TEST_CASE("Pushes go as the binary body; a server that refuses it gets JSON from then on",
          "[sync][binary]")
{
    TestServer server;
    server.start();
    // What a server without the binary body answers: 415 from one that checks the type, the
    // JSON parser's 400 from the servers before ADR 0030 (they read every body as JSON).
    const auto refusal = GENERATE(values<std::optional<sync::HttpResponse>>(
        {std::nullopt,
         sync::HttpResponse{415, protocol::errorBody(u"unsupported_media_type"_s, u"no"_s), -1},
         sync::HttpResponse{
             400,
             protocol::errorBody(u"invalid_request"_s, u"body is not valid JSON (at offset 0)"_s),
             -1}}));
    INFO("refusal status " << (refusal ? refusal->status : 0));
    PushTypeTransport::Counts counts;
    PatientDevice device([&](const QUrl &url) -> std::unique_ptr<sync::HttpTransport> {
        return std::make_unique<PushTypeTransport>(url, counts, refusal);
    });
    device.enrol(server);
    // Three push requests in one sync (kPushBatch 250).
    std::vector<storage::NewRecord> records;
    for (int i = 0; i < 600; ++i)
        records.push_back({checkInBody(i % 11), QDateTime::currentDateTimeUtc()});
    REQUIRE(device.records().createMany(kCheckIn, records));
    CHECK(device.syncOk().pushed == 600);
    if (!refusal) {
        CHECK(counts.binary == 3);
        CHECK(counts.json == 0);
    } else {
        // One refused binary push, then that batch and the rest as JSON.
        CHECK(counts.binary == 1);
        CHECK(counts.json == 3);
    }

    PatientDevice other;
    other.join(server, device);
    CHECK(other.syncOk().pulled == 600);
    CHECK(snapshot(other) == snapshot(device));
}

TEST_CASE("A failed local write at any step of a sync is recovered by the next sync",
          "[sync][dbfault]")
{
    TestServer server;
    server.start();
    PatientDevice source;
    source.enrol(server);
    for (int i = 0; i < 5; ++i)
        createRecord(source, kCheckIn, checkInBody(i));
    source.syncOk();

    // For every i: a device whose i-th database step fails during its first sync (as a full
    // disk would), then syncs normally. It must end with exactly the same records.
    for (int failAt = 1; failAt <= 60; failAt += 3) {
        PatientDevice device;
        device.join(server, source);
        createRecord(device, kCheckIn, checkInBody(9, u"local %1"_s.arg(failAt)));
        int steps = 0;
        device.profile().database().setFaultInjector(
            [&](std::string_view) { return ++steps == failAt; });
        (void)device.engine().sync();
        device.profile().database().setFaultInjector({});
        device.syncOk();
        source.syncOk();
        device.syncOk();
        INFO("failing database step " << failAt);
        CHECK(snapshot(device) == snapshot(source));
    }
}

TEST_CASE("Text typed into the app never reaches the server in the clear", "[sync][canary]")
{
    TestServer server;
    servertest::Therapist therapist = servertest::addTherapist(server, u"Dr Canary"_s);
    server.start();
    PatientDevice device;
    const sync::EnrolResult enrolled = device.enrol(server, {}, {u"checkins"_s, u"journal"_s});
    const QString canary = u"CANARY-7f3a9c-dissociated-after-infusion"_s;
    createRecord(device, kCheckIn, checkInBody(4, canary));
    const domain::Record note =
        createRecord(device, domain::kinds::journalEntry, journalBody(canary, true));
    device.syncOk();
    REQUIRE(readShared(server, therapist, enrolled.vaultId, note.id).payload);
    server.stop(); // flush the database and the log to disk
    CHECK(testing::filesContaining(server.storageDir(), canary).isEmpty());
    CHECK(testing::filesContaining(server.tempDir(), canary).isEmpty());
}

TEST_CASE("Enrolment refuses a wrong clinic key and a used code", "[sync][enrol]")
{
    TestServer server;
    server.start();
    PatientDevice device;
    const QString code = server.newEnrolmentCode();
    sync::EnrolOptions wrongKey{
        device.serverUrl(server), code, u"0000-0000-0000-0000-0000-0000-0000-0000"_s, {}};
    auto refused = device.engine().enrol(wrongKey, SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::Damaged);
    auto enrolled = device.engine().isEnrolled();
    REQUIRE(enrolled);
    CHECK_FALSE(*enrolled);

    device.enrol(server, code); // the code was not spent by the refused attempt
    PatientDevice other;
    sync::EnrolOptions reused{other.serverUrl(server), code, server.fingerprint(), {}};
    auto again = other.engine().enrol(reused, SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(again);
    CHECK(again.error().code == ErrorCode::Refused);

    // A server that is not there: a Network error, nothing saved.
    PatientDevice offline;
    sync::EnrolOptions nowhere{u"http://127.0.0.1:9"_s, server.newEnrolmentCode(), {}, {}};
    auto unreachable = offline.engine().enrol(nowhere, SecretBytes::fromUtf8(kPassphrase), {});
    REQUIRE_FALSE(unreachable);
    CHECK(unreachable.error().code == ErrorCode::Network);
}

TEST_CASE("Every device lost: a recovery code and the vault recovery key open the vault again",
          "[sync][enrol][recovery]")
{
    TestServer server;
    server.start();
    QString vaultId;
    QString recoveryKey;
    std::map<QString, QByteArray> written;
    {
        PatientDevice lost;
        sync::EnrolResult enrolled = lost.enrol(server);
        vaultId = enrolled.vaultId;
        REQUIRE(enrolled.recoveryKey); // a new vault gets one, shown once
        recoveryKey = enrolled.recoveryKey->displayText();
        for (int i = 0; i < 12; ++i) {
            const domain::Record record =
                createRecord(lost, kCheckIn, checkInBody(i % 11, u"before the loss %1"_s.arg(i)));
            written[record.id.toString()] = record.body;
        }
        lost.syncOk();
        // A second device joining an existing vault gets no new recovery key.
        PatientDevice second;
        CHECK_FALSE(second.join(server, lost).recoveryKey);
    } // both devices are gone

    // The clinic issues a recovery code for the vault.
    const servertest::AdminResult code =
        server.admin({u"recovery-code"_s, u"--db"_s, server.dbUrl(), u"--vault"_s, vaultId});
    INFO(code.err.toStdString());
    REQUIRE(code.exitCode == 0);
    CHECK(server
              .admin({u"recovery-code"_s, u"--db"_s, server.dbUrl(), u"--vault"_s,
                      u"00000000000000000000000000000000"_s})
              .exitCode != 0);

    // A wrong key three times: refused, nothing opened.
    PatientDevice stranger;
    const QString wrongKey = crypto::RecoveryKey::generate().displayText();
    auto refused = stranger.engine().enrol(
        {stranger.serverUrl(server), code.field(u"code"_s), server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase),
        [&](int) { return Result<SecretBytes>(SecretBytes::fromUtf8(wrongKey.toStdString())); });
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::WrongPassphrase);

    // A fresh code; a typo'd key first, then the right one (as typed: lower case, no dashes).
    const servertest::AdminResult second =
        server.admin({u"recovery-code"_s, u"--db"_s, server.dbUrl(), u"--vault"_s, vaultId});
    REQUIRE(second.exitCode == 0);
    PatientDevice replacement;
    QString typed = recoveryKey.toLower();
    typed.remove(u'-');
    auto recovered = replacement.engine().enrol(
        {replacement.serverUrl(server), second.field(u"code"_s), server.fingerprint(), {}},
        SecretBytes::fromUtf8(kPassphrase), [&](int attempt) {
            return Result<SecretBytes>(
                SecretBytes::fromUtf8((attempt == 0 ? wrongKey : typed).toStdString()));
        });
    INFO((recovered ? QString() : recovered.error().message).toStdString());
    REQUIRE(recovered);
    CHECK(recovered->joinedExistingVault);
    CHECK(recovered->vaultId == vaultId);
    replacement.syncOk();
    auto records = replacement.records().list(kCheckIn);
    REQUIRE(records);
    std::map<QString, QByteArray> found;
    for (const domain::Record &record : *records)
        found[record.id.toString()] = record.body;
    CHECK(found == written);
}

TEST_CASE("A sync job handed the last job's access token does not log in again", "[sync][token]")
{
    TestServer server;
    server.start();
    int logins = 0;   // requests to /v1/auth/… (challenge and token: two per login)
    int requests = 0; // every request
    const sync::TransportFactory counting = [&](const QUrl &url) {
        struct Counting final : sync::HttpTransport
        {
            Counting(const QUrl &url, int &logins, int &requests)
                : inner(url, 5000)
                , logins(logins)
                , requests(requests)
            {}
            Result<sync::HttpResponse> send(const sync::HttpRequest &request) override
            {
                ++requests;
                if (request.target.startsWith("/v1/auth/"))
                    ++logins;
                return inner.send(request);
            }
            sync::QtHttpTransport inner;
            int &logins;
            int &requests;
        };
        return std::unique_ptr<sync::HttpTransport>(new Counting(url, logins, requests));
    };
    PatientDevice device(counting);
    const sync::EnrolResult enrolled = device.enrol(server);
    device.syncOk();
    const sync::CarriedToken token = device.engine().accessToken();
    CHECK(token.deviceId == enrolled.deviceId);
    REQUIRE_FALSE(token.token.isEmpty());

    // As the app runs sync jobs: a new engine per job on the same profile.
    const auto job = [&](sync::CarriedToken carried) {
        sync::SyncEngine engine(device.profile().database(), device.records(),
                                SystemClock::instance(), counting, fastRetries());
        engine.carryAccessToken(std::move(carried));
        auto report = engine.sync();
        INFO((report ? QString() : report.error().message).toStdString());
        REQUIRE(report);
        return std::make_pair(*report, engine.accessToken());
    };

    logins = 0;
    createRecord(device, kCheckIn, checkInBody(4));
    auto [pushedWithToken, handedOn] = job(token);
    CHECK(pushedWithToken.pushed == 1);
    CHECK(logins == 0);
    CHECK(handedOn.token == token.token); // still valid: the next job gets the same one

    // A no-op job with the token: exactly the requests of a sync, none for a login.
    requests = 0;
    auto [noop, unused] = job(token);
    CHECK(noop.pushed == 0);
    CHECK(requests == noop.requests);
    CHECK(logins == 0);

    // A token carried for another device is never sent: the engine logs in as itself.
    logins = 0;
    auto [foreignJob, own] = job({QString(32, u'0'), token.token});
    CHECK(logins == 2);
    CHECK(own.deviceId == enrolled.deviceId);
    CHECK(own.token != token.token);

    // A token the server no longer accepts costs one 401 and a fresh login; the sync succeeds.
    logins = 0;
    auto [afterStale, fresh] = job({enrolled.deviceId, QByteArray(43, 'A')});
    CHECK(logins == 2);
    CHECK_FALSE(fresh.token.isEmpty());
    CHECK(fresh.token != QByteArray(43, 'A'));
}
