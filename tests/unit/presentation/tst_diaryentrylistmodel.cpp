#include <catch2/catch.hpp>

#include "presentation/diarycontroller.h"
#include "presentation/diaryentrylistmodel.h"
#include "presentation/profilecontroller.h"
#include "profilesession.h"
#include "support/fakeclock.h"
#include "support/tempdir.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

QVariantMap row(const QString &id, const QString &stateLabel = u"Saved on this device"_s)
{
    return {{u"id"_s, id},
            {u"kind"_s, u"diary.checkin"_s},
            {u"title"_s, u"Check-in"_s},
            {u"summary"_s, u"Mood 5"_s},
            {u"note"_s, QString(u"<b>plain</b> "_s + id)},
            {u"dateLabel"_s, u"Today"_s},
            {u"stateLabel"_s, stateLabel},
            {u"editable"_s, true},
            {u"edited"_s, false}};
}

QVariantList rows(const QStringList &ids)
{
    QVariantList list;
    for (const QString &id : ids)
        list.append(row(id));
    return list;
}

QStringList idsOf(const DiaryEntryListModel &model)
{
    QStringList ids;
    for (int i = 0; i < model.rowCount(); ++i)
        ids.append(model.data(model.index(i), DiaryEntryListModel::IdRole).toString());
    return ids;
}

// What the model told its views, in order: "reset", "insert 0-1", "remove 2-2", "change 3".
struct ViewLog
{
    QStringList events;

    explicit ViewLog(DiaryEntryListModel &model)
    {
        QObject::connect(&model, &QAbstractItemModel::modelReset, &model,
                         [this] { events.append(u"reset"_s); });
        QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                         [this](const QModelIndex &, int first, int last) {
                             events.append(u"insert %1-%2"_s.arg(first).arg(last));
                         });
        QObject::connect(&model, &QAbstractItemModel::rowsRemoved, &model,
                         [this](const QModelIndex &, int first, int last) {
                             events.append(u"remove %1-%2"_s.arg(first).arg(last));
                         });
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &model,
                         [this](const QModelIndex &top, const QModelIndex &bottom) {
                             REQUIRE(top.row() == bottom.row());
                             events.append(u"change %1"_s.arg(top.row()));
                         });
    }
};

} // namespace

TEST_CASE("The diary list model serves each row's fields as roles", "[presentation][diary]")
{
    DiaryEntryListModel model;
    model.setEntries(rows({u"a"_s, u"b"_s}));
    REQUIRE(model.rowCount() == 2);
    CHECK(model.count() == 2);
    CHECK(model.rowCount(model.index(0)) == 0); // a list, not a tree
    const QHash<int, QByteArray> roles = model.roleNames();
    CHECK(roles.value(DiaryEntryListModel::EntryRole) == "entry");
    CHECK(roles.value(DiaryEntryListModel::StateLabelRole) == "stateLabel");
    const QModelIndex second = model.index(1);
    CHECK(model.data(second, DiaryEntryListModel::IdRole).toString() == u"b"_s);
    CHECK(model.data(second, DiaryEntryListModel::NoteRole).toString() == u"<b>plain</b> b"_s);
    CHECK(model.data(second, DiaryEntryListModel::EditableRole).toBool());
    CHECK(model.data(second, DiaryEntryListModel::EntryRole).toMap() == row(u"b"_s));
    CHECK_FALSE(model.data(second, Qt::DisplayRole).isValid());
    CHECK_FALSE(model.data(model.index(2), DiaryEntryListModel::IdRole).isValid());
    CHECK(model.indexOf(u"b"_s) == 1);
    CHECK(model.indexOf(u"z"_s) == -1);
}

TEST_CASE("The diary list model applies a new list as the smallest change, never a reset",
          "[presentation][diary]")
{
    DiaryEntryListModel model;
    int countChanges = 0;
    QObject::connect(&model, &DiaryEntryListModel::countChanged, &model, [&] { ++countChanges; });
    ViewLog log(model);

    model.setEntries(rows({u"c"_s, u"b"_s, u"a"_s}));
    CHECK(log.events == QStringList{u"insert 0-2"_s});
    CHECK(countChanges == 1);

    SECTION("the same list changes nothing")
    {
        log.events.clear();
        model.setEntries(rows({u"c"_s, u"b"_s, u"a"_s}));
        CHECK(log.events.isEmpty());
        CHECK(countChanges == 1);
    }
    SECTION("a new entry at the top is one inserted row")
    {
        log.events.clear();
        model.setEntries(rows({u"d"_s, u"c"_s, u"b"_s, u"a"_s}));
        CHECK(log.events == QStringList{u"insert 0-0"_s});
        CHECK(idsOf(model) == QStringList{u"d"_s, u"c"_s, u"b"_s, u"a"_s});
        CHECK(countChanges == 2);
    }
    SECTION("a deleted entry is one removed row")
    {
        log.events.clear();
        model.setEntries(rows({u"c"_s, u"a"_s}));
        CHECK(log.events == QStringList{u"remove 1-1"_s});
        CHECK(idsOf(model) == QStringList{u"c"_s, u"a"_s});
    }
    SECTION("a changed sync state updates only that row")
    {
        log.events.clear();
        QVariantList next = rows({u"c"_s, u"b"_s, u"a"_s});
        next[2] = row(u"a"_s, u"Synced"_s);
        model.setEntries(next);
        CHECK(log.events == QStringList{u"change 2"_s});
        CHECK(model.data(model.index(2), DiaryEntryListModel::StateLabelRole).toString() ==
              u"Synced"_s);
        CHECK(model.data(model.index(2), DiaryEntryListModel::EntryRole)
                  .toMap()
                  .value(u"stateLabel"_s)
                  .toString() == u"Synced"_s);
        CHECK(countChanges == 1);
    }
    SECTION("an entry moved by an edit of its time is removed and inserted")
    {
        log.events.clear();
        model.setEntries(rows({u"b"_s, u"c"_s, u"a"_s}));
        CHECK(log.events == QStringList{u"remove 0-1"_s, u"insert 0-1"_s});
        CHECK(idsOf(model) == QStringList{u"b"_s, u"c"_s, u"a"_s});
    }
    SECTION("an empty list removes every row")
    {
        log.events.clear();
        model.setEntries({});
        CHECK(log.events == QStringList{u"remove 0-2"_s});
        CHECK(model.rowCount() == 0);
        CHECK(countChanges == 2);
    }
}

TEST_CASE("The diary controller's list model follows its entries and empties on lock",
          "[presentation][diary]")
{
    testing::TempDir dir;
    testing::FakeClock clock{QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC)};
    ProfileController profile{dir.path(), clock};
    DiaryController diary{profile, clock};
    testing::createUnlockedProfile(profile);
    DiaryEntryListModel *model = diary.entryModel();
    REQUIRE(model != nullptr);
    CHECK(model->rowCount() == 0);

    for (int mood : {3, 7}) {
        diary.startCheckIn();
        diary.setValue(u"mood"_s, mood);
        diary.setValue(u"anxiety"_s, 2);
        diary.setValue(u"pain"_s, 1);
        clock.advanceSeconds(300);
        REQUIRE(diary.save());
    }
    REQUIRE(model->rowCount() == 2);
    CHECK(diary.entryCount() == 2);
    // Newest first, the same rows as the `entries` list.
    CHECK(model->data(model->index(0), DiaryEntryListModel::EntryRole) == diary.entries().at(0));
    CHECK(model->data(model->index(0), DiaryEntryListModel::SummaryRole)
              .toString()
              .startsWith(u"Mood 7"_s));
    // Enter on a row (the keyboard's way to open it) edits that entry; a row not listed does not.
    CHECK_FALSE(diary.startEditAt(2));
    CHECK_FALSE(diary.startEditAt(-1));
    CHECK(diary.editorKind().isEmpty());
    REQUIRE(diary.startEditAt(1));
    CHECK(diary.editorKind() == u"checkin"_s);
    CHECK(diary.editorValues().value(u"mood"_s).toInt() == 3);
    diary.cancel(true);
    const QString newest = model->data(model->index(0), DiaryEntryListModel::IdRole).toString();
    CHECK(diary.removeEntry(newest));
    CHECK(model->rowCount() == 1);
    CHECK(model->indexOf(newest) == -1);

    testing::relockProfile(profile);
    CHECK(model->rowCount() == 1); // relock unlocks again: the entry is listed once more
    profile.lock();
    CHECK(model->rowCount() == 0);
}
