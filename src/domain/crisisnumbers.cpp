#include "domain/crisisnumbers.h"

#include <QtGlobal>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::domain {

std::vector<CrisisLine> localeCrisisLines(const QString &countryCode)
{
    const QString code = countryCode.toUpper();
    // Each country: its national suicide-prevention or emotional-support line and its emergency
    // number, as published by the services themselves.
    if (code == u"US"_s || code == u"CA"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"911"_s,
                 true, false},
                {u"crisis_line"_s,
                 QT_TRANSLATE_NOOP("CrisisNumbers", "988 Suicide & Crisis Lifeline (call or text)"),
                 u"988"_s, false, true}};
    if (code == u"GB"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"999"_s,
                 true, false},
                {u"crisis_line"_s,
                 QT_TRANSLATE_NOOP("CrisisNumbers", "Samaritans (free, any time)"), u"116 123"_s,
                 false, false}};
    if (code == u"IE"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"112"_s,
                 true, false},
                {u"crisis_line"_s,
                 QT_TRANSLATE_NOOP("CrisisNumbers", "Samaritans (free, any time)"), u"116 123"_s,
                 false, false}};
    if (code == u"ES"_s)
        return {
            {u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"112"_s,
             true, false},
            {u"crisis_line"_s,
             QT_TRANSLATE_NOOP("CrisisNumbers", "024 Suicidal behaviour helpline (free, any time)"),
             u"024"_s, false, false}};
    if (code == u"MX"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"911"_s,
                 true, false},
                {u"crisis_line"_s,
                 QT_TRANSLATE_NOOP("CrisisNumbers", "Línea de la Vida (free, any time)"),
                 u"800 911 2000"_s, false, false}};
    if (code == u"AU"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"000"_s,
                 true, false},
                {u"crisis_line"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Lifeline (any time)"),
                 u"13 11 14"_s, false, false}};
    if (code == u"DE"_s)
        return {{u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"112"_s,
                 true, false},
                {u"crisis_line"_s,
                 QT_TRANSLATE_NOOP("CrisisNumbers", "TelefonSeelsorge (free, any time)"),
                 u"0800 111 0 111"_s, false, false}};
    if (code == u"FR"_s)
        return {
            {u"emergency"_s, QT_TRANSLATE_NOOP("CrisisNumbers", "Emergency services"), u"112"_s,
             true, false},
            {u"crisis_line"_s,
             QT_TRANSLATE_NOOP("CrisisNumbers", "3114 Suicide prevention line (free, any time)"),
             u"3114"_s, false, false}};
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
