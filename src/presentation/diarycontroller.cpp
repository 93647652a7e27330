#include "presentation/diarycontroller.h"

#include "common/logging.h"
#include "domain/instrumentschedule.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "storage/diaryrepository.h"
#include "storage/draftstore.h"
#include "storage/profile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <utility>

namespace companion::presentation {

namespace {

const QString kDraftKey = QStringLiteral("diary.draft");

// Best effort: overwrite what was typed before the map is released.
void wipe(QVariantMap &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.value().typeId() == QMetaType::QString) {
            QString text = it.value().toString();
            it.value() = QVariant();
            text.fill(u' ');
        }
    }
    values.clear();
}

QString dayLabel(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString slotReason(const domain::InstrumentSlot &slot)
{
    switch (slot.kind) {
    case domain::SlotKind::Baseline:
        return DiaryController::tr("Before your first infusion, as a starting point");
    case domain::SlotKind::BeforeInfusion:
        return DiaryController::tr("Before infusion %1").arg(slot.infusionIndex + 1);
    case domain::SlotKind::AfterInfusion:
        return DiaryController::tr("%n day(s) after infusion %1", nullptr, slot.daysAfter)
            .arg(slot.infusionIndex + 1);
    }
    return {};
}

domain::InstrumentCatalog loadCatalog()
{
    auto catalog = domain::InstrumentCatalog::loadBuiltIn();
    if (!catalog) {
        qCCritical(lcUi) << "the built-in instruments did not load";
        return {};
    }
    return std::move(*catalog);
}

} // namespace

DiaryController::DiaryController(ProfileController &profile, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_catalog(loadCatalog())
{
    if (auto protocol = domain::loadDefaultProtocol())
        m_protocol = std::move(*protocol);
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(kDefaultDraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &DiaryController::saveDraftNow);
    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile, [this](storage::Profile &opened) { load(opened); },
        [this] {
            flushDraft(); // while the database is still open
            unload();
        });
    m_binding->start();
}

DiaryController::~DiaryController() = default;

void DiaryController::setInfusionTimesProvider(std::function<std::vector<QDateTime>()> provider)
{
    m_infusionTimes = std::move(provider);
    rebuildModels();
}

void DiaryController::setStateLabelProvider(std::function<QString(const QString &)> provider)
{
    m_stateLabel = std::move(provider);
}

void DiaryController::setProtocol(domain::ClinicProtocol protocol)
{
    m_protocol = std::move(protocol);
    rebuildModels();
}

void DiaryController::load(storage::Profile &profile)
{
    m_diary = std::make_unique<storage::DiaryRepository>(profile.records());
    m_drafts = std::make_unique<storage::DraftStore>(profile.database(), kDraftKey);
    loadStoredDraft();
    reload();
    emit availableChanged();
}

void DiaryController::unload()
{
    m_draftTimer.stop();
    closeEditor();
    // Best effort: overwrite the notes (a check-in's summary text) before the rows are released.
    for (storage::RecordSummary &entry : m_entries)
        entry.summary.text.fill(u' ');
    m_entries.clear();
    m_entryModel.setEntries({});
    m_dueInstruments.clear();
    m_checkedInToday = false;
    m_storedDraftKind.reset();
    m_errorMessage.clear();
    m_drafts.reset();
    m_diary.reset();
    emit availableChanged();
    emit entriesChanged();
    emit draftChanged();
    emit errorMessageChanged();
}

void DiaryController::loadStoredDraft()
{
    m_storedDraftKind.reset();
    auto bytes = m_drafts->load();
    if (!bytes || !*bytes)
        return;
    const QJsonObject draft = QJsonDocument::fromJson(**bytes).object();
    const auto kind = DiaryForm::kindFromName(draft.value(QStringLiteral("kind")).toString());
    if (!kind) {
        qCWarning(lcStorage) << "diary: discarding an unreadable draft";
        (void)m_drafts->discard();
        return;
    }
    m_storedDraftKind = kind;
}

void DiaryController::reload()
{
    if (!m_diary)
        return;
    const QDateTime now = m_clock.nowUtc();
    auto recent = m_diary->listSummaries(now.addDays(-kListDays), QDateTime());
    if (!recent) {
        setError(tr("Your diary could not be read. Nothing was changed."));
        return;
    }
    m_entries = std::move(*recent);
    rebuildModels();
}

void DiaryController::rebuildModels()
{
    if (!m_diary)
        return;
    const QDateTime now = m_clock.nowUtc();
    const QDate today = now.toLocalTime().date();
    m_checkedInToday = false;
    QVariantList rows;
    rows.reserve(static_cast<qsizetype>(m_entries.size()));
    for (const storage::RecordSummary &entry : m_entries) {
        const bool isCheckIn = entry.kind == domain::kinds::diaryCheckIn;
        const bool editable = isCheckIn || entry.kind == domain::kinds::diaryPostInfusion;
        const QDateTime occurredAt = QDateTime::fromMSecsSinceEpoch(entry.occurredAtMs, Qt::UTC);
        if (isCheckIn && occurredAt.toLocalTime().date() == today)
            m_checkedInToday = true;
        rows.append(QVariantMap{
            {QStringLiteral("id"), entry.id.toString()},
            {QStringLiteral("kind"), entry.kind},
            {QStringLiteral("title"), DiaryForm::title(entry, m_catalog)},
            {QStringLiteral("summary"), DiaryForm::summary(entry, m_catalog)},
            {QStringLiteral("note"), DiaryForm::note(entry)},
            {QStringLiteral("dateLabel"), dayLabel(occurredAt)},
            {QStringLiteral("stateLabel"),
             m_stateLabel ? m_stateLabel(entry.id.toString()) : tr("Saved on this device")},
            {QStringLiteral("editable"), editable},
            {QStringLiteral("edited"), entry.version > 1},
        });
    }

    m_entryModel.setEntries(rows);

    // The schedule needs every result ever taken, not only the listed range: which instrument and
    // when, both in the list rows (the instrument id is the series key), so no body is decoded.
    std::vector<domain::CompletedInstrument> completed;
    if (auto results =
            m_diary->listSummaries(QDateTime(), QDateTime(), {domain::kinds::instrumentResult})) {
        for (const storage::RecordSummary &result : *results)
            completed.push_back(
                {result.seriesKey, QDateTime::fromMSecsSinceEpoch(result.occurredAtMs, Qt::UTC)});
    }
    const std::vector<QDateTime> infusions =
        m_infusionTimes ? m_infusionTimes() : std::vector<QDateTime>();
    m_dueInstruments.clear();
    for (const domain::InstrumentSlot &slot :
         domain::dueInstruments(m_protocol, infusions, completed, now)) {
        const domain::Instrument *instrument = m_catalog.find(slot.instrumentId);
        if (!instrument)
            continue;
        m_dueInstruments.append(QVariantMap{
            {QStringLiteral("instrumentId"), slot.instrumentId},
            {QStringLiteral("title"), instrument->title},
            {QStringLiteral("reason"), slotReason(slot)},
            {QStringLiteral("dueText"),
             slot.closes.isValid() ? tr("Open until %1").arg(dayLabel(slot.closes)) : QString()},
        });
    }
    emit entriesChanged();
}

QString DiaryController::draftSummary() const
{
    if (!m_storedDraftKind)
        return {};
    return *m_storedDraftKind == DiaryForm::Kind::CheckIn
               ? tr("You have an unfinished check-in.")
               : tr("You have an unfinished after-infusion check.");
}

QString DiaryController::editorKind() const
{
    return m_editorKind ? DiaryForm::kindName(*m_editorKind) : QString();
}

QString DiaryController::editorTitle() const
{
    if (!m_editorKind)
        return {};
    if (*m_editorKind == DiaryForm::Kind::CheckIn)
        return editorIsNew() ? tr("Daily check-in") : tr("Edit check-in");
    return editorIsNew() ? tr("After your infusion") : tr("Edit after-infusion check");
}

QVariantList DiaryController::editorQuestions() const
{
    return m_editorKind ? DiaryForm::questions(*m_editorKind) : QVariantList();
}

QString DiaryController::editorStateLabel() const
{
    if (!m_editorKind)
        return {};
    if (m_editorDraftWritten)
        return tr("Draft kept on this device");
    return editorIsNew() ? tr("Not saved yet") : tr("Saved on this device");
}

bool DiaryController::editorCanSave() const
{
    return m_editorKind && DiaryForm::missingHint(*m_editorKind, m_editorValues).isEmpty();
}

QString DiaryController::editorHint() const
{
    return m_editorKind ? DiaryForm::missingHint(*m_editorKind, m_editorValues) : QString();
}

void DiaryController::setLowEnergy(bool on)
{
    if (m_lowEnergy == on)
        return;
    m_lowEnergy = on;
    emit lowEnergyChanged();
}

void DiaryController::setEditorStep(int step)
{
    const int bounded = std::clamp(step, 0, std::max(0, editorStepCount() - 1));
    if (bounded == m_editorStep)
        return;
    m_editorStep = bounded;
    emit editorStepChanged();
    editorEdited(); // the step is part of the draft: resume on the same screen
}

void DiaryController::nextStep()
{
    setEditorStep(m_editorStep + 1);
}

void DiaryController::previousStep()
{
    setEditorStep(m_editorStep - 1);
}

void DiaryController::startCheckIn()
{
    start(DiaryForm::Kind::CheckIn);
}

void DiaryController::startPostInfusion()
{
    start(DiaryForm::Kind::PostInfusion);
}

void DiaryController::start(DiaryForm::Kind kind)
{
    if (!m_diary)
        return;
    if (m_storedDraftKind == kind) {
        resumeDraft();
        return;
    }
    // Right after an infusion people are tired: one question per screen by default.
    setLowEnergy(kind == DiaryForm::Kind::PostInfusion);
    openEditor(kind, {}, RecordId(), m_clock.nowUtc());
}

void DiaryController::startEdit(const QString &entryId)
{
    if (!m_diary)
        return;
    const RecordId id = RecordId::fromString(entryId);
    auto found = m_diary->find(id);
    if (id.isNull() || !found || !*found) {
        setError(tr("This entry could not be opened."));
        return;
    }
    const domain::DiaryEntry &entry = **found;
    std::optional<DiaryForm::Kind> kind;
    if (std::holds_alternative<domain::CheckIn>(entry.body))
        kind = DiaryForm::Kind::CheckIn;
    else if (std::holds_alternative<domain::PostInfusionCheck>(entry.body))
        kind = DiaryForm::Kind::PostInfusion;
    if (!kind) {
        setError(tr("Questionnaire answers cannot be changed; take it again instead."));
        return;
    }
    setLowEnergy(false);
    openEditor(*kind, DiaryForm::toValues(entry.body), entry.id, entry.occurredAt());
}

bool DiaryController::startEditAt(int row)
{
    const QModelIndex index = m_entryModel.index(row);
    if (!index.isValid() || !index.data(DiaryEntryListModel::EditableRole).toBool())
        return false;
    startEdit(index.data(DiaryEntryListModel::IdRole).toString());
    return m_editorKind.has_value();
}

void DiaryController::resumeDraft()
{
    if (!m_drafts || !m_storedDraftKind)
        return;
    auto bytes = m_drafts->load();
    if (!bytes || !*bytes) {
        m_storedDraftKind.reset();
        emit draftChanged();
        return;
    }
    const QJsonObject draft = QJsonDocument::fromJson(**bytes).object();
    const DiaryForm::Kind kind = *m_storedDraftKind;
    const RecordId entryId =
        RecordId::fromString(draft.value(QStringLiteral("entryId")).toString());
    auto occurredAt = domain::fromIsoUtc(draft.value(QStringLiteral("occurredAt")).toString());
    setLowEnergy(draft.value(QStringLiteral("lowEnergy")).toBool());
    openEditor(
        kind,
        DiaryForm::sanitize(kind, draft.value(QStringLiteral("values")).toObject().toVariantMap()),
        entryId, occurredAt ? *occurredAt : m_clock.nowUtc());
    m_editorDraftWritten = true;
    setEditorStep(draft.value(QStringLiteral("step")).toInt());
    emit editorValuesChanged();
}

void DiaryController::discardDraft()
{
    if (!m_drafts)
        return;
    (void)m_drafts->discard();
    m_storedDraftKind.reset();
    emit draftChanged();
}

void DiaryController::openEditor(DiaryForm::Kind kind, QVariantMap values, RecordId entryId,
                                 QDateTime occurredAt)
{
    m_editorKind = kind;
    m_editorValues = std::move(values);
    m_editorEntryId = entryId;
    m_editorOccurredAt = std::move(occurredAt);
    m_editorDraftWritten = false;
    m_editorStep = 0;
    clearError();
    emit editorChanged();
    emit editorStepChanged();
    emit editorValuesChanged();
    emit draftChanged();
}

void DiaryController::closeEditor()
{
    m_draftTimer.stop();
    const bool wasOpen = m_editorKind.has_value();
    m_editorKind.reset();
    wipe(m_editorValues);
    m_editorEntryId = RecordId();
    m_editorDraftWritten = false;
    m_editorStep = 0;
    if (wasOpen) {
        emit editorChanged();
        emit editorStepChanged();
        emit editorValuesChanged();
        emit draftChanged();
    }
}

void DiaryController::setValue(const QString &key, const QVariant &value)
{
    if (!m_editorKind)
        return;
    const auto clean = DiaryForm::normalize(*m_editorKind, key, value);
    if (!clean || m_editorValues.value(key) == *clean)
        return;
    m_editorValues.insert(key, *clean);
    editorEdited();
}

void DiaryController::clearValue(const QString &key)
{
    if (!m_editorKind || m_editorValues.remove(key) == 0)
        return;
    editorEdited();
}

void DiaryController::toggleTag(const QString &tag)
{
    QStringList tags = m_editorValues.value(QStringLiteral("tags")).toStringList();
    if (tags.contains(tag))
        tags.removeAll(tag);
    else
        tags.append(tag);
    setValue(QStringLiteral("tags"), tags);
}

void DiaryController::editorEdited()
{
    if (!m_editorKind)
        return;
    m_draftTimer.start();
    emit editorValuesChanged();
}

void DiaryController::flushDraft()
{
    if (m_draftTimer.isActive()) {
        m_draftTimer.stop();
        saveDraftNow();
    }
}

void DiaryController::saveDraftNow()
{
    if (!m_drafts || !m_editorKind)
        return;
    const QJsonObject draft{
        {QStringLiteral("kind"), DiaryForm::kindName(*m_editorKind)},
        {QStringLiteral("entryId"),
         m_editorEntryId.isNull() ? QString() : m_editorEntryId.toString()},
        {QStringLiteral("occurredAt"), domain::toIsoUtc(m_editorOccurredAt)},
        {QStringLiteral("values"), QJsonObject::fromVariantMap(m_editorValues)},
        {QStringLiteral("step"), m_editorStep},
        {QStringLiteral("lowEnergy"), m_lowEnergy},
    };
    if (auto saved = m_drafts->save(QJsonDocument(draft).toJson(QJsonDocument::Compact)); !saved) {
        setError(tr("Your answers could not be kept as a draft. Saving now keeps them."));
        return;
    }
    m_storedDraftKind = m_editorKind;
    const bool changed = !m_editorDraftWritten;
    m_editorDraftWritten = true;
    if (changed)
        emit editorValuesChanged();
}

bool DiaryController::save()
{
    if (!m_diary || !m_editorKind)
        return false;
    const auto body = DiaryForm::toBody(*m_editorKind, m_editorValues, m_editorOccurredAt);
    if (!body) {
        emit editorValuesChanged(); // the hint says what is missing
        return false;
    }
    const auto saved =
        m_editorEntryId.isNull() ? m_diary->add(*body) : m_diary->edit(m_editorEntryId, *body);
    if (!saved) {
        setError(tr("This entry could not be saved. What you entered is kept here; please try "
                    "again."));
        return false;
    }
    (void)m_drafts->discard();
    m_storedDraftKind.reset();
    closeEditor();
    reload();
    emit entrySaved();
    return true;
}

void DiaryController::cancel(bool discard)
{
    if (discard && m_drafts) {
        (void)m_drafts->discard();
        m_storedDraftKind.reset();
    } else {
        flushDraft();
    }
    closeEditor();
    emit draftChanged();
}

bool DiaryController::removeEntry(const QString &entryId)
{
    if (!m_diary)
        return false;
    const RecordId id = RecordId::fromString(entryId);
    if (id.isNull() || !m_diary->remove(id)) {
        setError(tr("This entry could not be deleted."));
        return false;
    }
    reload();
    return true;
}

void DiaryController::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void DiaryController::clearError()
{
    setError(QString());
}

} // namespace companion::presentation
