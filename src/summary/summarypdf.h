#pragma once

#include "common/result.h"
#include "document/privatefile.h"
#include "summary/patientsummary.h"

#include <QByteArray>
#include <QString>

namespace companion::summary {

// The summary as a PDF (A4 portrait, as many pages as it needs): who and which dates; the
// questionnaires with a chart each, every result with its severity band and change from the
// starting score; mood, pain and sleep charts from the check-ins; infusion dates; the next
// infusion's preparation and ride home; the notes only when they were asked for. Every page ends
// with the same footer: made on this device, not a medical record, the crisis numbers as crisis
// help shows them, the page number. Words come from tr() in the current translation and dates
// from the default QLocale, both set by the caller (the app's language, the CLI's --language).
// Anything a person typed is drawn as plain text. Needs a QGuiApplication (fonts); offscreen is
// enough.
Result<QByteArray> renderSummaryPdf(const PatientSummary &summary);

// Renders and writes the PDF to `path` all or nothing (document/privatefile.h: a private
// temporary file in the same folder, renamed into place; wiped and removed on failure). The
// rendered bytes are zeroed in memory afterwards.
Result<void> saveSummaryPdf(const QString &path, const PatientSummary &summary,
                            document::Overwrite overwrite);

} // namespace companion::summary
