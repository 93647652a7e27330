#pragma once

#include "domain/diaryentry.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace companion::domain {

// RFC 4180 CSV, UTF-8, CRLF, one header row then one row per entry (every diary kind; empty
// cells for fields a kind does not have). Free text (notes, tags) is exported as text only: a
// cell that a spreadsheet would read as a formula (starting with = + - @ tab or CR) is prefixed
// with an apostrophe, and every field containing a comma, quote or line break is quoted.
QByteArray buildCsv(const std::vector<DiaryEntry> &entries);

// One field, quoted and formula-escaped as above. Exposed for tests.
QString csvField(const QString &value, bool isFreeText);

} // namespace companion::domain
