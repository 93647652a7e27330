#include "presentation/summarycontroller.h"

#include "common/logging.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/profile.h"
#include "summary/summarypdf.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimeZone>

#include <array>

namespace companion::presentation {

namespace {

constexpr std::array kPeriodDays = {30, 90, 365, 0};

} // namespace

SummaryController::SummaryController(ProfileController &profile, QString countryCode,
                                     const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_countryCode(std::move(countryCode))
{
    if (auto protocol = domain::loadDefaultProtocol())
        m_protocol = std::move(*protocol);
    if (auto catalog = domain::InstrumentCatalog::loadBuiltIn())
        m_catalog = std::move(*catalog);
    m_folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (m_folder.isEmpty())
        m_folder = QDir::homePath();
    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile,
        [this](storage::Profile &) {
            m_available = true;
            emit changed();
        },
        [this] {
            // Nothing of the last save stays on screen for the next person to unlock, and notes
            // are opt-in every time.
            m_available = false;
            m_includeNotes = false;
            m_statusText.clear();
            m_savedPath.clear();
            m_errorText.clear();
            emit changed();
        });
    m_binding->start();
}

SummaryController::~SummaryController() = default;

void SummaryController::setProtocol(domain::ClinicProtocol protocol)
{
    m_protocol = std::move(protocol);
}

void SummaryController::setFolder(const QString &folder)
{
    m_folder = folder;
    emit changed();
}

QVariantList SummaryController::periods() const
{
    QVariantList list;
    for (const int days : kPeriodDays)
        list.append(
            QVariantMap{{QStringLiteral("label"),
                         days == 0 ? tr("Everything") : tr("The last %n day(s)", nullptr, days)},
                        {QStringLiteral("days"), days}});
    return list;
}

void SummaryController::setPeriodIndex(int index)
{
    if (index < 0 || index >= static_cast<int>(kPeriodDays.size()) || index == m_periodIndex)
        return;
    m_periodIndex = index;
    emit changed();
}

void SummaryController::setIncludeNotes(bool include)
{
    if (include == m_includeNotes)
        return;
    m_includeNotes = include;
    emit changed();
}

QString SummaryController::folderText() const
{
    return tr("Saved in: %1").arg(QDir::toNativeSeparators(m_folder));
}

void SummaryController::setError(const QString &text)
{
    m_errorText = text;
    m_statusText.clear();
    m_savedPath.clear();
}

bool SummaryController::save()
{
    storage::Profile *profile = m_profile.profile();
    if (!profile || m_busy)
        return false;
    m_busy = true;
    emit changed();

    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDateTime now = m_clock.nowUtc();
    const QDate today = now.toTimeZone(zone).date();
    const int days = kPeriodDays[static_cast<std::size_t>(m_periodIndex)];
    summary::SummaryRequest request;
    request.range.zone = zone;
    request.range.to = today;
    if (days > 0)
        request.range.from = today.addDays(1 - days);
    request.includeNotes = m_includeNotes;
    request.protocol = m_protocol;
    request.countryCode = m_countryCode;
    request.now = now;

    bool ok = false;
    auto collected = summary::collectSummary(*profile, m_catalog, request);
    if (!collected) {
        qCWarning(lcUi) << "summary: the entries could not be read:"
                        << errorCodeName(collected.error().code);
        setError(tr("Your entries could not be read, so no summary was saved."));
    } else if (!QDir().mkpath(m_folder)) {
        setError(tr("The folder %1 could not be created. Nothing was saved.")
                     .arg(QDir::toNativeSeparators(m_folder)));
    } else {
        // A new name every time ("… (2).pdf"): a summary is never overwritten.
        const QString base = tr("Companion summary %1").arg(today.toString(Qt::ISODate));
        Result<void> written = makeError(ErrorCode::AlreadyExists, QString());
        QString path;
        for (int attempt = 1;
             attempt <= 99 && !written && written.error().code == ErrorCode::AlreadyExists;
             ++attempt) {
            path = QDir(m_folder).filePath(
                attempt == 1 ? base + QStringLiteral(".pdf")
                             : QStringLiteral("%1 (%2).pdf").arg(base).arg(attempt));
            written = summary::saveSummaryPdf(path, *collected, document::Overwrite::Refuse);
        }
        if (written) {
            ok = true;
            m_errorText.clear();
            m_savedPath = path;
            m_statusText = tr("Saved as %1. This file is not encrypted: keep it somewhere "
                              "private and delete it when you no longer need it.")
                               .arg(QDir::toNativeSeparators(path));
        } else {
            qCWarning(lcUi) << "summary: the PDF could not be written:"
                            << errorCodeName(written.error().code);
            setError(tr("The summary could not be saved in %1 (is the folder writable and is "
                        "there space left?). Nothing was saved.")
                         .arg(QDir::toNativeSeparators(m_folder)));
        }
    }
    m_busy = false;
    emit changed();
    return ok;
}

} // namespace companion::presentation
