#include "careteampresentation/timelinemodel.h"

#include <QLocale>
#include <QVariantMap>

namespace companion::careteampresentation {

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QString TimelineModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("diary.checkin"))
        return tr("Check-in");
    if (kind == QLatin1String("diary.postinfusion"))
        return tr("After-infusion check");
    if (kind == QLatin1String("instrument.result"))
        return tr("Questionnaire");
    if (kind == QLatin1String("safety.event"))
        return tr("Safety");
    if (kind == QLatin1String("journal.entry"))
        return tr("Journal");
    // The preparation kinds (appointment, ride, checklist, morning check) share one word.
    return tr("Preparation");
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const careteam::TimelineEntry &entry = m_entries[static_cast<size_t>(index.row())];
    switch (role) {
    case RecordIdRole:
        return entry.recordId;
    case KindRole:
        return entry.kind;
    case KindLabelRole:
        return kindLabel(entry.kind);
    case DateRole:
        return QLocale().toString(entry.occurredAt.toLocalTime(), QLocale::ShortFormat);
    case TitleRole:
        return entry.title;
    case SeverityRole:
        return entry.details.value(QStringLiteral("severity_label")).toString();
    case TextRole:
        return entry.text;
    case UnreadRole:
        return !entry.read;
    case RepliesRole: {
        QVariantList replies;
        for (const careteam::TimelineReply &reply : entry.replies) {
            const QString status =
                reply.state == QLatin1String("sent")
                    ? tr("Your reply, sent %1")
                          .arg(QLocale().toString(
                              reply.sentAt.value_or(reply.createdAt).toLocalTime(),
                              QLocale::ShortFormat))
                : reply.state == QLatin1String("refused") ? tr("Your reply, refused by the server")
                                                          : tr("Your reply, not sent yet");
            replies << QVariantMap{{QStringLiteral("text"), reply.text},
                                   {QStringLiteral("status"), status}};
        }
        return replies;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {{RecordIdRole, "recordId"}, {KindRole, "kind"},     {KindLabelRole, "kindLabel"},
            {DateRole, "date"},         {TitleRole, "title"},   {SeverityRole, "severity"},
            {TextRole, "text"},         {UnreadRole, "unread"}, {RepliesRole, "replies"}};
}

void TimelineModel::setEntries(std::vector<careteam::TimelineEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    emit countChanged();
}

void TimelineModel::clear()
{
    setEntries({});
}

} // namespace companion::careteampresentation
