#include "storage/journalrepository.h"

#include "common/logging.h"

namespace companion::storage {

namespace journal = domain::journal;

namespace {

Result<journal::Entry> toEntry(const domain::Record &record)
{
    auto body = journal::decodeBody(record.body);
    if (!body)
        return body.error();
    return journal::Entry{record.id, record.version, record.createdAt, record.updatedAt,
                          std::move(*body)};
}

} // namespace

JournalRepository::JournalRepository(Database &db, RecordRepository &records)
    : m_records(records)
    , m_drafts(db, kDraftMetaKey)
{}

Result<journal::Entry> JournalRepository::add(const journal::EntryBody &body)
{
    auto bytes = journal::encodeBody(body);
    if (!bytes)
        return bytes.error();
    auto record = m_records.create(domain::kinds::journalEntry, *bytes);
    if (!record)
        return record.error();
    return toEntry(*record);
}

Result<journal::Entry> JournalRepository::update(const RecordId &id, const journal::EntryBody &body)
{
    auto bytes = journal::encodeBody(body);
    if (!bytes)
        return bytes.error();
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (!*existing)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such journal entry"));
    auto record = m_records.update(id, *bytes);
    if (!record)
        return record.error();
    return toEntry(*record);
}

Result<void> JournalRepository::remove(const RecordId &id)
{
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (!*existing)
        return makeError(ErrorCode::NotFound, QStringLiteral("no such journal entry"));
    auto removed = m_records.remove(id);
    if (!removed)
        return removed.error();
    return {};
}

Result<std::optional<journal::Entry>> JournalRepository::find(const RecordId &id)
{
    auto record = m_records.find(id);
    if (!record)
        return record.error();
    if (!*record || (*record)->deleted || (*record)->kind != domain::kinds::journalEntry)
        return std::optional<journal::Entry>();
    auto entry = toEntry(**record);
    if (!entry)
        return entry.error();
    return std::optional<journal::Entry>(std::move(*entry));
}

Result<std::vector<journal::Entry>> JournalRepository::list(int *skipped)
{
    auto records = m_records.list(domain::kinds::journalEntry);
    if (!records)
        return records.error();
    std::vector<journal::Entry> entries;
    entries.reserve(records->size());
    int unreadable = 0;
    for (const domain::Record &record : *records) {
        auto entry = toEntry(record);
        if (entry)
            entries.push_back(std::move(*entry));
        else
            ++unreadable;
    }
    if (unreadable > 0)
        qCWarning(lcStorage) << "journal: skipped" << unreadable << "unreadable entries";
    if (skipped)
        *skipped = unreadable;
    return entries;
}

Result<std::vector<std::optional<journal::EntryBody>>>
JournalRepository::versions(const RecordId &id)
{
    auto history = m_records.history(id);
    if (!history)
        return history.error();
    std::vector<std::optional<journal::EntryBody>> versions;
    for (const domain::Record &record : *history) {
        if (record.deleted) {
            versions.emplace_back();
            continue;
        }
        auto body = journal::decodeBody(record.body);
        if (!body)
            return body.error();
        versions.emplace_back(std::move(*body));
    }
    return versions;
}

Result<void> JournalRepository::saveDraft(const journal::Draft &draft)
{
    auto bytes = journal::encodeDraft(draft);
    if (!bytes)
        return bytes.error();
    return m_drafts.save(*bytes);
}

Result<std::optional<journal::Draft>> JournalRepository::loadDraft()
{
    auto bytes = m_drafts.load();
    if (!bytes)
        return bytes.error();
    if (!*bytes)
        return std::optional<journal::Draft>();
    auto draft = journal::decodeDraft(**bytes);
    if (!draft) {
        // An unreadable draft is dropped rather than blocking the editor for ever.
        qCWarning(lcStorage) << "journal: discarding an unreadable draft";
        COMPANION_TRY(discardDraft());
        return std::optional<journal::Draft>();
    }
    return std::optional<journal::Draft>(std::move(*draft));
}

Result<void> JournalRepository::discardDraft()
{
    return m_drafts.discard();
}

} // namespace companion::storage
