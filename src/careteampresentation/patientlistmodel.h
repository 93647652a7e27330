#pragma once

#include "careteam/flags.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace companion::careteampresentation {

// The patients list of the care-team window: most urgent first (careteam::sortByUrgency, done by
// the console), each row with its flags as short chips and the sentence behind each one.
class PatientListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PatientListModel belongs to CareTeam")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        VaultIdRole = Qt::UserRole + 1,
        LabelRole,
        SharingRole,
        // [{id, label, description}] in urgency order: id is careteam::flagName().
        FlagsRole,
        SafetyRole,
        UnreadRole,
        EntriesRole,
        NotVisibleRole,
        LastEntryRole, // translated date, empty when nothing was shared yet
        SummaryRole,   // one sentence for screen readers: the name and every flag
    };
    Q_ENUM(Role)

    explicit PatientListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setPatients(std::vector<careteam::PatientOverview> patients);
    void clear();
    const std::vector<careteam::PatientOverview> &patients() const { return m_patients; }
    // The overview of one patient, or nullptr.
    const careteam::PatientOverview *find(const QString &vaultId) const;

    // The chip's text: "Safety", "Rising scores", "Ride not confirmed", "Missed check-ins",
    // "3 unread".
    static QString chipLabel(const careteam::Flag &flag);

signals:
    void countChanged();

private:
    std::vector<careteam::PatientOverview> m_patients;
};

} // namespace companion::careteampresentation
