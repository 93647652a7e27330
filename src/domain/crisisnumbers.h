#pragma once

#include "domain/protocol.h"

#include <QString>

#include <vector>

namespace companion::domain {

// The numbers crisis help shows. A clinic that configured its own protocol decides them; until
// then (the shipped "default" protocol) the device's country picks well-known national lines, so a
// patient in Spain is not told to dial 988. Labels are English source text for translation
// (context "CrisisNumbers").
struct CrisisLine
{
    QString id;
    const char *label = nullptr; // untranslated, QT_TRANSLATE_NOOP("CrisisNumbers", …)
    QString number;
    bool emergency = false; // emergency services (shown first, in the danger colour)
    bool textable = false;  // also takes text messages
};

// `countryCode`: ISO 3166 alpha-2 ("US", "ES"), from QLocale::territoryToCode.
std::vector<CrisisLine> localeCrisisLines(const QString &countryCode);

// One number as crisis help shows it.
struct ShownCrisisNumber
{
    QString id;
    QString label; // the clinic's text, or translated
    QString number;
    bool emergency = false;
    bool textable = false;
};

struct CrisisNumberChoice
{
    std::vector<ShownCrisisNumber> numbers; // emergency services first
    bool fromClinic = false;
};

// Clinic-configured numbers win; otherwise the country's lines; otherwise the protocol's defaults
// (US). `translate` turns a CrisisLine label into the display language.
CrisisNumberChoice chooseCrisisNumbers(const ClinicProtocol &protocol, const QString &countryCode,
                                       QString (*translate)(const char *label));

// A dialable URI: "tel:" plus digits and a leading '+' only ("116 123" → "tel:116123").
QString dialUri(const QString &number, const QString &scheme = QStringLiteral("tel"));

} // namespace companion::domain
