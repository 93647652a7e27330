#include "domain/crisisnumbers.h"

#include <QtGlobal>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

namespace {

// Each country: its emergency number and its national suicide-prevention or emotional-support
// line, as published by the services themselves.
struct CountryLines
{
    const char *countries; // ISO 3166 alpha-2 codes, space-separated
    const char *emergency;
    const char *lineLabel;
    const char *lineNumber;
    bool lineTakesTexts;
};

const CountryLines kCountryLines[] = {
    {"US CA", "911",
     QT_TRANSLATE_NOOP("CrisisNumbers", "988 Suicide & Crisis Lifeline (call or text)"), "988",
     true},
    {"GB", "999", QT_TRANSLATE_NOOP("CrisisNumbers", "Samaritans (free, any time)"), "116 123",
     false},
    {"IE", "112", QT_TRANSLATE_NOOP("CrisisNumbers", "Samaritans (free, any time)"), "116 123",
     false},
    {"ES", "112",
     QT_TRANSLATE_NOOP("CrisisNumbers", "024 Suicidal behaviour helpline (free, any time)"), "024",
     false},
    {"MX", "911", QT_TRANSLATE_NOOP("CrisisNumbers", "Línea de la Vida (free, any time)"),
     "800 911 2000", false},
    {"AU", "000", QT_TRANSLATE_NOOP("CrisisNumbers", "Lifeline (any time)"), "13 11 14", false},
    {"DE", "112", QT_TRANSLATE_NOOP("CrisisNumbers", "TelefonSeelsorge (free, any time)"),
     "0800 111 0 111", false},
    {"FR", "112",
     QT_TRANSLATE_NOOP("CrisisNumbers", "3114 Suicide prevention line (free, any time)"), "3114",
     false},
};

} // namespace

std::vector<CrisisLine> localeCrisisLines(const QString &countryCode)
{
    const QString code = countryCode.toUpper();
    if (code.size() != 2)
        return {};
    for (const CountryLines &country : kCountryLines) {
        if (!QString::fromLatin1(country.countries).split(u' ').contains(code))
            continue;
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"),
                 QString::fromLatin1(country.emergency), true, false},
                {u"crisis_line"_s, country.lineLabel, QString::fromLatin1(country.lineNumber),
                 false, country.lineTakesTexts}};
    }
    return {};
}

CrisisNumberChoice chooseCrisisNumbers(const ClinicProtocol &protocol, const QString &countryCode,
                                       QString (*translate)(const char *label))
{
    // Only the shipped defaults are replaced by the country's lines: a clinic's own list is its
    // clinical decision.
    CrisisNumberChoice choice;
    const std::vector<CrisisLine> lines =
        protocol.id == u"default"_s ? localeCrisisLines(countryCode) : std::vector<CrisisLine>();
    if (lines.empty()) {
        choice.fromClinic = protocol.id != u"default"_s;
        for (const CrisisNumber &number : protocol.crisisNumbers) {
            // 988 is the one line in the protocol defaults that also takes text messages.
            choice.numbers.push_back({number.id, number.label, number.number,
                                      number.id == u"emergency"_s, number.number == u"988"_s});
        }
    } else {
        for (const CrisisLine &line : lines)
            choice.numbers.push_back(
                {line.id, translate(line.label), line.number, line.emergency, line.textable});
    }
    std::stable_partition(choice.numbers.begin(), choice.numbers.end(),
                          [](const ShownCrisisNumber &number) { return number.emergency; });
    return choice;
}

QString dialUri(const QString &number, const QString &scheme)
{
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit() || (c == u'+' && digits.isEmpty()))
            digits += c;
    }
    return scheme + u':' + digits;
}

} // namespace companion::domain
