#pragma once

#include "common/clock.h"
#include "content/contentlibrary.h"
#include "content/readingplan.h"
#include "content/teachback.h"
#include "presentation/articlelistmodel.h"

#include <QObject>
#include <QSet>
#include <QVariantMap>

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
    // {id, title, body (safe Markdown), fromClinic, shownInEnglish, hasTeachBack, teachBackPassed}
    Q_PROPERTY(QVariantMap openArticle READ openArticle NOTIFY openArticleChanged)
    Q_PROPERTY(QString teachBackModule READ teachBackModule NOTIFY teachBackChanged)
    // {title, questions: [{text, options: [...]}]}
    Q_PROPERTY(QVariantMap teachBack READ teachBack NOTIFY teachBackChanged)
    // The option chosen for each question so far (-1 = none yet).
    Q_PROPERTY(QVariantList chosenAnswers READ chosenAnswers NOTIFY teachBackChanged)
    Q_PROPERTY(bool teachBackReady READ teachBackReady NOTIFY teachBackChanged)
    // {} until submitted; then {correct, total, passed, feedback: [{correct, explanation}]}
    Q_PROPERTY(QVariantMap teachBackResult READ teachBackResult NOTIFY teachBackChanged)
    // {id, title, reason} or {} when everything is read
    Q_PROPERTY(QVariantMap suggestion READ suggestion NOTIFY progressChanged)
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
    QVariantMap openArticle() const;
    QString teachBackModule() const { return m_teachBackModule; }
    QVariantMap teachBack() const;
    QVariantMap teachBackResult() const { return m_teachBackResult; }
    QVariantList chosenAnswers() const;
    bool teachBackReady() const;
    QVariantMap suggestion() const;
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

    ProfileController &m_profile;
    const Clock &m_clock;
    QString m_language;
    content::ContentLibrary m_library;
    std::map<QString, content::TeachBackQuiz> m_quizzes; // by module
    ArticleListModel m_model;
    QString m_searchText;
    QString m_openArticleId;
    QString m_teachBackModule;
    QVariantMap m_teachBackResult;
    std::vector<int> m_chosen;
    QSet<QString> m_readIds;
    QSet<QString> m_passedTeachBacks;
    content::CourseStage m_stage = content::CourseStage::BeforeFirstInfusion;
    QString m_loadError;
};

} // namespace companion::presentation
