#pragma once

#include "common/result.h"
#include "domain/journal.h"
#include "storage/database.h"
#include "storage/draftstore.h"
#include "storage/recordrepository.h"

#include <optional>
#include <vector>

namespace companion::storage {

// The integration journal over RecordRepository: entries are `journal.entry` records, so every
// edit keeps the previous version and deletion leaves a tombstone (history keeps the past).
//
// The editor's draft is different: it is a DraftStore row (key "journal.draft") that neither syncs
// nor piles up versions.
class JournalRepository
{
public:
    static inline const QString kDraftMetaKey = QStringLiteral("journal.draft");

    JournalRepository(Database &db, RecordRepository &records);

    // Validates (empty text and over-long text are InvalidInput), then stores.
    Result<domain::journal::Entry> add(const domain::journal::EntryBody &body);
    Result<domain::journal::Entry> update(const RecordId &id,
                                          const domain::journal::EntryBody &body);
    // A tombstone; NotFound when there is no such live entry.
    Result<void> remove(const RecordId &id);
    Result<std::optional<domain::journal::Entry>> find(const RecordId &id);
    // Every live entry, newest change first. A body that does not decode (damaged, or written by
    // a newer version) is skipped and counted in `skipped` rather than failing the whole list.
    Result<std::vector<domain::journal::Entry>> list(int *skipped = nullptr);
    // Every stored version of one entry, oldest first; tombstones have no body (nullopt).
    Result<std::vector<std::optional<domain::journal::EntryBody>>> versions(const RecordId &id);

    Result<void> saveDraft(const domain::journal::Draft &draft);
    Result<std::optional<domain::journal::Draft>> loadDraft();
    Result<void> discardDraft();

private:
    RecordRepository &m_records;
    DraftStore m_drafts;
};

} // namespace companion::storage
