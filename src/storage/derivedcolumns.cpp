#include "storage/derivedcolumns.h"

#include "domain/diaryentry.h"

namespace companion::storage {

DerivedColumns derivedColumnsOf(const QString &kind, const QByteArray &body, bool deleted)
{
    if (deleted || body.isEmpty() || !domain::isDiaryKind(kind))
        return {};
    auto decoded = domain::decodeBody(kind, body);
    if (!decoded)
        return {};
    DerivedColumns columns;
    columns.summary = domain::listSummaryOf(*decoded);
    if (const auto *result = std::get_if<domain::InstrumentResult>(&*decoded))
        columns.series = SeriesValue{result->instrumentId, result->total};
    return columns;
}

void bindDerivedColumns(Statement &stmt, int first, const DerivedColumns &columns)
{
    if (columns.series)
        stmt.bind(first, columns.series->key).bindDouble(first + 1, columns.series->value);
    else
        stmt.bindNull(first).bindNull(first + 1);
    if (!columns.summary) {
        stmt.bindNull(first + 2).bindNull(first + 3).bindNull(first + 4);
        return;
    }
    const domain::ListSummary &summary = *columns.summary;
    stmt.bind(first + 2, summary.values.packed());
    if (summary.number)
        stmt.bindDouble(first + 3, *summary.number);
    else
        stmt.bindNull(first + 3);
    if (summary.text.isEmpty())
        stmt.bindNull(first + 4);
    else
        stmt.bind(first + 4, summary.text);
}

} // namespace companion::storage
