#include "sync/devicelinkstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::sync {

namespace {

const QString kMetaKey = u"sync.device_links"_s;
// More pending links than this means something loops; the server caps slots at 64 anyway.
constexpr std::size_t kMaxPending = 32;

} // namespace

DeviceLinkStore::DeviceLinkStore(storage::Database &db)
    : m_db(db)
{}

Result<std::vector<PendingDeviceLink>> DeviceLinkStore::pending()
{
    auto stmt = m_db.prepare("SELECT value FROM meta WHERE key = ?1;");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kMetaKey);
    auto row = stmt->step();
    if (!row)
        return row.error();
    std::vector<PendingDeviceLink> links;
    if (!*row)
        return links;
    const QJsonDocument doc = QJsonDocument::fromJson(stmt->columnText(0).toUtf8());
    for (const QJsonValue &value : doc.array()) {
        const QJsonObject object = value.toObject();
        const QString slot = object.value(u"slot"_s).toString();
        if (slot.isEmpty())
            continue;
        links.push_back({slot, object.value(u"expires_at"_s).toInteger()});
    }
    return links;
}

Result<void> DeviceLinkStore::add(const PendingDeviceLink &link)
{
    auto links = pending();
    if (!links)
        return links.error();
    if (links->size() >= kMaxPending)
        return makeError(ErrorCode::Refused,
                         u"too many device links are open; close them or sync first"_s);
    links->push_back(link);
    return save(*links);
}

Result<void> DeviceLinkStore::remove(const QString &slot)
{
    auto links = pending();
    if (!links)
        return links.error();
    std::erase_if(*links, [&slot](const PendingDeviceLink &link) { return link.slot == slot; });
    return save(*links);
}

Result<void> DeviceLinkStore::save(const std::vector<PendingDeviceLink> &links)
{
    if (links.empty()) {
        auto stmt = m_db.prepare("DELETE FROM meta WHERE key = ?1;");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, kMetaKey);
        return stmt->run();
    }
    QJsonArray array;
    for (const PendingDeviceLink &link : links)
        array.append(QJsonObject{{u"slot"_s, link.slot},
                                 {u"expires_at"_s, static_cast<qint64>(link.expiresAt)}});
    auto stmt = m_db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kMetaKey)
        .bind(2, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
    return stmt->run();
}

} // namespace companion::sync
