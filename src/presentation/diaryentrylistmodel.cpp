#include "presentation/diaryentrylistmodel.h"

#include <algorithm>

namespace companion::presentation {

namespace {

const QString kId = QStringLiteral("id");

// Built once: data() runs for every visible row's every role while the list scrolls.
const QHash<int, QByteArray> &names()
{
    static const QHash<int, QByteArray> roles{
        {DiaryEntryListModel::EntryRole, "entry"},
        {DiaryEntryListModel::IdRole, "id"},
        {DiaryEntryListModel::KindRole, "kind"},
        {DiaryEntryListModel::TitleRole, "title"},
        {DiaryEntryListModel::SummaryRole, "summary"},
        {DiaryEntryListModel::NoteRole, "note"},
        {DiaryEntryListModel::DateLabelRole, "dateLabel"},
        {DiaryEntryListModel::StateLabelRole, "stateLabel"},
        {DiaryEntryListModel::EditableRole, "editable"},
        {DiaryEntryListModel::EditedRole, "edited"},
    };
    return roles;
}

QString idOf(const QVariant &row)
{
    return row.toMap().value(kId).toString();
}

} // namespace

DiaryEntryListModel::DiaryEntryListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void DiaryEntryListModel::setEntries(const QVariantList &entries)
{
    const qsizetype before = m_entries.size();
    // Rows with the same ids at the start and at the end of both lists are kept (and updated in
    // place if their text changed); only the middle is removed and inserted.
    qsizetype prefix = 0;
    const qsizetype shorter = std::min(before, entries.size());
    while (prefix < shorter && idOf(m_entries[prefix]) == idOf(entries[prefix]))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix &&
           idOf(m_entries[before - 1 - suffix]) == idOf(entries[entries.size() - 1 - suffix]))
        ++suffix;

    const qsizetype oldMiddle = before - prefix - suffix;
    const qsizetype newMiddle = entries.size() - prefix - suffix;
    if (oldMiddle > 0) {
        beginRemoveRows({}, int(prefix), int(prefix + oldMiddle - 1));
        m_entries.remove(prefix, oldMiddle);
        endRemoveRows();
    }
    if (newMiddle > 0) {
        beginInsertRows({}, int(prefix), int(prefix + newMiddle - 1));
        m_entries.insert(prefix, newMiddle, QVariant());
        std::copy(entries.begin() + prefix, entries.begin() + prefix + newMiddle,
                  m_entries.begin() + prefix);
        endInsertRows();
    }
    // The kept rows: a changed state label or an edit updates only that row.
    const auto update = [&](qsizetype row) {
        if (m_entries[row] == entries[row])
            return;
        m_entries[row] = entries[row];
        emit dataChanged(index(int(row)), index(int(row)));
    };
    for (qsizetype row = 0; row < prefix; ++row)
        update(row);
    for (qsizetype row = entries.size() - suffix; row < entries.size(); ++row)
        update(row);
    if (before != m_entries.size())
        emit countChanged();
}

int DiaryEntryListModel::indexOf(const QString &entryId) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row)
        if (idOf(m_entries[row]) == entryId)
            return int(row);
    return -1;
}

int DiaryEntryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant DiaryEntryListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const QVariant &row = m_entries[index.row()];
    if (role == EntryRole)
        return row;
    const QByteArray name = names().value(role);
    if (name.isEmpty())
        return {};
    return row.toMap().value(QString::fromLatin1(name));
}

QHash<int, QByteArray> DiaryEntryListModel::roleNames() const
{
    return names();
}

} // namespace companion::presentation
