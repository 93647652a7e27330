#include "presentation/learncontroller.h"

#include "common/logging.h"
#include "content/articlesearch.h"
#include "presentation/profilecontroller.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace companion::presentation {

namespace {

// Record kinds of the Learn feature, stored encrypted in the profile like everything else.
const QString kProgressKind = QStringLiteral("learn.progress");
const QString kTeachBackKind = QStringLiteral("learn.teachback");

Result<std::vector<content::TeachBackQuiz>> loadQuizzes(const QString &root,
                                                        const QString &language)
{
    for (const QString &lang :
         {language, QString::fromLatin1(content::ContentLibrary::kFallbackLanguage)}) {
        QFile file(root + QStringLiteral("/teachback/") + lang + QStringLiteral(".json"));
        if (file.open(QIODevice::ReadOnly))
            return content::parseTeachBack(file.read(256 * 1024));
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no teach-back questions"));
}

} // namespace

LearnController::LearnController(ProfileController &profile, const QString &contentRoot,
                                 const QString &language, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock)
    , m_language(language)
{
    auto library = content::ContentLibrary::loadDirectory(contentRoot);
    if (library)
        m_library = std::move(*library);
    else
        m_loadError = library.error().message; // shipped content is tested; this is a safety net
    if (auto quizzes = loadQuizzes(contentRoot, language)) {
        for (auto &quiz : *quizzes)
            m_quizzes.emplace(quiz.module, std::move(quiz));
    }
    refreshList();

    connect(&m_profile, &ProfileController::stateChanged, this, [this] {
        if (m_profile.state() == ProfileController::Unlocked)
            loadProgress();
    });
    connect(&m_profile, &ProfileController::aboutToLock, this, &LearnController::clearProgress);
    if (m_profile.state() == ProfileController::Unlocked)
        loadProgress();
}

Result<void> LearnController::loadClinicArticles(const QString &directory)
{
    auto clinic = content::ContentLibrary::loadDirectory(directory);
    if (!clinic)
        return clinic.error();
    for (const QString &lang : clinic->languages()) {
        for (auto &article : clinic->articles(lang)) {
            if (article.language == lang)
                m_library.addClinicArticle(std::move(article));
        }
    }
    refreshList();
    emit progressChanged();
    return {};
}

std::optional<content::Article> LearnController::article(const QString &id) const
{
    return m_library.find(id, m_language);
}

void LearnController::refreshList()
{
    std::vector<content::Article> all = m_library.articles(m_language);
    if (m_searchText.trimmed().isEmpty()) {
        m_model.setArticles(std::move(all), m_language);
        return;
    }
    const content::ArticleSearch search(all);
    std::vector<content::Article> hits;
    for (const auto &hit : search.search(m_searchText)) {
        if (auto found = article(hit.id))
            hits.push_back(std::move(*found));
    }
    m_model.setArticles(std::move(hits), m_language);
}

void LearnController::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text.left(content::ArticleSearch::kMaxQueryLength);
    refreshList();
    emit searchTextChanged();
}

QString LearnController::articleTitle() const
{
    const auto found = article(m_openArticleId);
    return found ? found->title : QString();
}

QString LearnController::articleBody() const
{
    const auto found = article(m_openArticleId);
    return found ? content::renderableMarkdown(found->body) : QString();
}

bool LearnController::articleFromClinic() const
{
    const auto found = article(m_openArticleId);
    return found && found->fromClinic;
}

bool LearnController::articleShownInEnglish() const
{
    const auto found = article(m_openArticleId);
    return found && found->language != m_language;
}

bool LearnController::articleHasTeachBack() const
{
    return m_quizzes.count(m_openArticleId) > 0;
}

bool LearnController::articleTeachBackPassed() const
{
    return m_passedTeachBacks.contains(m_openArticleId);
}

void LearnController::showArticle(const QString &id)
{
    if (!article(id))
        return;
    m_openArticleId = id;
    m_teachBackModule.clear();
    m_teachBackResult.reset();
    m_chosen.clear();
    emit teachBackChanged();
    emit openArticleChanged();
    if (m_readIds.contains(id) || !m_profile.profile())
        return;
    const QByteArray body =
        QJsonDocument(QJsonObject{
                          {QStringLiteral("articleId"), id},
                          {QStringLiteral("readAt"), m_clock.nowUtc().toString(Qt::ISODateWithMs)},
                      })
            .toJson(QJsonDocument::Compact);
    if (m_profile.profile()->records().create(kProgressKind, body)) {
        m_readIds.insert(id);
        m_model.setReadIds(m_readIds);
        emit progressChanged();
    }
}

void LearnController::closeArticle()
{
    m_openArticleId.clear();
    emit openArticleChanged();
}

void LearnController::followLink(const QString &link)
{
    static const QString prefix = QStringLiteral("article:");
    if (link.startsWith(prefix))
        showArticle(link.mid(prefix.size()));
}

const content::TeachBackQuiz *LearnController::openQuiz() const
{
    const auto quiz = m_quizzes.find(m_teachBackModule);
    return quiz == m_quizzes.end() ? nullptr : &quiz->second;
}

QString LearnController::teachBackTitle() const
{
    const auto *quiz = openQuiz();
    return quiz ? quiz->title : QString();
}

QVariantList LearnController::teachBackQuestions() const
{
    QVariantList questions;
    if (const auto *quiz = openQuiz()) {
        for (const auto &question : quiz->questions)
            questions << QVariantMap{{QStringLiteral("text"), question.text},
                                     {QStringLiteral("options"), question.options}};
    }
    return questions;
}

QVariantList LearnController::teachBackFeedback() const
{
    QVariantList feedback;
    const auto *quiz = openQuiz();
    if (!quiz || !m_teachBackResult)
        return feedback;
    for (std::size_t i = 0; i < quiz->questions.size() && i < m_chosen.size(); ++i)
        feedback << QVariantMap{
            {QStringLiteral("correct"), m_chosen[i] == quiz->questions[i].correctOption},
            {QStringLiteral("explanation"), quiz->questions[i].explanation}};
    return feedback;
}

void LearnController::startTeachBack(const QString &module)
{
    const auto quiz = m_quizzes.find(module);
    if (quiz == m_quizzes.end())
        return;
    m_teachBackModule = module;
    m_teachBackResult.reset();
    m_chosen.assign(quiz->second.questions.size(), -1);
    emit teachBackChanged();
}

QVariantList LearnController::chosenAnswers() const
{
    QVariantList chosen;
    for (int option : m_chosen)
        chosen << option;
    return chosen;
}

bool LearnController::teachBackReady() const
{
    return !m_chosen.empty() && !m_teachBackResult &&
           std::find(m_chosen.begin(), m_chosen.end(), -1) == m_chosen.end();
}

void LearnController::chooseTeachBackAnswer(int question, int option)
{
    if (question < 0 || question >= static_cast<int>(m_chosen.size()) || m_teachBackResult)
        return;
    m_chosen[static_cast<std::size_t>(question)] = option;
    emit teachBackChanged();
}

void LearnController::submitTeachBack()
{
    const auto quiz = m_quizzes.find(m_teachBackModule);
    if (quiz == m_quizzes.end() || !m_profile.profile() || !teachBackReady())
        return;
    const std::vector<int> chosen = m_chosen;
    auto graded = content::gradeTeachBack(quiz->second, chosen, m_clock.nowUtc());
    if (!graded)
        return; // an option index outside the question: ignore the submission
    if (!m_profile.profile()->records().create(kTeachBackKind,
                                               content::teachBackResultToJson(*graded))) {
        qCWarning(lcUi) << "could not record a teach-back result";
        return;
    }
    m_teachBackResult = std::move(*graded);
    if (m_teachBackResult->passed)
        m_passedTeachBacks.insert(m_teachBackResult->module);
    emit teachBackChanged();
    emit progressChanged();
}

void LearnController::closeTeachBack()
{
    m_teachBackModule.clear();
    m_teachBackResult.reset();
    m_chosen.clear();
    emit teachBackChanged();
}

std::optional<content::ReadingSuggestion> LearnController::currentSuggestion() const
{
    QSet<QString> modules;
    for (const auto &entry : m_quizzes)
        modules.insert(entry.first);
    return content::suggestNextArticle(m_library.articles(m_language), m_readIds, modules,
                                       m_passedTeachBacks, m_stage);
}

QString LearnController::suggestedArticleId() const
{
    const auto next = currentSuggestion();
    return next ? next->articleId : QString();
}

QString LearnController::suggestedArticleTitle() const
{
    const auto next = currentSuggestion();
    const auto found = next ? article(next->articleId) : std::nullopt;
    return found ? found->title : QString();
}

QString LearnController::suggestionReason() const
{
    const auto next = currentSuggestion();
    if (!next)
        return {};
    switch (next->reason) {
    case content::ReadingSuggestion::Reason::CoursePath:
        return m_stage == content::CourseStage::BeforeFirstInfusion
                   ? tr("Good to read before your first infusion")
                   : tr("Suggested for this part of your treatment");
    case content::ReadingSuggestion::Reason::TeachBackPending:
        return tr("Check what you learned: a few short questions");
    case content::ReadingSuggestion::Reason::NextInLibrary:
        break;
    }
    return tr("Next in the library");
}

void LearnController::setCourseStage(content::CourseStage stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    emit progressChanged();
}

void LearnController::loadProgress()
{
    m_readIds.clear();
    m_passedTeachBacks.clear();
    auto &records = m_profile.profile()->records();
    if (auto progress = records.list(kProgressKind)) {
        for (const auto &record : *progress)
            m_readIds.insert(QJsonDocument::fromJson(record.body)
                                 .object()
                                 .value(QStringLiteral("articleId"))
                                 .toString());
    }
    if (auto results = records.list(kTeachBackKind)) {
        for (const auto &record : *results) {
            auto result = content::teachBackResultFromJson(record.body);
            if (result && result->passed)
                m_passedTeachBacks.insert(result->module);
        }
    }
    m_model.setReadIds(m_readIds);
    emit progressChanged();
}

void LearnController::clearProgress()
{
    m_readIds.clear();
    m_passedTeachBacks.clear();
    m_openArticleId.clear();
    m_teachBackModule.clear();
    m_teachBackResult.reset();
    m_chosen.clear();
    m_searchText.clear();
    refreshList();
    m_model.setReadIds({});
    emit searchTextChanged();
    emit openArticleChanged();
    emit teachBackChanged();
    emit progressChanged();
}

} // namespace companion::presentation
