#pragma once

#include "common/clock.h"
#include "domain/journal.h"
#include "storage/journalrepository.h"

#include <QObject>

#include <functional>
#include <QStringList>
#include <QTimer>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

namespace companion::presentation {

class ProfileController;

// The integration journal as the UI sees it: threads per infusion, the editor (with a draft saved
// into the encrypted database about a second after typing stops), and the carry-forward for Today
// (last intention, recent insights, actions marked "remind me").
//
// Everything decrypted is dropped when the profile locks (aboutToLock; a pending draft is written
// first) and loaded again on unlock. Editor fields written from QML do not re-emit editorChanged:
// that signal is for changes made here (opening, restoring, closing), so a TextArea bound to
// editorText is never reset while someone types.
class JournalController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    // [{key, title, subtitle, free, steps: [{kind, label, hint, addLabel, entries: [{id, kind,
    //   kindLabel, text, shared, remind, isAction, stateLabel, shareLabel, dateLabel}]}]}]
    Q_PROPERTY(QVariantList threads READ threads NOTIFY entriesChanged)
    Q_PROPERTY(int entryCount READ entryCount NOTIFY entriesChanged)
    Q_PROPERTY(QString lastIntention READ lastIntention NOTIFY entriesChanged)
    Q_PROPERTY(QString lastIntentionContext READ lastIntentionContext NOTIFY entriesChanged)
    Q_PROPERTY(QStringList recentInsights READ recentInsights NOTIFY entriesChanged)
    Q_PROPERTY(bool hasCarryForward READ hasCarryForward NOTIFY entriesChanged)
    // [{id, text}] of actions marked "remind me"; scheduling arrives with the reminders issue.
    Q_PROPERTY(QVariantList pendingActions READ pendingActions NOTIFY entriesChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    // [{name, label}] in step order, for the kind chooser.
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    Q_PROPERTY(int maxTextLength READ maxTextLength CONSTANT)
    // A stored draft waits while the editor is closed.
    Q_PROPERTY(bool hasDraft READ hasDraft NOTIFY draftChanged)
    Q_PROPERTY(QString draftSummary READ draftSummary NOTIFY draftChanged)

    Q_PROPERTY(bool editorOpen READ editorOpen NOTIFY editorChanged)
    Q_PROPERTY(bool editorIsNew READ editorIsNew NOTIFY editorChanged)
    Q_PROPERTY(bool editorRestored READ editorRestored NOTIFY editorChanged)
    Q_PROPERTY(QString editorThreadTitle READ editorThreadTitle NOTIFY editorChanged)
    Q_PROPERTY(bool editorNeedsDate READ editorNeedsDate NOTIFY editorChanged)
    Q_PROPERTY(QString editorInfusionDate READ editorInfusionDate WRITE setEditorInfusionDate NOTIFY
                   editorChanged)
    Q_PROPERTY(QString editorText READ editorText WRITE setEditorText NOTIFY editorChanged)
    Q_PROPERTY(bool editorShared READ editorShared WRITE setEditorShared NOTIFY editorChanged)
    Q_PROPERTY(bool editorRemind READ editorRemind WRITE setEditorRemind NOTIFY editorChanged)
    Q_PROPERTY(
        int editorKindIndex READ editorKindIndex WRITE setEditorKindIndex NOTIFY editorKindChanged)
    Q_PROPERTY(bool editorIsAction READ editorIsAction NOTIFY editorKindChanged)
    Q_PROPERTY(QString editorTitle READ editorTitle NOTIFY editorKindChanged)
    Q_PROPERTY(QString editorPrompt READ editorPrompt NOTIFY editorKindChanged)
    Q_PROPERTY(bool editorCanSave READ editorCanSave NOTIFY editorValidityChanged)
    Q_PROPERTY(QString editorHint READ editorHint NOTIFY editorValidityChanged)

public:
    static constexpr int kDefaultDraftDelayMs = 1000;

    explicit JournalController(ProfileController &profile,
                               const Clock &clock = SystemClock::instance(),
                               QObject *parent = nullptr);
    ~JournalController() override;

    bool available() const { return m_repository != nullptr; }
    QVariantList threads() const { return m_threadsModel; }
    int entryCount() const { return static_cast<int>(m_entries.size()); }
    QString lastIntention() const { return m_lastIntention; }
    QString lastIntentionContext() const { return m_lastIntentionContext; }
    QStringList recentInsights() const { return m_recentInsights; }
    bool hasCarryForward() const;
    QVariantList pendingActions() const { return m_pendingActions; }
    QString errorMessage() const { return m_errorMessage; }
    QVariantList kindChoices() const;
    int maxTextLength() const { return static_cast<int>(domain::journal::kMaxTextLength); }
    bool hasDraft() const { return m_storedDraft.has_value(); }
    QString draftSummary() const;

    bool editorOpen() const { return m_editorOpen; }
    bool editorIsNew() const { return m_editorEntryId.isNull(); }
    bool editorRestored() const { return m_editorRestored; }
    QString editorThreadTitle() const;
    bool editorNeedsDate() const { return m_editorNeedsDate; }
    QString editorInfusionDate() const { return m_editorDateText; }
    void setEditorInfusionDate(const QString &text);
    QString editorText() const { return m_editorBody.text; }
    void setEditorText(const QString &text);
    bool editorShared() const { return m_editorBody.shared; }
    void setEditorShared(bool shared);
    bool editorRemind() const { return m_editorBody.remind; }
    void setEditorRemind(bool remind);
    int editorKindIndex() const { return domain::journal::stepOrder(m_editorBody.kind); }
    void setEditorKindIndex(int index);
    bool editorIsAction() const { return m_editorBody.kind == domain::journal::EntryKind::Action; }
    QString editorTitle() const;
    QString editorPrompt() const;
    bool editorCanSave() const;
    QString editorHint() const;

    // A new entry of `kind` ("intention", …) in the thread with `threadKey` (from `threads`;
    // "free" or empty for a free entry). If a draft is waiting, it is resumed instead: nothing
    // typed is ever thrown away without the person choosing to.
    Q_INVOKABLE void startEntry(const QString &kind, const QString &threadKey);
    // A new intention for an infusion not in the journal yet: asks for its date (today by default).
    Q_INVOKABLE void startInfusionThread();
    Q_INVOKABLE void startEdit(const QString &entryId);
    Q_INVOKABLE void resumeDraft();
    Q_INVOKABLE void nextPrompt();
    // Saves the entry, discards the draft and closes the editor; false (hint set) when invalid.
    Q_INVOKABLE bool save();
    // Closes the editor and discards its draft.
    Q_INVOKABLE void cancel();
    // Discards a waiting draft without opening it.
    Q_INVOKABLE void discardDraft();
    Q_INVOKABLE bool removeEntry(const QString &entryId);
    Q_INVOKABLE void clearError();

    // Writes a pending draft now (lock does this; tests too).
    void flushDraft();
    // Each entry's sync state in words; without one, "Saved on this device".
    void setStateLabelProvider(std::function<QString(const QString &recordId)> provider);
    // Reads the entries again (another device's arrived, or their sync state changed).
    void reload();
    bool draftSavePending() const { return m_draftTimer.isActive(); }
    void setDraftDelay(int milliseconds) { m_draftTimer.setInterval(milliseconds); }
    // The decoded entries (tests, CLI-like callers).
    const std::vector<domain::journal::Entry> &entries() const { return m_entries; }

signals:
    void availableChanged();
    void entriesChanged();
    // An entry was saved or deleted by the patient (not a reload).
    void entrySaved();
    void errorMessageChanged();
    void draftChanged();
    void editorChanged();
    void editorKindChanged();
    void editorValidityChanged();

private:
    void profileStateChanged();
    void load();
    void unload();
    void reloadEntries();
    void rebuildModels();
    void openEditor(domain::journal::EntryBody body, RecordId entryId, bool needsDate,
                    bool restored);
    void closeEditor();
    void editorEdited();
    void saveDraftNow();
    void setError(const QString &message);
    std::optional<QDate> editorDate() const;
    QVariantMap entryToMap(const domain::journal::Entry &entry) const;
    QVariantMap threadToMap(const domain::journal::Thread &thread) const;
    QString threadTitle(const QString &appointmentId, const std::optional<QDate> &date) const;
    std::function<QString(const QString &)> m_stateLabel;

    ProfileController &m_profile;
    const Clock &m_clock;
    std::unique_ptr<storage::JournalRepository> m_repository;
    std::vector<domain::journal::Entry> m_entries;
    std::vector<domain::journal::Thread> m_threads;
    QVariantList m_threadsModel;
    QVariantList m_pendingActions;
    QString m_lastIntention;
    QString m_lastIntentionContext;
    QStringList m_recentInsights;
    QString m_errorMessage;
    std::optional<domain::journal::Draft> m_storedDraft; // waiting while the editor is closed

    bool m_editorOpen = false;
    bool m_editorRestored = false;
    bool m_editorNeedsDate = false;
    RecordId m_editorEntryId;
    domain::journal::EntryBody m_editorBody;
    QString m_editorDateText;
    int m_promptIndex = 0;
    QTimer m_draftTimer;
};

} // namespace companion::presentation
