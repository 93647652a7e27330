#pragma once

#include "domain/listsummary.h"
#include "storage/database.h"
#include "storage/recordrepository.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace companion::storage {

// The columns of a records row that are derived from its body: series_key and series_value
// (charts, migration 4) and summary_values, summary_number and summary_text (lists, migration 6).
// Every statement that writes a records row's body must write these five from the same body
// in the same statement, or charts and lists disagree with the entries they show; a row whose
// diary body decodes always has a non-NULL summary_values, so a live diary row without one reads
// as damaged rather than silently blank.
struct DerivedColumns
{
    std::optional<SeriesValue> series;
    std::optional<domain::ListSummary> summary;
};

// Decodes the body once. Tombstones, kinds other than the diary's and bodies that do not decode
// derive nothing (every column NULL).
DerivedColumns derivedColumnsOf(const QString &kind, const QByteArray &body, bool deleted);

// Binds series_key, series_value, summary_values, summary_number, summary_text, in this order,
// to ?first … ?first + 4 (NULL where nothing is derived).
inline constexpr int kDerivedColumnCount = 5;
void bindDerivedColumns(Statement &stmt, int first, const DerivedColumns &columns);

} // namespace companion::storage
