#include "presentation/safetycontroller.h"

#include "common/logging.h"
#include "domain/crisisnumbers.h"
#include "domain/diaryentry.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"

#include <QCoreApplication>

#include <utility>

namespace companion::presentation {

namespace {

QString translateCrisisLabel(const char *label)
{
    return QCoreApplication::translate("CrisisNumbers", label);
}

} // namespace

SafetyController::SafetyController(ProfileController &profile, QString countryCode,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_countryCode(std::move(countryCode))
{
    auto protocol = domain::loadDefaultProtocol();
    if (protocol)
        m_protocol = std::move(*protocol);
    else
        qCCritical(lcUi) << "the default clinic protocol is missing from this build";
    rebuildNumbers();
    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile,
        [this](storage::Profile &opened) {
            m_diary = std::make_unique<storage::DiaryRepository>(opened.records());
        },
        [this] {
            m_diary.reset();
            helpClosed();
        });
    m_binding->start();
}

SafetyController::~SafetyController() = default;

void SafetyController::setProtocol(domain::ClinicProtocol protocol)
{
    m_protocol = std::move(protocol);
    rebuildNumbers();
    emit protocolChanged();
}

void SafetyController::rebuildNumbers()
{
    const domain::CrisisNumberChoice choice =
        domain::chooseCrisisNumbers(m_protocol, m_countryCode, &translateCrisisLabel);
    m_numbersFromClinic = choice.fromClinic;
    m_numbers.clear();
    for (const domain::ShownCrisisNumber &number : choice.numbers) {
        m_numbers.append(QVariantMap{
            {QStringLiteral("id"), number.id},
            {QStringLiteral("label"), number.label},
            {QStringLiteral("number"), number.number},
            {QStringLiteral("callUri"), domain::dialUri(number.number)},
            {QStringLiteral("textUri"),
             number.textable ? domain::dialUri(number.number, QStringLiteral("sms")) : QString()},
            {QStringLiteral("emergency"), number.emergency},
        });
    }
}

QString SafetyController::reviewWindowText() const
{
    // The shipped default names US numbers; elsewhere say the same thing without them.
    if (!m_numbersFromClinic && m_protocol.id == QStringLiteral("default"))
        return tr("This app is not monitored around the clock. Your clinic reads what you share "
                  "during its opening hours. If you are in danger now, call one of the numbers "
                  "above.");
    return m_protocol.reviewWindowText;
}

QString SafetyController::trigger() const
{
    if (!m_open)
        return {};
    return m_item9 ? QStringLiteral("item9") : QStringLiteral("manual");
}

QString SafetyController::toldClinicText() const
{
    if (!m_toldClinic)
        return {};
    if (m_protocol.safetyFlagsStaffed)
        return tr("Saved. Your clinic will see an urgent flag the next time this device "
                  "connects. They read flags during opening hours, not around the clock: if you "
                  "are in danger now, call.");
    return tr("Saved in your diary. Your clinic has not switched on alerts from Companion, so "
              "they will not be told automatically. Please call them, or one of the numbers "
              "above.");
}

void SafetyController::requestHelp()
{
    open(false, RecordId());
}

void SafetyController::requestHelpForItem9(const RecordId &sourceResultId)
{
    open(true, sourceResultId);
}

void SafetyController::open(bool item9, const RecordId &sourceResultId)
{
    // Asking again while help is open (a second tap) is the same opening, unless it is the first
    // item-9 trigger, which must be on record as such.
    if (!m_open || (item9 && !m_item9)) {
        m_open = true;
        m_item9 = item9;
        m_toldClinic = false;
        m_eventId = RecordId();
        if (m_diary) {
            domain::SafetyEvent event;
            event.occurredAt = m_clock.nowUtc();
            event.trigger =
                item9 ? domain::SafetyEvent::Trigger::Item9 : domain::SafetyEvent::Trigger::Manual;
            event.crisisHelpShown = true;
            event.sourceResultId = sourceResultId;
            auto saved = m_diary->add(event);
            if (saved)
                m_eventId = saved->id;
            else
                qCWarning(lcUi) << "crisis help: the safety event was not recorded:"
                                << errorCodeName(saved.error().code);
        }
        emit helpStateChanged();
    }
    emit crisisRequested();
}

void SafetyController::linkSourceResult(const RecordId &resultId)
{
    if (!m_diary || m_eventId.isNull() || !m_item9)
        return;
    auto entry = m_diary->find(m_eventId);
    if (!entry || !*entry)
        return;
    auto *stored = std::get_if<domain::SafetyEvent>(&(*entry)->body);
    if (!stored)
        return;
    domain::SafetyEvent event = *stored;
    event.sourceResultId = resultId;
    if (auto saved = m_diary->edit(m_eventId, event); !saved)
        qCWarning(lcUi) << "crisis help: the questionnaire was not linked:"
                        << errorCodeName(saved.error().code);
}

bool SafetyController::tellClinic()
{
    if (!m_diary || m_eventId.isNull() || m_toldClinic)
        return false;
    auto entry = m_diary->find(m_eventId);
    if (!entry || !*entry)
        return false;
    auto *stored = std::get_if<domain::SafetyEvent>(&(*entry)->body);
    if (!stored)
        return false;
    domain::SafetyEvent event = *stored;
    event.toldClinic = true;
    if (auto saved = m_diary->edit(m_eventId, event); !saved) {
        qCWarning(lcUi) << "crisis help: the clinic flag was not recorded:"
                        << errorCodeName(saved.error().code);
        return false;
    }
    m_toldClinic = true;
    emit helpStateChanged();
    return true;
}

void SafetyController::helpClosed()
{
    if (!m_open)
        return;
    m_open = false;
    m_item9 = false;
    m_toldClinic = false;
    m_eventId = RecordId();
    emit helpStateChanged();
}

} // namespace companion::presentation
