#include "presentation/questionnairecontroller.h"

#include "common/logging.h"
#include "domain/diaryentry.h"
#include "domain/instrumentscoring.h"
#include "presentation/profilebinding.h"
#include "presentation/profilecontroller.h"
#include "presentation/safetycontroller.h"
#include "storage/diaryrepository.h"
#include "storage/draftstore.h"
#include "storage/profile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace companion::presentation {

namespace {

const QString kDraftKey = QStringLiteral("instrument.draft");

QString formatScore(double value)
{
    // Sums are whole numbers; means (PEG) keep one decimal.
    if (value == static_cast<double>(static_cast<long long>(value)))
        return QLocale().toString(static_cast<long long>(value));
    return QLocale().toString(value, 'f', 1);
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

QuestionnaireController::QuestionnaireController(ProfileController &profile,
                                                 SafetyController &safety, const Clock &clock,
                                                 QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_safety(safety)
    , m_clock(clock)
    , m_catalog(loadCatalog())
{
    m_binding = std::make_unique<ProfileBinding>(
        *this, m_profile, [this](storage::Profile &opened) { load(opened); }, [this] { unload(); });
    m_binding->start();
}

QuestionnaireController::~QuestionnaireController() = default;

void QuestionnaireController::load(storage::Profile &profile)
{
    m_diary = std::make_unique<storage::DiaryRepository>(profile.records());
    m_drafts = std::make_unique<storage::DraftStore>(profile.database(), kDraftKey);
    m_draftInstrumentId.reset();
    if (auto bytes = m_drafts->load(); bytes && *bytes) {
        const QJsonObject draft = QJsonDocument::fromJson(**bytes).object();
        const QString id = draft.value(QStringLiteral("instrument")).toString();
        if (m_catalog.find(id))
            m_draftInstrumentId = id;
        else
            (void)m_drafts->discard(); // unreadable or from a removed instrument
    }
    emit availableChanged();
    emit draftChanged();
}

void QuestionnaireController::unload()
{
    // Answers already sit in the draft (saved after every tap); forget them here.
    std::fill(m_answers.begin(), m_answers.end(), -1);
    m_answers.clear();
    m_instrument = nullptr;
    m_showingResult = false;
    m_result = ShownResult();
    m_index = 0;
    m_draftInstrumentId.reset();
    m_errorMessage.clear();
    m_drafts.reset();
    m_diary.reset();
    emit availableChanged();
    emit stateChanged();
    emit progressChanged();
    emit draftChanged();
    emit errorMessageChanged();
}

QVariantList QuestionnaireController::instruments() const
{
    QVariantList list;
    for (const domain::Instrument &instrument : m_catalog.instruments()) {
        list.append(
            QVariantMap{{QStringLiteral("id"), instrument.id},
                        {QStringLiteral("title"), instrument.title},
                        {QStringLiteral("name"), instrument.name},
                        {QStringLiteral("itemCount"), static_cast<int>(instrument.items.size())}});
    }
    return list;
}

QString QuestionnaireController::instrumentId() const
{
    return m_instrument ? m_instrument->id : QString();
}

QString QuestionnaireController::title() const
{
    return m_instrument ? m_instrument->title : QString();
}

QString QuestionnaireController::lookback() const
{
    return m_instrument ? m_instrument->lookback : QString();
}

QString QuestionnaireController::attribution() const
{
    return m_instrument ? m_instrument->attribution : QString();
}

int QuestionnaireController::count() const
{
    return m_instrument ? static_cast<int>(m_instrument->items.size()) : 0;
}

QString QuestionnaireController::progressText() const
{
    if (!m_instrument)
        return {};
    return tr("Question %1 of %2").arg(m_index + 1).arg(count());
}

QString QuestionnaireController::itemText() const
{
    if (!m_instrument)
        return {};
    return m_instrument->items[static_cast<std::size_t>(m_index)].text;
}

bool QuestionnaireController::itemOptional() const
{
    return m_instrument && !m_instrument->items[static_cast<std::size_t>(m_index)].required;
}

QVariantList QuestionnaireController::itemOptions() const
{
    QVariantList list;
    if (!m_instrument)
        return list;
    const int selected = m_answers[static_cast<std::size_t>(m_index)];
    for (const domain::AnswerOption &option :
         m_instrument->items[static_cast<std::size_t>(m_index)].options) {
        list.append(QVariantMap{{QStringLiteral("value"), option.value},
                                {QStringLiteral("label"), option.label},
                                {QStringLiteral("selected"), option.value == selected}});
    }
    return list;
}

bool QuestionnaireController::canSubmit() const
{
    if (!m_instrument || m_showingResult)
        return false;
    for (std::size_t i = 0; i < m_instrument->items.size(); ++i) {
        if (m_instrument->items[i].required && m_answers[i] < 0)
            return false;
    }
    return true;
}

QString QuestionnaireController::draftTitle() const
{
    if (!m_draftInstrumentId)
        return {};
    const domain::Instrument *instrument = m_catalog.find(*m_draftInstrumentId);
    return instrument ? instrument->title : QString();
}

void QuestionnaireController::start(const QString &instrumentId)
{
    if (!m_diary)
        return;
    if (m_draftInstrumentId == instrumentId) {
        resumeDraft();
        return;
    }
    const domain::Instrument *instrument = m_catalog.find(instrumentId);
    if (!instrument) {
        setError(tr("This questionnaire is not available."));
        return;
    }
    begin(*instrument, std::vector<int>(instrument->items.size(), -1));
}

void QuestionnaireController::resumeDraft()
{
    if (!m_drafts || !m_draftInstrumentId)
        return;
    const domain::Instrument *instrument = m_catalog.find(*m_draftInstrumentId);
    auto bytes = m_drafts->load();
    if (!instrument || !bytes || !*bytes)
        return;
    const QJsonObject draft = QJsonDocument::fromJson(**bytes).object();
    const QJsonArray stored = draft.value(QStringLiteral("answers")).toArray();
    std::vector<int> answers(instrument->items.size(), -1);
    // Only answers that are still options of their item survive (the instrument may have been
    // updated since the draft was written).
    for (std::size_t i = 0; i < answers.size() && i < static_cast<std::size_t>(stored.size());
         ++i) {
        const int value = stored.at(static_cast<qsizetype>(i)).toInt(-1);
        const auto &options = instrument->items[i].options;
        if (std::any_of(
                options.begin(), options.end(),
                [value](const domain::AnswerOption &option) { return option.value == value; }))
            answers[i] = value;
    }
    begin(*instrument, std::move(answers));
}

void QuestionnaireController::begin(const domain::Instrument &instrument, std::vector<int> answers)
{
    m_instrument = &instrument;
    m_answers = std::move(answers);
    // Resume at the first unanswered item.
    const auto firstOpen = std::find(m_answers.begin(), m_answers.end(), -1);
    m_index = firstOpen == m_answers.end()
                  ? static_cast<int>(m_answers.size()) - 1
                  : static_cast<int>(std::distance(m_answers.begin(), firstOpen));
    m_showingResult = false;
    m_result = ShownResult();
    clearError();
    emit stateChanged();
    emit progressChanged();
}

void QuestionnaireController::answer(int value)
{
    if (!m_instrument || m_showingResult)
        return;
    const auto &options = m_instrument->items[static_cast<std::size_t>(m_index)].options;
    if (std::none_of(options.begin(), options.end(),
                     [value](const domain::AnswerOption &option) { return option.value == value; }))
        return;
    const int previous = m_answers[static_cast<std::size_t>(m_index)];
    m_answers[static_cast<std::size_t>(m_index)] = value;
    saveDraft();
    // At once, before the rest of the questionnaire: not safe now cannot wait for "submit". A
    // changed answer that still raises the flag does not open help a second time.
    if (domain::raisesSafetyFlag(*m_instrument, m_index, value) &&
        !domain::raisesSafetyFlag(*m_instrument, m_index, previous)) {
        m_safety.requestHelpForItem9();
    }
    if (m_index + 1 < count())
        ++m_index;
    emit progressChanged();
}

void QuestionnaireController::back()
{
    if (!canGoBack())
        return;
    --m_index;
    emit progressChanged();
}

void QuestionnaireController::skip()
{
    if (!itemOptional() || m_index + 1 >= count())
        return;
    ++m_index;
    emit progressChanged();
}

std::vector<int> QuestionnaireController::answersForScoring() const
{
    // Required items are all answered (canSubmit); trailing optional ones count only if answered.
    std::vector<int> answers = m_answers;
    while (!answers.empty() && answers.back() < 0)
        answers.pop_back();
    return answers;
}

bool QuestionnaireController::submit()
{
    if (!canSubmit() || !m_diary)
        return false;
    const std::vector<int> answers = answersForScoring();
    auto score = domain::scoreInstrument(*m_instrument, answers);
    if (!score) {
        setError(tr("Some answers are missing. Please answer every question."));
        return false;
    }
    auto saved =
        m_diary->add(domain::InstrumentResult::fromScore(*score, answers, m_clock.nowUtc()));
    if (!saved) {
        setError(tr("Your answers could not be saved. They are kept here; please try again."));
        return false;
    }
    if (score->flags.contains(domain::kSafetyFlag))
        m_safety.linkSourceResult(saved->id);
    (void)m_drafts->discard();
    m_draftInstrumentId.reset();

    QVariantList clusters;
    for (const domain::ClusterScore &cluster : score->clusters) {
        QString label = cluster.id;
        for (const domain::ItemCluster &known : m_instrument->clusters) {
            if (known.id == cluster.id)
                label = known.label;
        }
        clusters.append(QVariantMap{{QStringLiteral("label"), label},
                                    {QStringLiteral("score"), formatScore(cluster.score)}});
    }
    QStringList notes;
    for (const domain::ScoreThreshold &threshold : m_instrument->thresholds) {
        if (score->flags.contains(threshold.id))
            notes << threshold.label + QStringLiteral(": ") + threshold.note;
    }
    const QString totalText =
        tr("%1 of %2").arg(formatScore(score->total), formatScore(m_instrument->maxScore));
    m_result.total = score->total;
    m_result.severity = score->severityLabel;
    m_result.summary =
        score->severityLabel.isEmpty()
            ? tr("Your score: %1.").arg(totalText)
            : tr("Your score: %1 (%2).").arg(totalText, score->severityLabel.toLower());
    m_result.clusters = clusters;
    m_result.notes = notes;
    m_result.safetyFlag = score->flags.contains(domain::kSafetyFlag);
    m_showingResult = true;
    emit stateChanged();
    emit progressChanged();
    emit draftChanged();
    emit resultSaved();
    return true;
}

void QuestionnaireController::close(bool discard)
{
    if (discard && m_drafts) {
        (void)m_drafts->discard();
        m_draftInstrumentId.reset();
    } else if (m_instrument && !m_showingResult &&
               std::any_of(m_answers.begin(), m_answers.end(), [](int a) { return a >= 0; })) {
        m_draftInstrumentId = m_instrument->id;
    }
    std::fill(m_answers.begin(), m_answers.end(), -1);
    m_answers.clear();
    m_instrument = nullptr;
    m_showingResult = false;
    m_result = ShownResult();
    m_index = 0;
    emit stateChanged();
    emit progressChanged();
    emit draftChanged();
}

void QuestionnaireController::discardDraft()
{
    if (!m_drafts)
        return;
    (void)m_drafts->discard();
    m_draftInstrumentId.reset();
    emit draftChanged();
}

void QuestionnaireController::saveDraft()
{
    if (!m_drafts || !m_instrument)
        return;
    QJsonArray answers;
    for (int value : m_answers)
        answers.append(value);
    const QJsonObject draft{{QStringLiteral("instrument"), m_instrument->id},
                            {QStringLiteral("version"), m_instrument->version},
                            {QStringLiteral("answers"), answers}};
    if (auto saved = m_drafts->save(QJsonDocument(draft).toJson(QJsonDocument::Compact)); !saved)
        setError(tr("Your answers could not be kept as a draft. Finishing now saves them."));
}

void QuestionnaireController::setError(const QString &message)
{
    if (m_errorMessage == message)
        return;
    m_errorMessage = message;
    emit errorMessageChanged();
}

void QuestionnaireController::clearError()
{
    setError(QString());
}

} // namespace companion::presentation
