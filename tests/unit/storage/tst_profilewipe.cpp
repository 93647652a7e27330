// The local half of delete everything: every file of a closed profile folder overwritten and
// deleted, the folder removed; a folder that is not a profile is never touched.
#include <catch2/catch.hpp>

#include "storage/profile.h"
#include "storage/profilewipe.h"
#include "support/tempdir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <unistd.h>

using namespace companion;
using namespace companion::storage;

namespace {

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("wipeProfileFolder deletes every file, sub-folders and links, never their targets",
          "[storage][wipe]")
{
    testing::TempDir root;
    const QString folder = root.file(QStringLiteral("profile"));
    {
        auto created =
            Profile::create(folder, SecretBytes::fromUtf8("juniper falcon atlas biscuit"));
        REQUIRE(created);
        REQUIRE(created->profile->records().create(QStringLiteral("journal.entry"), "{\"t\":1}"));
    }
    writeFile(QDir(folder).filePath(QStringLiteral("reminders.json")), "{}");
    QDir(folder).mkdir(QStringLiteral("clinic-content"));
    writeFile(QDir(folder).filePath(QStringLiteral("clinic-content/a.md")), "text");
    // A link out of the folder: deleted as a link, its target kept.
    const QString outside = root.file(QStringLiteral("outside.txt"));
    writeFile(outside, "keep me");
    REQUIRE(::symlink(
                QFile::encodeName(outside).constData(),
                QFile::encodeName(QDir(folder).filePath(QStringLiteral("link"))).constData()) == 0);

    auto wiped = wipeProfileFolder(folder, Profile::kKeyFileName);
    REQUIRE(wiped);
    CHECK(wiped->files >= 4); // profile.key, profile.db (+ WAL), reminders.json, a.md
    CHECK(wiped->bytes > 4096);
    CHECK(wiped->folderRemoved);
    CHECK_FALSE(QFileInfo::exists(folder));
    QFile kept(outside);
    REQUIRE(kept.open(QIODevice::ReadOnly));
    CHECK(kept.readAll() == "keep me");
}

TEST_CASE("wipeProfileFolder refuses a folder that is not a profile", "[storage][wipe]")
{
    testing::TempDir root;
    writeFile(root.file(QStringLiteral("notes.txt")), "not a profile");
    auto refused = wipeProfileFolder(root.path(), Profile::kKeyFileName);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::NotFound);
    CHECK(QFileInfo::exists(root.file(QStringLiteral("notes.txt"))));
    CHECK_FALSE(wipeProfileFolder(root.file(QStringLiteral("missing")), Profile::kKeyFileName));
}
