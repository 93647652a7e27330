#include "cli/summarycommands.h"

#include "cli/plancommands.h"
#include "domain/instrumentcatalog.h"
#include "summary/summarypdf.h"
#include "sync/clinicinbox.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

Result<std::optional<QDate>> dateOption(const QString &value, const QString &name)
{
    if (value.isEmpty())
        return std::optional<QDate>();
    const QDate date = QDate::fromString(value, Qt::ISODate);
    if (!date.isValid())
        return makeError(ErrorCode::InvalidInput, name + u": a date as YYYY-MM-DD"_s);
    return std::optional<QDate>(date);
}

// The summary's language for this run: its translation and its date format. Restored when the
// command ends (tests run several commands in one process).
class SummaryLanguage
{
public:
    explicit SummaryLanguage(const QString &language)
        : m_previous(QLocale())
    {
        // English needs its file for plural forms only ("1 check-in", "2 check-ins").
        auto translator = std::make_unique<QTranslator>();
        if (translator->load(u":/i18n/companion_%1.qm"_s.arg(language)) &&
            QCoreApplication::installTranslator(translator.get()))
            m_translators.push_back(std::move(translator));
        const QLocale system = QLocale::system();
        const QLocale::Language wanted = language == u"es" ? QLocale::Spanish : QLocale::English;
        // Keep the system's country when it pairs with the language (Spanish in Mexico).
        const QLocale paired(wanted, system.territory());
        QLocale::setDefault(paired.language() == wanted ? paired : QLocale(wanted));
    }
    ~SummaryLanguage()
    {
        for (const auto &translator : m_translators)
            QCoreApplication::removeTranslator(translator.get());
        QLocale::setDefault(m_previous);
    }
    SummaryLanguage(const SummaryLanguage &) = delete;
    SummaryLanguage &operator=(const SummaryLanguage &) = delete;

private:
    QLocale m_previous;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
};

} // namespace

Result<void> runSummary(const CliArguments &args, storage::Profile &profile, const Console &console,
                        const Clock &clock)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(ErrorCode::Internal, u"summary needs a QGuiApplication (fonts)"_s);
    auto from = dateOption(args.from, u"--from"_s);
    if (!from)
        return from.error();
    auto to = dateOption(args.to, u"--to"_s);
    if (!to)
        return to.error();
    if (*from && *to && **from > **to)
        return makeError(ErrorCode::InvalidInput, u"--from is after --to"_s);
    auto zone = parseTimeZone(args.timeZone);
    if (!zone)
        return zone.error();
    // The clinic's protocol once sync brought one, else the default: the checklist and the
    // crisis numbers are the ones the app shows.
    auto protocol = sync::protocolInUse(profile.database());
    if (!protocol)
        return protocol.error();
    auto catalog = domain::InstrumentCatalog::loadBuiltIn();
    if (!catalog)
        return catalog.error();

    const QString language = !args.language.isEmpty()                           ? args.language
                             : QLocale::system().language() == QLocale::Spanish ? u"es"_s
                                                                                : u"en"_s;
    const SummaryLanguage applied(language);

    summary::SummaryRequest request;
    request.range = {*from, *to, *zone};
    request.includeNotes = args.includeNotes;
    request.protocol = std::move(*protocol);
    request.countryCode = QLocale::territoryToCode(QLocale::system().territory());
    request.now = clock.nowUtc();
    auto collected = summary::collectSummary(profile, *catalog, request);
    if (!collected)
        return collected.error();
    COMPANION_TRY(summary::saveSummaryPdf(args.out, *collected, document::Overwrite::Refuse));
    console.print(
        u"Wrote your summary to %1 (readable only by you; it is not encrypted)%2.\n"_s.arg(
            args.out, args.includeNotes ? u", with your notes"_s : u", without notes"_s));
    return {};
}

} // namespace companion::cli
