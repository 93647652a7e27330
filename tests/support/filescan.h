#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace companion::testing {

// Every file below `directory` (recursively) whose bytes contain `needle` in UTF-8 or UTF-16LE.
// The canary test: text a person typed must appear in no file outside ciphertext.
QStringList filesContaining(const QString &directory, const QString &needle);

} // namespace companion::testing
