#include <catch2/catch.hpp>

#include "content/contentlibrary.h"
#include "content/readingplan.h"
#include "content/teachback.h"

#include <QFile>

using namespace companion;
using namespace companion::content;

namespace {

std::vector<TeachBackQuiz> shippedQuizzes(const char *language)
{
    QFile file(QStringLiteral(COMPANION_CONTENT_DIR "/teachback/") + QString::fromLatin1(language) +
               QStringLiteral(".json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto quizzes = parseTeachBack(file.readAll());
    REQUIRE(quizzes);
    return std::move(*quizzes);
}

const QDateTime kNow(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

} // namespace

TEST_CASE("Teach-back covers no driving, dissociation and what to report, in both languages",
          "[content]")
{
    auto library = ContentLibrary::loadDirectory(QStringLiteral(COMPANION_CONTENT_DIR));
    REQUIRE(library);
    for (const char *language : {"en", "es"}) {
        INFO(language);
        const auto quizzes = shippedQuizzes(language);
        QStringList modules;
        for (const auto &quiz : quizzes) {
            modules << quiz.module;
            CHECK(quiz.questions.size() >= 2);
            CHECK(quiz.questions.size() <= 3);
            CHECK(library->find(quiz.module, QString::fromLatin1(language))); // follows an article
        }
        CHECK(modules == QStringList{QStringLiteral("after-the-infusion-no-driving"),
                                     QStringLiteral("what-you-may-feel"),
                                     QStringLiteral("side-effects-to-report")});
    }
}

TEST_CASE("Teach-back is graded; passing means every answer right", "[content]")
{
    const TeachBackQuiz quiz = shippedQuizzes("en").front();
    std::vector<int> right;
    for (const auto &question : quiz.questions)
        right.push_back(question.correctOption);
    auto passed = gradeTeachBack(quiz, right, kNow);
    REQUIRE(passed);
    CHECK(passed->passed);
    CHECK(passed->correct == passed->total);

    std::vector<int> oneWrong = right;
    oneWrong[0] = (oneWrong[0] + 1) % static_cast<int>(quiz.questions[0].options.size());
    auto failed = gradeTeachBack(quiz, oneWrong, kNow);
    REQUIRE(failed);
    CHECK_FALSE(failed->passed);
    CHECK(failed->correct == failed->total - 1);

    CHECK(gradeTeachBack(quiz, {0}, kNow).error().code == ErrorCode::InvalidInput);
    std::vector<int> outOfRange = right;
    outOfRange[0] = 99;
    CHECK(gradeTeachBack(quiz, outOfRange, kNow).error().code == ErrorCode::InvalidInput);

    auto roundTrip = teachBackResultFromJson(teachBackResultToJson(*failed));
    REQUIRE(roundTrip);
    CHECK(roundTrip->answers == oneWrong);
    CHECK(roundTrip->completedAt == kNow);
    CHECK(roundTrip->passed == false);
}

TEST_CASE("Malformed teach-back data is refused", "[content]")
{
    CHECK_FALSE(parseTeachBack("not json"));
    CHECK_FALSE(parseTeachBack(R"({"version":1,"quizzes":[]})"));
    CHECK_FALSE(parseTeachBack(
        R"({"version":1,"quizzes":[{"module":"m","title":"t","questions":[{"id":"q","text":"?","options":["a","b"],"correct":2}]}]})"));
    CHECK(parseTeachBack(
        R"({"version":1,"quizzes":[{"module":"m","title":"t","questions":[{"id":"q","text":"?","options":["a","b"],"correct":1}]}]})"));
}

TEST_CASE("What to read next follows the course, then teach-back, then the library", "[content]")
{
    auto library = ContentLibrary::loadDirectory(QStringLiteral(COMPANION_CONTENT_DIR));
    REQUIRE(library);
    const auto articles = library->articles(QStringLiteral("en"));
    const QSet<QString> modules{QStringLiteral("after-the-infusion-no-driving"),
                                QStringLiteral("what-you-may-feel"),
                                QStringLiteral("side-effects-to-report")};
    using Stage = CourseStage;
    using Reason = ReadingSuggestion::Reason;

    auto first = suggestNextArticle(articles, {}, modules, {}, Stage::BeforeFirstInfusion);
    REQUIRE(first);
    CHECK(first->articleId == QStringLiteral("what-is-ketamine"));
    CHECK(first->reason == Reason::CoursePath);

    QSet<QString> read{QStringLiteral("what-is-ketamine")};
    CHECK(suggestNextArticle(articles, read, modules, {}, Stage::BeforeFirstInfusion)->articleId ==
          QStringLiteral("before-your-first-infusion"));
    CHECK(suggestNextArticle(articles, {}, modules, {}, Stage::InSeries)->articleId ==
          QStringLiteral("integration-and-therapy"));

    // Path read, teach-back for no driving not passed yet: that comes next.
    QSet<QString> pathRead{QStringLiteral("what-is-ketamine"),
                           QStringLiteral("before-your-first-infusion"),
                           QStringLiteral("infusion-day"),
                           QStringLiteral("what-you-may-feel"),
                           QStringLiteral("after-the-infusion-no-driving"),
                           QStringLiteral("side-effects-to-report"),
                           QStringLiteral("medicines-and-alcohol")};
    auto pending =
        suggestNextArticle(articles, pathRead, modules, {QStringLiteral("what-you-may-feel")},
                           Stage::BeforeFirstInfusion);
    REQUIRE(pending);
    CHECK(pending->reason == Reason::TeachBackPending);
    CHECK(modules.contains(pending->articleId));
    CHECK(pending->articleId != QStringLiteral("what-you-may-feel"));

    auto library_next =
        suggestNextArticle(articles, pathRead, modules, modules, Stage::BeforeFirstInfusion);
    REQUIRE(library_next);
    CHECK(library_next->reason == Reason::NextInLibrary);
    CHECK_FALSE(pathRead.contains(library_next->articleId));

    QSet<QString> all;
    for (const auto &article : articles)
        all.insert(article.id);
    CHECK_FALSE(suggestNextArticle(articles, all, modules, modules, Stage::BeforeFirstInfusion));
}

TEST_CASE("Rendered Markdown keeps article links and drops images, HTML and other links",
          "[content]")
{
    const QString body = QStringLiteral(
        "Read [this](article:crisis-help). ![tracker](https://evil.example/p.png) "
        "<img src=\"https://evil.example/x\"><b>bold</b> [site](https://example.org) "
        "and https://example.org/plain");
    const QString safe = renderableMarkdown(body);
    CHECK(safe.contains(QStringLiteral("[this](article:crisis-help)")));
    CHECK_FALSE(safe.contains(QStringLiteral("evil.example")));
    CHECK_FALSE(safe.contains(u'<'));
    CHECK(safe.contains(QStringLiteral("bold")));
    CHECK(safe.contains(QStringLiteral("site")));
    CHECK_FALSE(safe.contains(QStringLiteral("(https://example.org)")));
}
