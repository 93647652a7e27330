#pragma once

#include "common/clock.h"
#include "domain/instrumentcatalog.h"
#include "domain/protocol.h"

#include <QObject>
#include <QString>
#include <QVariantList>

#include <memory>

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// Settings → Your summary (issue 9, ADR 0019): saves the patient's PDF summary (src/summary) into
// a fixed folder the page names (the Documents folder), under a new file name each time so
// nothing is overwritten. The period and whether notes go in are chosen here; notes are off by
// default and again after every lock. The PDF is drawn in the UI language (the installed
// translation and default QLocale). Gathering, drawing and writing a year of entries takes about
// 150 ms (ADR 0019), so save() runs on the UI thread (busy is set around it) rather than on a
// worker with a second database connection.
class SummaryController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // [{label, days}]: the periods offered (days 0 = everything)
    Q_PROPERTY(QVariantList periods READ periods CONSTANT)
    Q_PROPERTY(int periodIndex READ periodIndex WRITE setPeriodIndex NOTIFY changed)
    Q_PROPERTY(bool includeNotes READ includeNotes WRITE setIncludeNotes NOTIFY changed)
    // "Saved in: <folder>", shown before saving so the patient knows where it goes.
    Q_PROPERTY(QString folderText READ folderText NOTIFY changed)
    // After a save: where the file is, and that it is not encrypted.
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    SummaryController(ProfileController &profile, QString countryCode,
                      const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);
    ~SummaryController() override;

    // The protocol in use (checklist template, crisis numbers); AppServices keeps it current.
    void setProtocol(domain::ClinicProtocol protocol);
    // Where PDFs go; by default the Documents folder. Tests point it elsewhere.
    void setFolder(const QString &folder);
    QString folder() const { return m_folder; }

    bool available() const { return m_available; }
    bool busy() const { return m_busy; }
    QVariantList periods() const;
    int periodIndex() const { return m_periodIndex; }
    void setPeriodIndex(int index);
    bool includeNotes() const { return m_includeNotes; }
    void setIncludeNotes(bool include);
    QString folderText() const;
    QString statusText() const { return m_statusText; }
    QString savedPath() const { return m_savedPath; }
    QString errorText() const { return m_errorText; }

    // Writes the PDF; true on success (statusText and savedPath say where).
    Q_INVOKABLE bool save();

signals:
    void changed();

private:
    void setError(const QString &text);

    ProfileController &m_profile;
    const Clock &m_clock;
    QString m_countryCode;
    domain::ClinicProtocol m_protocol;
    domain::InstrumentCatalog m_catalog;
    std::unique_ptr<ProfileBinding> m_binding;
    QString m_folder;
    bool m_available = false;
    bool m_busy = false;
    int m_periodIndex = 1;
    bool m_includeNotes = false;
    QString m_statusText;
    QString m_savedPath;
    QString m_errorText;
};

} // namespace companion::presentation
