#include "presentation/messagescontroller.h"

#include "common/logging.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/profile.h"
#include "sync/clinicinbox.h"

#include <QHash>
#include <QLocale>

#include <algorithm>

namespace companion::presentation {

namespace {

QString when(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString appointmentText(const protocol::AppointmentMessage &appointment)
{
    const QString start = when(QDateTime::fromMSecsSinceEpoch(appointment.startsAt, Qt::UTC));
    if (appointment.location.isEmpty())
        return start;
    return MessagesController::tr("%1, %2").arg(start, appointment.location);
}

} // namespace

MessagesController::MessagesController(ProfileController &profile, QObject *parent)
    : QObject(parent)
{
    if (auto shipped = domain::loadDefaultProtocol())
        m_default = std::move(*shipped);
    m_protocol = m_default;
    m_binding = std::make_unique<ProfileBinding>(
        *this, profile, [this](storage::Profile &opened) { load(opened); }, [this] { unload(); });
    m_binding->start();
}

MessagesController::~MessagesController() = default;

QString MessagesController::protocolStatus() const
{
    if (!m_clinicProtocolInUse)
        return tr("Companion follows its general instructions until your clinic sends its own.");
    if (m_protocolVersion.isEmpty())
        return tr("Companion follows your clinic's instructions.");
    return tr("Companion follows your clinic's instructions (version %1).").arg(m_protocolVersion);
}

void MessagesController::load(storage::Profile &profile)
{
    m_profile = &profile;
    reload();
}

void MessagesController::unload()
{
    m_profile = nullptr;
    m_messages.clear();
    m_replies.clear();
    useProtocol(std::nullopt);
    emit changed();
}

void MessagesController::useProtocol(std::optional<domain::ClinicProtocol> clinic)
{
    const bool wasClinic = m_clinicProtocolInUse;
    m_clinicProtocolInUse = clinic.has_value();
    m_protocolVersion = clinic ? clinic->version : QString();
    m_protocol = clinic ? std::move(*clinic) : m_default;
    // Only a change of source matters to the controllers; the default replacing itself is none.
    if (wasClinic || m_clinicProtocolInUse)
        emit protocolChanged();
}

void MessagesController::reload()
{
    if (!m_profile)
        return;
    storage::Database &db = m_profile->database();
    auto accepted = sync::acceptedClinicProtocol(db);
    if (accepted)
        useProtocol(std::move(*accepted));
    else
        // The copy was parsed before it was stored; if it no longer parses, the defaults are
        // the safe fallback and the event is worth a log line (no content in it).
        qCWarning(lcUi) << "the stored clinic protocol could not be read";

    sync::SyncStore store(db);
    auto stored = store.messages();
    m_messages.clear();
    m_replies.clear();
    if (!stored) {
        qCWarning(lcUi) << "the clinic's messages could not be read";
        emit changed();
        return;
    }
    QHash<QString, protocol::AppointmentMessage> appointments; // by subject, the newest
    QVariantList newestLast;
    for (const sync::ReceivedMessage &message : *stored) {
        auto content = sync::messageContent(message);
        if (!content)
            continue;
        const QString at = when(message.createdAt);
        QString title;
        QString text;
        if (const auto *reply = std::get_if<protocol::ReplyMessage>(&content->body)) {
            // The name the therapist signed (the server only relays it).
            const QString author =
                reply->authorName.isEmpty() ? message.authorName : reply->authorName;
            title = tr("%1 replied to one of your entries").arg(author);
            text = reply->text;
            const QString heading = tr("Reply from %1, %2").arg(author, at);
            QVariantList forEntry = m_replies.value(message.subjectId).toList();
            forEntry.append(QVariantMap{{QStringLiteral("heading"), heading},
                                        {QStringLiteral("text"), reply->text},
                                        {QStringLiteral("accessibleName"), heading}});
            m_replies.insert(message.subjectId, forEntry);
        } else if (const auto *booked = std::get_if<protocol::AppointmentMessage>(&content->body)) {
            title = appointments.contains(message.subjectId)
                        ? tr("Your clinic moved an infusion appointment")
                        : tr("Your clinic booked an infusion appointment");
            text = appointmentText(*booked);
            appointments.insert(message.subjectId, *booked);
        } else {
            title = tr("Your clinic cancelled an infusion appointment");
            if (appointments.contains(message.subjectId))
                text = appointmentText(appointments.value(message.subjectId));
        }
        newestLast.append(
            QVariantMap{{QStringLiteral("title"), title},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("when"), at},
                        {QStringLiteral("accessibleName"), tr("%1, %2").arg(title, at)}});
    }
    std::reverse(newestLast.begin(), newestLast.end());
    m_messages = newestLast;
    emit changed();
}

} // namespace companion::presentation
