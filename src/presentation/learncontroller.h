#pragma once

#include "common/clock.h"
#include "content/contentlibrary.h"
#include "content/readingplan.h"
#include "content/teachback.h"
#include "presentation/articlelistmodel.h"

#include <QObject>
#include <QSet>
#include <QVariantList>

#include <map>
#include <optional>

namespace companion::presentation {

class ProfileController;

// The Learn page: the article library (offline, compiled in, plus clinic articles), search,
// reading progress, "what to read next", and teach-back. Which view is open (list, article,
// teach-back) is state here, so the QML stays layout only. Progress and teach-back answers are
// records in the encrypted profile; they are dropped from memory when the profile locks.
class LearnController : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString language READ language CONSTANT)
    Q_PROPERTY(companion::presentation::ArticleListModel *articles READ articles CONSTANT)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY searchTextChanged)
    Q_PROPERTY(QString openArticleId READ openArticleId NOTIFY openArticleChanged)
    Q_PROPERTY(QString articleTitle READ articleTitle NOTIFY openArticleChanged)
    // Safe Markdown (renderableMarkdown): no HTML, no images, only article: links.
    Q_PROPERTY(QString articleBody READ articleBody NOTIFY openArticleChanged)
    Q_PROPERTY(bool articleFromClinic READ articleFromClinic NOTIFY openArticleChanged)
    Q_PROPERTY(bool articleShownInEnglish READ articleShownInEnglish NOTIFY openArticleChanged)
    Q_PROPERTY(bool articleHasTeachBack READ articleHasTeachBack NOTIFY openArticleChanged)
    Q_PROPERTY(bool articleTeachBackPassed READ articleTeachBackPassed NOTIFY progressChanged)
    Q_PROPERTY(QString teachBackModule READ teachBackModule NOTIFY teachBackChanged)
    Q_PROPERTY(QString teachBackTitle READ teachBackTitle NOTIFY teachBackChanged)
    // [{text, options: [...]}] for a Repeater
    Q_PROPERTY(QVariantList teachBackQuestions READ teachBackQuestions NOTIFY teachBackChanged)
    // The option chosen for each question so far (-1 = none yet).
    Q_PROPERTY(QVariantList chosenAnswers READ chosenAnswers NOTIFY teachBackChanged)
    Q_PROPERTY(bool teachBackReady READ teachBackReady NOTIFY teachBackChanged)
    Q_PROPERTY(bool teachBackSubmitted READ teachBackSubmitted NOTIFY teachBackChanged)
    Q_PROPERTY(bool teachBackPassed READ teachBackPassed NOTIFY teachBackChanged)
    Q_PROPERTY(int teachBackCorrectCount READ teachBackCorrectCount NOTIFY teachBackChanged)
    Q_PROPERTY(int teachBackQuestionCount READ teachBackQuestionCount NOTIFY teachBackChanged)
    // After submitting: [{correct, explanation}] per question
    Q_PROPERTY(QVariantList teachBackFeedback READ teachBackFeedback NOTIFY teachBackChanged)
    // Empty id when everything is read and every check passed.
    Q_PROPERTY(QString suggestedArticleId READ suggestedArticleId NOTIFY progressChanged)
    Q_PROPERTY(QString suggestedArticleTitle READ suggestedArticleTitle NOTIFY progressChanged)
    Q_PROPERTY(QString suggestionReason READ suggestionReason NOTIFY progressChanged)
    Q_PROPERTY(int readCount READ readCount NOTIFY progressChanged)
    Q_PROPERTY(int teachBackPassedCount READ teachBackPassedCount NOTIFY progressChanged)
    Q_PROPERTY(int teachBackTotal READ teachBackTotal CONSTANT)
    Q_PROPERTY(QString loadError READ loadError CONSTANT)

public:
    // `contentRoot` holds <language>/<id>.md and teachback/<language>.json (":/content" in the
    // app). `language` falls back to English for what is not translated.
    LearnController(ProfileController &profile, const QString &contentRoot, const QString &language,
                    const Clock &clock = SystemClock::instance(), QObject *parent = nullptr);

    // Adds or replaces articles with the clinic's (a folder laid out like contentRoot).
    Result<void> loadClinicArticles(const QString &directory);

    QString language() const { return m_language; }
    ArticleListModel *articles() { return &m_model; }
    QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    QString openArticleId() const { return m_openArticleId; }
    QString articleTitle() const;
    QString articleBody() const;
    bool articleFromClinic() const;
    bool articleShownInEnglish() const;
    bool articleHasTeachBack() const;
    bool articleTeachBackPassed() const;
    QString teachBackModule() const { return m_teachBackModule; }
    QString teachBackTitle() const;
    QVariantList teachBackQuestions() const;
    QVariantList chosenAnswers() const;
    bool teachBackReady() const;
    bool teachBackSubmitted() const { return m_teachBackResult.has_value(); }
    bool teachBackPassed() const { return m_teachBackResult && m_teachBackResult->passed; }
    int teachBackCorrectCount() const { return m_teachBackResult ? m_teachBackResult->correct : 0; }
    int teachBackQuestionCount() const { return static_cast<int>(m_chosen.size()); }
    QVariantList teachBackFeedback() const;
    QString suggestedArticleId() const;
    QString suggestedArticleTitle() const;
    QString suggestionReason() const;
    int readCount() const { return static_cast<int>(m_readIds.size()); }
    int teachBackPassedCount() const { return static_cast<int>(m_passedTeachBacks.size()); }
    int teachBackTotal() const { return static_cast<int>(m_quizzes.size()); }
    QString loadError() const { return m_loadError; }

    // Opens an article (and records that it was read).
    Q_INVOKABLE void showArticle(const QString &id);
    Q_INVOKABLE void closeArticle();
    // A link inside an article: "article:<id>" opens it; anything else is ignored.
    Q_INVOKABLE void followLink(const QString &link);
    Q_INVOKABLE void startTeachBack(const QString &module);
    Q_INVOKABLE void chooseTeachBackAnswer(int question, int option);
    // Grades the chosen answers and records the result, with the date, in the profile.
    Q_INVOKABLE void submitTeachBack();
    Q_INVOKABLE void closeTeachBack();

    void setCourseStage(content::CourseStage stage);

signals:
    void searchTextChanged();
    void openArticleChanged();
    void teachBackChanged();
    void progressChanged();

private:
    void refreshList();
    void loadProgress();
    void clearProgress();
    std::optional<content::Article> article(const QString &id) const;
    const content::TeachBackQuiz *openQuiz() const;
    std::optional<content::ReadingSuggestion> currentSuggestion() const;

    ProfileController &m_profile;
    const Clock &m_clock;
    QString m_language;
    content::ContentLibrary m_library;
    std::map<QString, content::TeachBackQuiz> m_quizzes; // by module
    ArticleListModel m_model;
    QString m_searchText;
    QString m_openArticleId;
    QString m_teachBackModule;
    std::optional<content::TeachBackResult> m_teachBackResult;
    std::vector<int> m_chosen;
    QSet<QString> m_readIds;
    QSet<QString> m_passedTeachBacks;
    content::CourseStage m_stage = content::CourseStage::BeforeFirstInfusion;
    QString m_loadError;
};

} // namespace companion::presentation
