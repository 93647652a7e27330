#include "presentation/journalcontroller.h"

#include "common/logging.h"
#include "presentation/profilecontroller.h"

#include <QLocale>

#include <iterator>

namespace companion::presentation {

namespace journal = domain::journal;
using journal::EntryKind;

namespace {

// Best effort: overwrite the characters before the string is released (other implicitly shared
// copies, e.g. in QML, are out of reach; they die with the page on lock).
void wipe(QString &text)
{
    if (!text.isEmpty())
        text.fill(u' ');
    text.clear();
}

void wipe(journal::EntryBody &body)
{
    wipe(body.text);
    body = journal::EntryBody();
}

QString stepHint(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Intention:
        return JournalController::tr("Before the infusion");
    case EntryKind::Experience:
        return JournalController::tr("Soon after");
    case EntryKind::Insight:
        return JournalController::tr("In the days after");
    case EntryKind::Action:
        return JournalController::tr("Small steps into daily life");
    case EntryKind::FollowUp:
        return JournalController::tr("Looking back, weeks later");
    case EntryKind::Free:
        break;
    }
    return JournalController::tr("Anything, not tied to one step");
}

QString addLabel(EntryKind kind)
{
    switch (kind) {
    case EntryKind::Intention:
        return JournalController::tr("Add an intention");
    case EntryKind::Experience:
        return JournalController::tr("Add an experience");
    case EntryKind::Insight:
        return JournalController::tr("Add an insight");
    case EntryKind::Action:
        return JournalController::tr("Add an action");
    case EntryKind::FollowUp:
        return JournalController::tr("Add a follow-up");
    case EntryKind::Free:
        break;
    }
    return JournalController::tr("Add a free entry");
}

QString timeLabel(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

JournalController::JournalController(ProfileController &profile, const Clock &clock,
                                     QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
{
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDefaultDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &JournalController::saveDraftNow);
    // Write what was typed, then forget everything, while the database is still open.
    connect(&m_profile, &ProfileController::aboutToLock, this, [this] {
        flushDraft();
        unload();
    });
    connect(&m_profile, &ProfileController::stateChanged, this,
            &JournalController::profileStateChanged);
    profileStateChanged();
}

JournalController::~JournalController()
{
    unload();
}

void JournalController::profileStateChanged()
{
    if (m_profile.state() == ProfileController::Unlocked && m_profile.profile()) {
        if (!m_repository)
            load();
    } else if (m_repository) {
        unload(); // locked without aboutToLock (should not happen): still drop everything
    }
}

void JournalController::load()
{
    storage::Profile *profile = m_profile.profile();
    m_repository =
        std::make_unique<storage::JournalRepository>(profile->database(), profile->records());
    auto draft = m_repository->loadDraft();
    if (draft)
        m_storedDraft = std::move(*draft);
    reloadEntries();
    emit availableChanged();
    emit draftChanged();
}

void JournalController::unload()
{
    m_draftTimer.stop();
    const bool wasAvailable = m_repository != nullptr;
    m_repository.reset();
    for (journal::Entry &entry : m_entries)
        wipe(entry.body);
    m_entries.clear();
    for (journal::Thread &thread : m_threads) {
        for (journal::Entry &entry : thread.entries)
            wipe(entry.body);
    }
    m_threads.clear();
    m_threadsModel.clear();
    m_pendingActions.clear();
    wipe(m_lastIntention);
    wipe(m_lastIntentionContext);
    for (QString &insight : m_recentInsights)
        wipe(insight);
    m_recentInsights.clear();
    if (m_storedDraft)
        wipe(m_storedDraft->body);
    m_storedDraft.reset();
    m_errorMessage.clear();
    closeEditor();
    if (wasAvailable) {
        emit availableChanged();
        emit entriesChanged();
        emit draftChanged();
        emit errorMessageChanged();
    }
}

void JournalController::reloadEntries()
{
    if (!m_repository)
        return;
    auto entries = m_repository->list();
    if (!entries) {
        setError(tr("Your journal could not be read. Nothing was changed."));
        return;
    }
    m_entries = std::move(*entries);
    rebuildModels();
}

void JournalController::rebuildModels()
{
    m_threads = journal::groupIntoThreads(m_entries);
    m_threadsModel.clear();
    for (const journal::Thread &thread : m_threads)
        m_threadsModel.append(threadToMap(thread));

    const journal::CarryForward carried = journal::carryForward(m_entries);
    m_lastIntention.clear();
    m_lastIntentionContext.clear();
    if (carried.lastIntention) {
        m_lastIntention = carried.lastIntention->body.text;
        m_lastIntentionContext = threadTitle(carried.lastIntention->body.appointmentId,
                                             carried.lastIntention->body.infusionDate);
    }
    m_recentInsights.clear();
    for (const journal::Entry &insight : carried.recentInsights)
        m_recentInsights.append(insight.body.text);
    m_pendingActions.clear();
    for (const journal::Entry &action : journal::pendingActions(m_entries))
        m_pendingActions.append(QVariantMap{{QStringLiteral("id"), action.id.toString()},
                                            {QStringLiteral("text"), action.body.text}});
    emit entriesChanged();
}

QString JournalController::threadTitle(const QString &appointmentId,
                                       const std::optional<QDate> &date) const
{
    if (date)
        return tr("Infusion on %1").arg(QLocale().toString(*date, QLocale::LongFormat));
    if (!appointmentId.isEmpty())
        return tr("Appointment %1").arg(appointmentId);
    return tr("Free entries");
}

QVariantMap JournalController::entryToMap(const journal::Entry &entry) const
{
    const bool edited = entry.version > 1;
    return {
        {QStringLiteral("id"), entry.id.toString()},
        {QStringLiteral("kind"), journal::entryKindName(entry.body.kind)},
        {QStringLiteral("kindLabel"), journal::entryKindLabel(entry.body.kind)},
        {QStringLiteral("text"), entry.body.text},
        {QStringLiteral("shared"), entry.body.shared},
        {QStringLiteral("remind"), entry.body.remind},
        {QStringLiteral("isAction"), entry.body.kind == EntryKind::Action},
        {QStringLiteral("stateLabel"),
         m_stateLabel ? m_stateLabel(entry.id.toString()) : tr("Saved on this device")},
        {QStringLiteral("shareLabel"),
         entry.body.shared ? tr("Shared with your care team when you are connected to your clinic")
                           : tr("Private")},
        {QStringLiteral("dateLabel"), edited ? tr("Edited %1").arg(timeLabel(entry.updatedAt))
                                             : tr("Written %1").arg(timeLabel(entry.createdAt))},
    };
}

QVariantMap JournalController::threadToMap(const journal::Thread &thread) const
{
    QVariantList steps;
    const auto stepMap = [](EntryKind kind, const QString &label, QVariantList entries) {
        return QVariantMap{{QStringLiteral("kind"), journal::entryKindName(kind)},
                           {QStringLiteral("label"), label},
                           {QStringLiteral("hint"), stepHint(kind)},
                           {QStringLiteral("addLabel"), addLabel(kind)},
                           {QStringLiteral("entries"), entries}};
    };
    if (thread.free) {
        QVariantList entries;
        for (const journal::Entry &entry : thread.entries)
            entries.append(entryToMap(entry));
        QVariantMap notes = stepMap(EntryKind::Free, tr("Notes"), entries);
        notes.insert(QStringLiteral("hint"), tr("Not about one infusion"));
        steps.append(notes);
    } else {
        for (EntryKind kind : journal::kAllKinds) {
            QVariantList entries;
            for (const journal::Entry &entry : thread.entries) {
                if (entry.body.kind == kind)
                    entries.append(entryToMap(entry));
            }
            if (kind == EntryKind::Free && entries.isEmpty())
                continue; // free-kind notes in a thread show only when there are some
            steps.append(stepMap(kind, journal::entryKindLabel(kind), entries));
        }
    }
    return {
        {QStringLiteral("key"), thread.key},
        {QStringLiteral("title"), threadTitle(thread.appointmentId, thread.infusionDate)},
        {QStringLiteral("subtitle"), tr("%n entry(s)", "", int(thread.entries.size()))},
        {QStringLiteral("free"), thread.free},
        {QStringLiteral("steps"), steps},
    };
}

bool JournalController::hasCarryForward() const
{
    return !m_lastIntention.isEmpty() || !m_recentInsights.isEmpty();
}

QVariantList JournalController::kindChoices() const
{
    QVariantList choices;
    for (EntryKind kind : journal::kAllKinds) {
        choices.append(QVariantMap{{QStringLiteral("name"), journal::entryKindName(kind)},
                                   {QStringLiteral("label"), journal::entryKindLabel(kind)}});
    }
    return choices;
}

QString JournalController::draftSummary() const
{
    if (!m_storedDraft)
        return QString();
    const QString kind = journal::entryKindLabel(m_storedDraft->body.kind).toLower();
    return m_storedDraft->savedAt.isValid()
               ? tr("You have an unsaved %1 from %2.").arg(kind, timeLabel(m_storedDraft->savedAt))
               : tr("You have an unsaved %1.").arg(kind);
}

// ---- editor -------------------------------------------------------------------------------

void JournalController::openEditor(journal::EntryBody body, RecordId entryId, bool needsDate,
                                   bool restored)
{
    m_draftTimer.stop();
    m_editorBody = std::move(body);
    m_editorEntryId = entryId;
    m_editorNeedsDate = needsDate;
    m_editorRestored = restored;
    m_editorDateText =
        m_editorBody.infusionDate ? m_editorBody.infusionDate->toString(Qt::ISODate) : QString();
    m_promptIndex = 0;
    const auto prompts = journal::promptsFor(m_editorBody.kind);
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        if (prompts[i].id == m_editorBody.promptId)
            m_promptIndex = static_cast<int>(i);
    }
    m_editorOpen = true;
    clearError();
    emit editorChanged();
    emit editorKindChanged();
    emit editorValidityChanged();
}

void JournalController::closeEditor()
{
    m_draftTimer.stop();
    const bool wasOpen = m_editorOpen;
    m_editorOpen = false;
    m_editorRestored = false;
    m_editorNeedsDate = false;
    m_editorEntryId = RecordId();
    wipe(m_editorBody);
    wipe(m_editorDateText);
    if (wasOpen) {
        emit editorChanged();
        emit editorKindChanged();
        emit editorValidityChanged();
    }
}

void JournalController::startEntry(const QString &kind, const QString &threadKey)
{
    if (!m_repository)
        return;
    if (m_storedDraft) {
        resumeDraft();
        return;
    }
    journal::EntryBody body;
    body.kind = journal::entryKindFromName(kind).value_or(EntryKind::Free);
    for (const journal::Thread &thread : m_threads) {
        if (thread.key == threadKey && !thread.free) {
            body.appointmentId = thread.appointmentId;
            body.infusionDate = thread.infusionDate;
        }
    }
    openEditor(std::move(body), RecordId(), false, false);
}

void JournalController::startInfusionThread()
{
    if (!m_repository)
        return;
    if (m_storedDraft) {
        resumeDraft();
        return;
    }
    journal::EntryBody body;
    body.kind = EntryKind::Intention;
    body.infusionDate = m_clock.nowUtc().toLocalTime().date();
    openEditor(std::move(body), RecordId(), true, false);
}

void JournalController::startEdit(const QString &entryId)
{
    if (!m_repository)
        return;
    if (m_storedDraft) {
        resumeDraft();
        return;
    }
    const RecordId id = RecordId::fromString(entryId);
    for (const journal::Entry &entry : m_entries) {
        if (entry.id == id && !id.isNull()) {
            openEditor(entry.body, id, false, false);
            return;
        }
    }
    setError(tr("That entry is no longer in your journal."));
}

void JournalController::resumeDraft()
{
    if (!m_storedDraft)
        return;
    journal::Draft draft = std::move(*m_storedDraft);
    m_storedDraft.reset();
    emit draftChanged();
    // A new entry without a thread of its own was started as "a new infusion": keep its date
    // editable.
    const bool needsDate = draft.entryId.isNull() && draft.body.infusionDate.has_value() &&
                           draft.body.appointmentId.isEmpty();
    openEditor(std::move(draft.body), draft.entryId, needsDate, true);
}

QString JournalController::editorThreadTitle() const
{
    if (m_editorNeedsDate)
        return tr("A new infusion");
    return threadTitle(m_editorBody.appointmentId, m_editorBody.infusionDate);
}

void JournalController::setEditorInfusionDate(const QString &text)
{
    if (!m_editorOpen || text == m_editorDateText)
        return;
    m_editorDateText = text.trimmed().left(10);
    m_editorBody.infusionDate = editorDate();
    editorEdited();
}

std::optional<QDate> JournalController::editorDate() const
{
    const QDate date = QDate::fromString(m_editorDateText, Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

void JournalController::setEditorText(const QString &text)
{
    if (!m_editorOpen || text == m_editorBody.text)
        return;
    m_editorBody.text = text;
    editorEdited();
}

void JournalController::setEditorShared(bool shared)
{
    if (!m_editorOpen || shared == m_editorBody.shared)
        return;
    m_editorBody.shared = shared;
    editorEdited();
}

void JournalController::setEditorRemind(bool remind)
{
    if (!m_editorOpen || remind == m_editorBody.remind)
        return;
    m_editorBody.remind = remind && m_editorBody.kind == EntryKind::Action;
    editorEdited();
}

void JournalController::setEditorKindIndex(int index)
{
    if (!m_editorOpen || index < 0 || index >= static_cast<int>(std::size(journal::kAllKinds)) ||
        index == editorKindIndex())
        return;
    m_editorBody.kind = journal::kAllKinds[index];
    if (m_editorBody.kind != EntryKind::Action)
        m_editorBody.remind = false;
    m_promptIndex = 0;
    emit editorKindChanged();
    editorEdited();
}

void JournalController::editorEdited()
{
    m_draftTimer.start(); // restarts: the draft is written once typing pauses
    emit editorValidityChanged();
}

QString JournalController::editorTitle() const
{
    if (!m_editorOpen)
        return QString();
    const QString kind = journal::entryKindLabel(m_editorBody.kind).toLower();
    return editorIsNew() ? tr("New %1").arg(kind) : tr("Edit %1").arg(kind);
}

QString JournalController::editorPrompt() const
{
    const auto prompts = journal::promptsFor(m_editorBody.kind);
    if (prompts.empty())
        return QString();
    return prompts[static_cast<std::size_t>(m_promptIndex) % prompts.size()].text;
}

void JournalController::nextPrompt()
{
    ++m_promptIndex;
    emit editorKindChanged();
}

bool JournalController::editorCanSave() const
{
    return m_editorOpen && !m_editorBody.text.trimmed().isEmpty() &&
           m_editorBody.text.size() <= journal::kMaxTextLength &&
           (!m_editorNeedsDate || editorDate().has_value());
}

QString JournalController::editorHint() const
{
    if (!m_editorOpen)
        return QString();
    const qsizetype over = m_editorBody.text.size() - journal::kMaxTextLength;
    if (over > 0)
        return tr("This entry is %n character(s) over the limit of %1.", "", int(over))
            .arg(QLocale().toString(int(journal::kMaxTextLength)));
    if (m_editorNeedsDate && !editorDate())
        return tr("Enter the infusion date as year-month-day, for example 2026-03-14.");
    return QString();
}

bool JournalController::save()
{
    if (!m_repository || !m_editorOpen)
        return false;
    if (!editorCanSave()) {
        setError(m_editorBody.text.trimmed().isEmpty() ? tr("Write a few words first.")
                                                       : editorHint());
        return false;
    }
    const auto prompts = journal::promptsFor(m_editorBody.kind);
    if (!prompts.empty())
        m_editorBody.promptId =
            prompts[static_cast<std::size_t>(m_promptIndex) % prompts.size()].id;
    auto saved = editorIsNew() ? m_repository->add(m_editorBody)
                               : m_repository->update(m_editorEntryId, m_editorBody);
    if (!saved) {
        setError(tr("Your entry could not be saved. Your draft is kept; please try again."));
        saveDraftNow();
        return false;
    }
    if (auto discarded = m_repository->discardDraft(); !discarded)
        qCWarning(lcUi) << "journal: could not discard the draft";
    closeEditor();
    reloadEntries();
    emit entrySaved();
    return true;
}

void JournalController::cancel()
{
    if (m_repository) {
        if (auto discarded = m_repository->discardDraft(); !discarded)
            qCWarning(lcUi) << "journal: could not discard the draft";
    }
    closeEditor();
}

void JournalController::discardDraft()
{
    if (!m_repository || !m_storedDraft)
        return;
    if (auto discarded = m_repository->discardDraft(); !discarded) {
        setError(tr("The draft could not be discarded. Please try again."));
        return;
    }
    wipe(m_storedDraft->body);
    m_storedDraft.reset();
    emit draftChanged();
}

void JournalController::setStateLabelProvider(std::function<QString(const QString &)> provider)
{
    m_stateLabel = std::move(provider);
}

void JournalController::reload()
{
    if (available())
        reloadEntries();
}

void JournalController::flushDraft()
{
    if (m_draftTimer.isActive())
        saveDraftNow();
}

void JournalController::saveDraftNow()
{
    m_draftTimer.stop();
    if (!m_repository || !m_editorOpen)
        return;
    // Nothing typed: nothing to keep.
    if (m_editorBody.text.trimmed().isEmpty()) {
        if (auto discarded = m_repository->discardDraft(); !discarded)
            qCWarning(lcUi) << "journal: could not discard the draft";
        return;
    }
    journal::Draft draft{m_editorBody, m_editorEntryId, m_clock.nowUtc()};
    if (draft.body.text.size() > journal::kMaxTextLength)
        draft.body.text.truncate(journal::kMaxTextLength);
    if (auto saved = m_repository->saveDraft(draft); !saved)
        qCWarning(lcUi) << "journal: could not save the draft";
}

bool JournalController::removeEntry(const QString &entryId)
{
    if (!m_repository)
        return false;
    auto removed = m_repository->remove(RecordId::fromString(entryId));
    if (!removed) {
        setError(tr("That entry could not be deleted. Nothing was changed."));
        return false;
    }
    reloadEntries();
    emit entrySaved();
    return true;
}

void JournalController::setError(const QString &message)
{
    if (message == m_errorMessage)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void JournalController::clearError()
{
    setError(QString());
}

} // namespace companion::presentation
