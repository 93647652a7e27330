#include "careteampresentation/patientlistmodel.h"

#include <QLocale>
#include <QVariantMap>

namespace companion::careteampresentation {

PatientListModel::PatientListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_patients.size());
}

QString PatientListModel::chipLabel(const careteam::Flag &flag)
{
    switch (flag.flag) {
    case careteam::PatientFlag::Safety:
        return tr("Safety");
    case careteam::PatientFlag::RisingScores:
        return tr("Rising scores");
    case careteam::PatientFlag::RideNotConfirmed:
        return tr("Ride not confirmed");
    case careteam::PatientFlag::MissedCheckIns:
        return tr("Missed check-ins");
    case careteam::PatientFlag::Unread:
        return tr("%n unread", nullptr, flag.detail.toInt());
    }
    return {};
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const careteam::PatientOverview &patient = m_patients[static_cast<size_t>(index.row())];
    switch (role) {
    case VaultIdRole:
        return patient.vaultId;
    case LabelRole:
        return patient.label;
    case SharingRole:
        return patient.sharing;
    case FlagsRole: {
        QVariantList flags;
        for (const careteam::Flag &flag : patient.flags)
            flags << QVariantMap{
                {QStringLiteral("id"), careteam::flagName(flag.flag)},
                {QStringLiteral("label"), chipLabel(flag)},
                {QStringLiteral("description"), careteam::FlagText::describe(flag)}};
        return flags;
    }
    case SafetyRole:
        return patient.has(careteam::PatientFlag::Safety);
    case UnreadRole:
        return patient.unread;
    case EntriesRole:
        return patient.entries;
    case NotVisibleRole:
        return patient.notVisible;
    case LastEntryRole:
        return patient.lastEntryAt
                   ? QLocale().toString(patient.lastEntryAt->toLocalTime(), QLocale::ShortFormat)
                   : QString();
    case SummaryRole: {
        QStringList parts{patient.label};
        if (!patient.sharing)
            parts << tr("No longer shares anything with you.");
        for (const careteam::Flag &flag : patient.flags)
            parts << careteam::FlagText::describe(flag);
        return parts.join(QStringLiteral(". "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> PatientListModel::roleNames() const
{
    return {{VaultIdRole, "vaultId"}, {LabelRole, "label"},           {SharingRole, "sharing"},
            {FlagsRole, "flags"},     {SafetyRole, "safety"},         {UnreadRole, "unread"},
            {EntriesRole, "entries"}, {NotVisibleRole, "notVisible"}, {LastEntryRole, "lastEntry"},
            {SummaryRole, "summary"}};
}

void PatientListModel::setPatients(std::vector<careteam::PatientOverview> patients)
{
    beginResetModel();
    m_patients = std::move(patients);
    endResetModel();
    emit countChanged();
}

void PatientListModel::clear()
{
    setPatients({});
}

const careteam::PatientOverview *PatientListModel::find(const QString &vaultId) const
{
    for (const careteam::PatientOverview &patient : m_patients) {
        if (patient.vaultId == vaultId)
            return &patient;
    }
    return nullptr;
}

} // namespace companion::careteampresentation
