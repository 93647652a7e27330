// Data ownership through the real binary (issue 9 item 5): export --format json writes
// everything in the profile; import --in puts it into a new profile; exporting that profile again
// gives the same bytes (but for exported_at), and the imported profile lists the same entries.
// Malformed, truncated and oversized files are refused with nothing written.
#include "clirunner.h"

#include "domain/diaryentry.h"
#include "storage/diaryrepository.h"
#include "storage/draftstore.h"
#include "storage/profile.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::testing;

namespace {

QStringList withProfile(const ProfileCopy &copy, QStringList arguments)
{
    return arguments << u"--profile"_s << copy.directory() << u"--passphrase-file"_s
                     << copy.passphraseFile();
}

CliResult ok(const ProfileCopy &copy, const QStringList &arguments)
{
    const CliResult result = runCli(withProfile(copy, arguments));
    INFO(arguments.join(u' ').toStdString() << ": " << result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QByteArray withoutExportedAt(QByteArray json)
{
    static const QRegularExpression kExportedAt(u"\"exported_at\": \"[^\"]*\""_s);
    QString text = QString::fromUtf8(json);
    REQUIRE(text.count(kExportedAt) == 1);
    text.replace(kExportedAt, u"\"exported_at\": \"…\""_s);
    return text.toUtf8();
}

// Fills a profile with one of everything a patient keeps: check-ins, an instrument result,
// journal entries shared and private, an appointment with checklist state, a ride and a morning
// check through the CLI; a post-infusion check, the settings record, a deleted entry, an edited
// entry (history) and an editor draft through the storage API (no CLI command writes those).
void fillProfile(const ProfileCopy &copy)
{
    ok(copy, {u"checkin"_s, u"add"_s, u"--mood"_s, u"6"_s, u"--anxiety"_s, u"3"_s, u"--pain"_s,
              u"1"_s, u"--sleep-hours"_s, u"7.5"_s, u"--note"_s, u"Slept well, ñandú \"q\""_s,
              u"--at"_s, u"2026-03-01T09:30:00Z"_s});
    ok(copy, {u"instrument"_s, u"record"_s, u"phq9"_s, u"--answers"_s, u"1,1,0,2,0,1,0,0,0"_s,
              u"--at"_s, u"2026-03-02T10:00:00Z"_s});
    ok(copy,
       {u"note"_s, u"add"_s, u"--kind"_s, u"intention"_s, u"--text"_s, u"Private intention"_s});
    ok(copy, {u"note"_s, u"add"_s, u"--kind"_s, u"free"_s, u"--share"_s, u"--text"_s,
              u"Shared thought"_s});
    const QString appointment =
        QJsonDocument::fromJson(
            ok(copy, {u"appointment"_s, u"add"_s, u"--at"_s, u"2026-03-10T09:00:00Z"_s, u"--json"_s,
                      u"--time-zone"_s, u"Europe/Berlin"_s})
                .out)
            .object()
            .value(u"id"_s)
            .toString();
    REQUIRE(appointment.size() == 36);
    const QJsonObject plan =
        QJsonDocument::fromJson(ok(copy, {u"plan"_s, u"show"_s, appointment, u"--json"_s,
                                          u"--time-zone"_s, u"Europe/Berlin"_s})
                                    .out)
            .object();
    const QString item =
        plan.value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString();
    REQUIRE(!item.isEmpty());
    ok(copy,
       {u"plan"_s, u"check"_s, appointment, item, u"on"_s, u"--time-zone"_s, u"Europe/Berlin"_s});
    ok(copy, {u"ride"_s, u"set"_s, appointment, u"--driver"_s, u"Ana"_s, u"--phone"_s,
              u"+34 600 000 000"_s, u"--time-zone"_s, u"Europe/Berlin"_s});

    auto profile = storage::Profile::unlock(
        copy.directory(),
        SecretBytes::fromUtf8(std::string_view(kPassphrase.constData(),
                                               static_cast<std::size_t>(kPassphrase.size()))));
    REQUIRE(profile);
    storage::DiaryRepository diary((*profile)->records());
    domain::PostInfusionCheck check;
    check.occurredAt = QDateTime(QDate(2026, 3, 10), QTime(14, 0), Qt::UTC);
    check.nausea = domain::SymptomGrade::Mild;
    check.systolic = 128;
    check.diastolic = 82;
    check.note = u"A bit dizzy"_s;
    REQUIRE(diary.add(domain::DiaryBody(check)));
    auto settings = (*profile)->records().create(domain::kinds::profileSettings,
                                                 R"({"language":"es","theme":"dark"})");
    REQUIRE(settings);
    REQUIRE((*profile)->records().update(settings->id, R"({"language":"es","theme":"light"})"));
    auto gone = (*profile)->records().create(u"diary.checkin"_s, R"({"mood":1})");
    REQUIRE(gone);
    REQUIRE((*profile)->records().remove(gone->id));
    storage::DraftStore draft((*profile)->database(), u"diary.draft"_s);
    REQUIRE(draft.save(R"({"mood":4,"note":"half written"})"));
}

} // namespace

TEST_CASE("export --format json → import into a new profile → export again is identical",
          "[integration][cli][ownership]")
{
    ProfileCopy original;
    fillProfile(original);

    const QString first = original.scratch().file(u"first.json"_s);
    const CliResult exported =
        ok(original, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, first});
    CHECK(exported.out.contains("deleted"));
    struct stat info
    {};
    REQUIRE(::stat(QFile::encodeName(first).constData(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    const QByteArray firstJson = readAll(first);
    const QJsonObject document = parse(firstJson);
    CHECK(document.value(u"format"_s).toString() == u"companion-export");
    CHECK(document.value(u"schema"_s).toInt() == 1);
    QSet<QString> kinds;
    int deleted = 0;
    int withHistory = 0;
    for (const QJsonValue &value : document.value(u"records"_s).toArray()) {
        const QJsonObject record = value.toObject();
        kinds.insert(record.value(u"kind"_s).toString());
        deleted += record.value(u"deleted"_s).toBool() ? 1 : 0;
        withHistory += record.value(u"history"_s).toArray().size() > 1 ? 1 : 0;
    }
    INFO(QStringList(kinds.values()).join(u", "_s).toStdString());
    for (const QString &kind : {u"diary.checkin"_s, u"instrument.result"_s, u"diary.postinfusion"_s,
                                u"journal.entry"_s, u"profile.settings"_s})
        CHECK(kinds.contains(kind));
    CHECK(kinds.size() >= 8); // plus appointment, checklist and ride kinds
    CHECK(deleted == 1);
    CHECK(withHistory >= 2);
    CHECK(document.value(u"meta"_s).toArray().size() == 1);
    // The profile's own id and the sync state are not part of an export.
    CHECK(!firstJson.contains("profile_id"));
    CHECK(!firstJson.contains("sync."));

    // The export is never written over an existing file.
    const CliResult again =
        runCli(withProfile(original, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, first}));
    CHECK(again.exitCode != 0);
    CHECK(readAll(first) == firstJson);

    ProfileCopy fresh;
    const CliResult imported = ok(fresh, {u"import"_s, u"--in"_s, first});
    CHECK(imported.out.contains("Imported"));
    const QString second = fresh.scratch().file(u"second.json"_s);
    ok(fresh, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, second});
    CHECK(withoutExportedAt(readAll(second)) == withoutExportedAt(firstJson));

    // The same entries, as the list commands show them.
    for (const QStringList &list : {QStringList{u"diary"_s, u"list"_s, u"--json"_s},
                                    QStringList{u"note"_s, u"list"_s, u"--json"_s},
                                    QStringList{u"appointment"_s, u"list"_s, u"--json"_s,
                                                u"--time-zone"_s, u"Europe/Berlin"_s}}) {
        INFO(list.join(u' ').toStdString());
        CHECK(ok(fresh, list).out == ok(original, list).out);
    }
    // Records and histories compare equal through the storage API too.
    auto a = storage::Profile::unlock(
        original.directory(),
        SecretBytes::fromUtf8(std::string_view(kPassphrase.constData(),
                                               static_cast<std::size_t>(kPassphrase.size()))));
    auto b = storage::Profile::unlock(
        fresh.directory(),
        SecretBytes::fromUtf8(std::string_view(kPassphrase.constData(),
                                               static_cast<std::size_t>(kPassphrase.size()))));
    REQUIRE(a);
    REQUIRE(b);
    for (const QString &kind : kinds) {
        auto left = (*a)->records().list(kind, true);
        auto right = (*b)->records().list(kind, true);
        REQUIRE(left);
        REQUIRE(right);
        REQUIRE(left->size() == right->size());
        for (std::size_t i = 0; i < left->size(); ++i) {
            const domain::Record &x = (*left)[i];
            const domain::Record &y = (*right)[i];
            CHECK(x.id == y.id);
            CHECK(x.version == y.version);
            CHECK(x.body == y.body);
            CHECK(x.deleted == y.deleted);
            CHECK(x.createdAt == y.createdAt);
            CHECK(x.updatedAt == y.updatedAt);
            CHECK(x.occurredAt == y.occurredAt);
            auto hx = (*a)->records().history(x.id);
            auto hy = (*b)->records().history(y.id);
            REQUIRE(hx);
            REQUIRE(hy);
            REQUIRE(hx->size() == hy->size());
            for (std::size_t v = 0; v < hx->size(); ++v)
                CHECK((*hx)[v].body == (*hy)[v].body);
        }
    }
    // Imported records wait to be uploaded, as local writes do.
    auto info2 = (*b)->info();
    REQUIRE(info2);
    CHECK(info2->pendingOutbox ==
          static_cast<qint64>(document.value(u"records"_s).toArray().size()));
    b->reset();

    // A profile that is not empty refuses an import and is left as it was.
    const CliResult twice = runCli(withProfile(fresh, {u"import"_s, u"--in"_s, first}));
    CHECK(twice.exitCode != 0);
    CHECK(twice.err.contains("not empty"));
}

TEST_CASE("import refuses malformed, truncated and oversized files and writes nothing",
          "[integration][cli][ownership]")
{
    ProfileCopy original;
    ok(original, {u"checkin"_s, u"add"_s, u"--mood"_s, u"6"_s, u"--anxiety"_s, u"3"_s, u"--pain"_s,
                  u"1"_s, u"--note"_s, u"secret-note-text"_s});
    ok(original, {u"note"_s, u"add"_s, u"--kind"_s, u"free"_s, u"--text"_s, u"second"_s});
    const QString good = original.scratch().file(u"good.json"_s);
    ok(original, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, good});
    const QByteArray json = readAll(good);

    ProfileCopy fresh;
    auto attempt = [&](const QString &name, const QByteArray &bytes) {
        const QString path = fresh.scratch().file(name);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(bytes) == bytes.size());
        file.close();
        const CliResult result = runCli(withProfile(fresh, {u"import"_s, u"--in"_s, path}));
        INFO(name.toStdString() << ": " << result.err.toStdString());
        CHECK(result.exitCode == 2);
        CHECK(!result.err.contains("secret-note-text")); // errors name paths, never values
        return result;
    };

    attempt(u"truncated.json"_s, json.left(json.size() / 2));
    attempt(u"empty.json"_s, QByteArray());
    attempt(u"array.json"_s, "[]");
    QByteArray wrongFormat = json;
    wrongFormat.replace("\"companion-export\"", "\"other-export\"");
    attempt(u"format.json"_s, wrongFormat);
    QByteArray badVersion = json;
    badVersion.replace("\"version\": 1", "\"version\": \"one\"");
    CHECK(attempt(u"version.json"_s, badVersion).err.contains("$.records["));
    QByteArray badTime = json;
    badTime.replace("\"created_at\": \"2", "\"created_at\": \"yesterday 2");
    attempt(u"time.json"_s, badTime);
    QByteArray extra = json;
    extra.replace("\"format\":", "\"unexpected\": 1, \"format\":");
    attempt(u"extra.json"_s, extra);
    // The second record fails: the first (valid) one must not have been written either.
    QJsonObject document = parse(json);
    QJsonArray records = document.value(u"records"_s).toArray();
    REQUIRE(records.size() == 2);
    QJsonObject broken = records.at(1).toObject();
    broken.insert(u"id"_s, u"not-a-uuid"_s);
    records.replace(1, broken);
    document.insert(u"records"_s, records);
    attempt(u"second-bad.json"_s, QJsonDocument(document).toJson());
    // Duplicate ids.
    records.replace(1, records.at(0));
    document.insert(u"records"_s, records);
    attempt(u"duplicate.json"_s, QJsonDocument(document).toJson());

    // Oversized: refused from its size, before it is read (a sparse file costs no disk).
    const QString huge = fresh.scratch().file(u"huge.json"_s);
    {
        QFile file(huge);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.resize(257LL * 1024 * 1024));
    }
    const CliResult oversized = runCli(withProfile(fresh, {u"import"_s, u"--in"_s, huge}));
    CHECK(oversized.exitCode == 2);
    CHECK(oversized.err.contains("larger than"));

    // Nothing was written by any of them: the profile is still empty and takes the good file.
    const QString check = fresh.scratch().file(u"check.json"_s);
    ok(fresh, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, check});
    CHECK(parse(readAll(check)).value(u"records"_s).toArray().isEmpty());
    CHECK(parse(readAll(check)).value(u"meta"_s).toArray().isEmpty());
    ok(fresh, {u"import"_s, u"--in"_s, good});
    const QString after = fresh.scratch().file(u"after.json"_s);
    ok(fresh, {u"export"_s, u"--format"_s, u"json"_s, u"--out"_s, after});
    CHECK(withoutExportedAt(readAll(after)) == withoutExportedAt(json));
}

TEST_CASE("delete-everything explains first, needs --confirm and the passphrase, then leaves no "
          "file",
          "[integration][cli][ownership][delete]")
{
    ProfileCopy copy;
    ok(copy,
       {u"checkin"_s, u"add"_s, u"--mood"_s, u"6"_s, u"--anxiety"_s, u"3"_s, u"--pain"_s, u"1"_s});
    QFile side(QDir(copy.directory()).filePath(u"reminders.json"_s));
    REQUIRE(side.open(QIODevice::WriteOnly));
    side.write("{}");
    side.close();

    const CliResult explained = runCli(withProfile(copy, {u"delete-everything"_s}));
    CHECK(explained.exitCode == 2);
    CHECK(explained.err.contains("audit log"));
    CHECK(explained.err.contains("--confirm"));
    CHECK(QFileInfo::exists(copy.keyFile()));

    // A wrong passphrase deletes nothing.
    const QString wrong = writeSecretFile(copy.scratch(), u"wrong.txt"_s, kWrongPassphrase);
    const CliResult refused = runCli({u"delete-everything"_s, u"--confirm"_s, u"--profile"_s,
                                      copy.directory(), u"--passphrase-file"_s, wrong});
    CHECK(refused.exitCode == 3);
    CHECK(QFileInfo::exists(copy.keyFile()));

    // Not connected to a clinic: only the local profile, every file of it.
    const CliResult deleted = ok(copy, {u"delete-everything"_s, u"--confirm"_s});
    CHECK(deleted.out.contains("not connected to a clinic"));
    CHECK(!QFileInfo::exists(copy.directory()));
}
