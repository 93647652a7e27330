#pragma once

#include "careteam/flags.h"
#include "careteam/timeline.h"
#include "careteampresentation/timelinemodel.h"
#include "common/clock.h"
#include "common/result.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace companion::careteam {
class CareTeamConsole;
class TherapistProfile;
} // namespace companion::careteam

namespace companion::careteampresentation {

// One patient in the care-team window: the timeline, one chart per instrument with infusion
// markers and response/remission, what the console can no longer see and why, and the reports.
// Showing it marks the shown entries read (CareTeamConsole::markRead), as the headless
// `timeline` command does.
class PatientView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PatientView belongs to CareTeam")
    Q_PROPERTY(bool open READ isOpen NOTIFY changed)
    Q_PROPERTY(QString vaultId READ vaultId NOTIFY changed)
    Q_PROPERTY(QString label READ label NOTIFY changed)
    Q_PROPERTY(QStringList flags READ flags NOTIFY changed)
    Q_PROPERTY(companion::careteampresentation::TimelineModel *timeline READ timeline CONSTANT)
    // [{instrumentId, name, points: [{t, v, response, remission}], infusions: [t], fromTime,
    //   toTime, minValue, maxValue, baselineValue, status, description}], for TrendChart.
    Q_PROPERTY(QVariantList series READ series NOTIFY changed)
    // [{kind, date, reason}]
    Q_PROPERTY(QVariantList notVisible READ notVisible NOTIFY changed)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY changed)
    Q_PROPERTY(QString reportMessage READ reportMessage NOTIFY changed)

public:
    explicit PatientView(const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    bool isOpen() const { return !m_vaultId.isEmpty(); }
    QString vaultId() const { return m_vaultId; }
    QString label() const { return m_label; }
    QStringList flags() const { return m_flags; }
    TimelineModel *timeline() { return &m_timeline; }
    QVariantList series() const { return m_series; }
    QVariantList notVisible() const { return m_notVisible; }
    QString errorMessage() const { return m_errorMessage; }
    QString reportMessage() const { return m_reportMessage; }

    // Fills the view from the profile; `markRead`: count the shown entries as read (not while a
    // pull writes on its own connection: the session does it after).
    Result<void> load(careteam::CareTeamConsole &console, careteam::TherapistProfile &profile,
                      const careteam::PatientOverview &overview, bool markRead);
    // Drops everything shown (lock, or back to the list).
    void clear();

    // A path in the therapist's documents folder, for the report field: "Ana-2026-11-21.pdf".
    Q_INVOKABLE QString suggestedPath(const QString &format) const;
    // The one-page PDF / the FHIR R4 bundle of the whole shared history, to a new file (an
    // existing one is never overwritten; mode 0600). `path` may be a file: URL (a file dialog).
    Q_INVOKABLE bool savePdfReport(const QString &path);
    Q_INVOKABLE bool exportFhir(const QString &path);

signals:
    void changed();

private:
    bool writeReport(const QString &format, const QString &path);
    void setError(const QString &message);

    const Clock &m_clock;
    careteam::CareTeamConsole *m_console = nullptr;
    careteam::TherapistProfile *m_profile = nullptr;
    careteam::PatientOverview m_overview;
    QString m_vaultId;
    QString m_label;
    QStringList m_flags;
    TimelineModel m_timeline;
    QVariantList m_series;
    QVariantList m_notVisible;
    QString m_errorMessage;
    QString m_reportMessage;
};

} // namespace companion::careteampresentation
