#pragma once

#include "common/result.h"
#include "storage/database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace companion::storage {

// One editor draft kept in the encrypted `meta` table under its own key ("journal.draft",
// "diary.draft"). A draft is rewritten about once a second while someone types, so it must not
// sync or pile up record versions: it is replaced in place and deleted on save or cancel. It
// never leaves the encrypted database.
class DraftStore
{
public:
    DraftStore(Database &db, QString metaKey);

    Result<void> save(const QByteArray &bytes);
    // nullopt when there is no draft.
    Result<std::optional<QByteArray>> load();
    Result<void> discard();

private:
    Database &m_db;
    QString m_metaKey;
};

} // namespace companion::storage
