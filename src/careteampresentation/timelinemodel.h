#pragma once

#include "careteam/timeline.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace companion::careteampresentation {

// The patient view's timeline: shared entries, newest first. `text` is what the patient typed
// and is shown only as plain text.
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TimelineModel belongs to PatientView")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        RecordIdRole = Qt::UserRole + 1,
        KindRole,      // the record kind ("diary.checkin", …)
        KindLabelRole, // translated: "Check-in", "Questionnaire", …
        DateRole,      // translated date and time
        TitleRole,     // one line, with an instrument's score and severity band
        SeverityRole,  // an instrument's band label, else empty
        TextRole,      // what the patient typed, plain text
        UnreadRole,
        // Your replies to the entry, oldest first: [{text, status}] (text as typed, plain text;
        // status: "Sent 21/11/26 19:30", "Not sent yet", "Refused").
        RepliesRole,
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setEntries(std::vector<careteam::TimelineEntry> entries);
    void clear();
    const std::vector<careteam::TimelineEntry> &entries() const { return m_entries; }

    static QString kindLabel(const QString &kind);

signals:
    void countChanged();

private:
    std::vector<careteam::TimelineEntry> m_entries;
};

} // namespace companion::careteampresentation
