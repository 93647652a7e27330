#include "storage/draftstore.h"

#include <utility>

namespace companion::storage {

DraftStore::DraftStore(Database &db, QString metaKey)
    : m_db(db)
    , m_metaKey(std::move(metaKey))
{}

Result<void> DraftStore::save(const QByteArray &bytes)
{
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_metaKey).bind(2, QString::fromUtf8(bytes));
    return stmt->run();
}

Result<std::optional<QByteArray>> DraftStore::load()
{
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_metaKey);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(stmt->columnText(0).toUtf8());
}

Result<void> DraftStore::discard()
{
    auto stmt = m_db.prepare("DELETE FROM meta WHERE key = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_metaKey);
    return stmt->run();
}

} // namespace companion::storage
