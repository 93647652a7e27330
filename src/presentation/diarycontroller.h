#pragma once

#include "common/clock.h"
#include "common/ids.h"
#include "domain/diaryentry.h"
#include "domain/instrumentcatalog.h"
#include "domain/protocol.h"
#include "presentation/diaryentrylistmodel.h"
#include "presentation/diaryform.h"
#include "storage/recordrepository.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace companion::storage {
class DiaryRepository;
class DraftStore;
class Profile;
} // namespace companion::storage

namespace companion::presentation {

class ProfileBinding;
class ProfileController;

// The diary as the UI sees it: recent entries with their state, what is due (today's check-in,
// questionnaires from the clinic protocol's schedule), and the editor for the daily check-in and
// the after-infusion check.
//
// The editor keeps what is entered as a draft in the encrypted database about a second after each
// change (and at once before the profile locks), so nothing is lost when the app is closed or
// locks mid-way; saving writes one record version. Low-energy mode shows one question per screen
// with large controls; it is on by default for the after-infusion check.
class DiaryController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // [{id, kind, title, summary, note, dateLabel, stateLabel, editable, edited}] newest first
    Q_PROPERTY(QVariantList entries READ entries NOTIFY entriesChanged)
    // The same rows as a list model: the diary page's ListView (delegates only for visible rows).
    Q_PROPERTY(companion::presentation::DiaryEntryListModel *entryModel READ entryModel CONSTANT)
    Q_PROPERTY(int entryCount READ entryCount NOTIFY entriesChanged)
    Q_PROPERTY(bool checkedInToday READ checkedInToday NOTIFY entriesChanged)
    // [{instrumentId, title, reason, dueText}]
    Q_PROPERTY(QVariantList dueInstruments READ dueInstruments NOTIFY entriesChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    Q_PROPERTY(QString draftSummary READ draftSummary NOTIFY draftChanged)

    Q_PROPERTY(QString editorKind READ editorKind NOTIFY editorChanged)
    Q_PROPERTY(bool editorIsNew READ editorIsNew NOTIFY editorChanged)
    Q_PROPERTY(QString editorTitle READ editorTitle NOTIFY editorChanged)
    Q_PROPERTY(QVariantList editorQuestions READ editorQuestions NOTIFY editorChanged)
    Q_PROPERTY(QVariantMap editorValues READ editorValues NOTIFY editorValuesChanged)
    Q_PROPERTY(QStringList editorTags READ editorTags NOTIFY editorValuesChanged)
    Q_PROPERTY(QString editorStateLabel READ editorStateLabel NOTIFY editorValuesChanged)
    Q_PROPERTY(bool editorCanSave READ editorCanSave NOTIFY editorValuesChanged)
    Q_PROPERTY(QString editorHint READ editorHint NOTIFY editorValuesChanged)
    Q_PROPERTY(bool lowEnergy READ lowEnergy WRITE setLowEnergy NOTIFY lowEnergyChanged)
    Q_PROPERTY(int editorStep READ editorStep WRITE setEditorStep NOTIFY editorStepChanged)
    Q_PROPERTY(int editorStepCount READ editorStepCount NOTIFY editorChanged)
    Q_PROPERTY(QVariantList tagChoices READ tagChoices CONSTANT)
    Q_PROPERTY(QVariantList gradeChoices READ gradeChoices CONSTANT)

public:
    static constexpr int kDefaultDraftDelayMs = 800;
    // How far back the entry list reaches; trends read their own ranges.
    static constexpr int kListDays = 90;

    explicit DiaryController(ProfileController &profile,
                             const Clock &clock = SystemClock::instance(),
                             QObject *parent = nullptr);
    ~DiaryController() override;

    // Infusion times anchor the questionnaire schedule; appointments supply them.
    void setInfusionTimesProvider(std::function<std::vector<QDateTime>()> provider);
    // Each entry's sync state in words ("Synced", …); without one, "Saved on this device".
    void setStateLabelProvider(std::function<QString(const QString &recordId)> provider);
    void setProtocol(domain::ClinicProtocol protocol);

    bool available() const { return m_diary != nullptr; }
    QVariantList entries() const { return m_entryModel.entries(); }
    DiaryEntryListModel *entryModel() { return &m_entryModel; }
    int entryCount() const { return m_entryModel.count(); }
    bool checkedInToday() const { return m_checkedInToday; }
    QVariantList dueInstruments() const { return m_dueInstruments; }
    QString errorMessage() const { return m_errorMessage; }
    bool hasDraft() const { return m_storedDraftKind.has_value() && !m_editorKind; }
    QString draftSummary() const;

    QString editorKind() const;
    bool editorIsNew() const { return m_editorEntryId.isNull(); }
    QString editorTitle() const;
    QVariantList editorQuestions() const;
    QVariantMap editorValues() const { return m_editorValues; }
    QStringList editorTags() const
    {
        return m_editorValues.value(QStringLiteral("tags")).toStringList();
    }
    QString editorStateLabel() const;
    bool editorCanSave() const;
    QString editorHint() const;
    bool lowEnergy() const { return m_lowEnergy; }
    void setLowEnergy(bool on);
    int editorStep() const { return m_editorStep; }
    void setEditorStep(int step);
    int editorStepCount() const { return static_cast<int>(editorQuestions().size()); }
    QVariantList tagChoices() const { return DiaryForm::tagChoices(); }
    QVariantList gradeChoices() const { return DiaryForm::gradeChoices(); }

    // A new check-in / after-infusion check; a waiting draft of the same kind is resumed instead.
    Q_INVOKABLE void startCheckIn();
    Q_INVOKABLE void startPostInfusion();
    Q_INVOKABLE void startEdit(const QString &entryId);
    // The list's row `row` (keyboard: Enter on the current row) opened for editing if it can be
    // edited; false (nothing happens) for questionnaire results and rows out of range.
    Q_INVOKABLE bool startEditAt(int row);
    Q_INVOKABLE void resumeDraft();
    Q_INVOKABLE void discardDraft();
    Q_INVOKABLE void setValue(const QString &key, const QVariant &value);
    Q_INVOKABLE void clearValue(const QString &key);
    Q_INVOKABLE void toggleTag(const QString &tag);
    Q_INVOKABLE void nextStep();
    Q_INVOKABLE void previousStep();
    // Saves one version, drops the draft, closes the editor; false (hint or error set) otherwise.
    Q_INVOKABLE bool save();
    // Closes the editor; the draft stays unless `discard`.
    Q_INVOKABLE void cancel(bool discard = true);
    Q_INVOKABLE bool removeEntry(const QString &entryId);
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void reload();

    // Writes a pending draft now (locking does this; tests too).
    void flushDraft();
    bool draftSavePending() const { return m_draftTimer.isActive(); }
    void setDraftDelay(int milliseconds) { m_draftTimer.setInterval(milliseconds); }
    const std::vector<storage::RecordSummary> &loadedEntries() const { return m_entries; }

signals:
    void availableChanged();
    void entriesChanged();
    void errorMessageChanged();
    void draftChanged();
    void editorChanged();
    void editorValuesChanged();
    void editorStepChanged();
    void lowEnergyChanged();
    // A check-in or after-infusion check was saved ("saved" feedback in the UI).
    void entrySaved();

private:
    void load(storage::Profile &profile);
    void unload();
    void loadStoredDraft();
    void rebuildModels();
    void openEditor(DiaryForm::Kind kind, QVariantMap values, RecordId entryId,
                    QDateTime occurredAt);
    void closeEditor();
    void editorEdited();
    void saveDraftNow();
    void setError(const QString &message);
    void start(DiaryForm::Kind kind);

    ProfileController &m_profile;
    const Clock &m_clock;
    domain::InstrumentCatalog m_catalog;
    domain::ClinicProtocol m_protocol;
    std::function<std::vector<QDateTime>()> m_infusionTimes;
    std::function<QString(const QString &)> m_stateLabel;
    std::unique_ptr<storage::DiaryRepository> m_diary;
    std::unique_ptr<storage::DraftStore> m_drafts;
    std::unique_ptr<ProfileBinding> m_binding;

    // List rows, not decoded entries: the list shows a few fields of each (storage's summary
    // columns); an entry's body is decoded only when it is opened for editing (startEdit).
    std::vector<storage::RecordSummary> m_entries;
    DiaryEntryListModel m_entryModel;
    QVariantList m_dueInstruments;
    bool m_checkedInToday = false;
    QString m_errorMessage;
    std::optional<DiaryForm::Kind> m_storedDraftKind; // a draft waits while the editor is closed

    std::optional<DiaryForm::Kind> m_editorKind;
    RecordId m_editorEntryId;
    QDateTime m_editorOccurredAt;
    QVariantMap m_editorValues;
    bool m_editorDraftWritten = false;
    bool m_lowEnergy = false;
    int m_editorStep = 0;
    QTimer m_draftTimer;
};

} // namespace companion::presentation
