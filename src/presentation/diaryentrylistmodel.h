#pragma once

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>
#include <QVariantMap>

namespace companion::presentation {

// The diary's recent entries as a list model, so the diary page's ListView creates delegates only
// for the rows on screen (issue 8: a Repeater over 1,000 maps created every row at once).
//
// Rows are the maps DiaryController builds ({id, kind, title, summary, note, dateLabel,
// stateLabel, editable, edited}). A new list is applied as the smallest change it can find by
// entry id — rows kept at the start and end, the rest removed and inserted, changed rows updated
// in place — so a sync state change or a new entry does not reset the view: delegates on screen
// stay, and the list keeps its scroll position and current row.
class DiaryEntryListModel : public QAbstractListModel
{
    Q_OBJECT
    // A model type QML (and qmllint) must know; only DiaryController creates it.
    QML_ELEMENT
    QML_UNCREATABLE("DiaryEntryListModel is provided by DiaryController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        EntryRole = Qt::UserRole + 1, // the whole map, what DiaryEntryItem shows
        IdRole,
        KindRole,
        TitleRole,
        SummaryRole,
        NoteRole,
        DateLabelRole,
        StateLabelRole,
        EditableRole,
        EditedRole,
    };

    explicit DiaryEntryListModel(QObject *parent = nullptr);

    void setEntries(const QVariantList &entries);
    const QVariantList &entries() const { return m_entries; }
    int count() const { return static_cast<int>(m_entries.size()); }
    // The row of an entry id, -1 when it is not listed.
    Q_INVOKABLE int indexOf(const QString &entryId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    QVariantList m_entries;
};

} // namespace companion::presentation
