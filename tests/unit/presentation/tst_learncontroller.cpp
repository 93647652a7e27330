#include <catch2/catch.hpp>

#include "presentation/learncontroller.h"
#include "presentation/profilecontroller.h"
#include "support/fakeclock.h"
#include "support/filescan.h"
#include "support/tempdir.h"
#include "support/wait.h"

#include <QDir>
#include <QFile>

using namespace companion;
using namespace companion::presentation;

namespace {

const QString kPassphrase = QStringLiteral("juniper falcon atlas biscuit");
const QString kContent = QStringLiteral(COMPANION_CONTENT_DIR);

struct Fixture
{
    testing::TempDir dir;
    testing::FakeClock clock;
    ProfileController profile{dir.path(), clock};
    LearnController learn{profile, kContent, QStringLiteral("en"), clock};

    Fixture()
    {
        profile.createProfile(kPassphrase, kPassphrase);
        REQUIRE(testing::waitUntil([&] { return profile.state() == ProfileController::Unlocked; }));
        REQUIRE(learn.loadError().isEmpty());
    }

    void relock()
    {
        profile.lock();
        profile.unlock(kPassphrase);
        REQUIRE(testing::waitUntil([&] { return profile.state() == ProfileController::Unlocked; }));
    }

    void answerAllRight(const QString &module)
    {
        learn.startTeachBack(module);
        const QVariantList questions = learn.teachBackQuestions();
        REQUIRE_FALSE(questions.isEmpty());
        // The right answers, from the shipped quiz file (the controller does not expose them).
        for (int i = 0; i < questions.size(); ++i)
            learn.chooseTeachBackAnswer(i, rightAnswer(module, i));
    }

    static int rightAnswer(const QString &module, int question)
    {
        QFile file(kContent + QStringLiteral("/teachback/en.json"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        auto quizzes = content::parseTeachBack(file.readAll());
        REQUIRE(quizzes);
        for (const auto &quiz : *quizzes) {
            if (quiz.module == module)
                return quiz.questions[static_cast<std::size_t>(question)].correctOption;
        }
        FAIL("no such quiz");
        return -1;
    }
};

} // namespace

TEST_CASE("Reading an article records progress in the profile, kept across lock", "[presentation]")
{
    Fixture f;
    CHECK(f.learn.articles()->count() >= 13);
    CHECK(f.learn.suggestedArticleId() == QStringLiteral("what-is-ketamine"));

    f.learn.showArticle(QStringLiteral("what-is-ketamine"));
    CHECK(f.learn.openArticleId() == QStringLiteral("what-is-ketamine"));
    CHECK(f.learn.articleBody().contains(u'#'));
    CHECK(f.learn.readCount() == 1);
    CHECK(f.learn.suggestedArticleId() == QStringLiteral("before-your-first-infusion"));
    f.learn.showArticle(QStringLiteral("what-is-ketamine")); // a second read adds no record
    CHECK(f.profile.profile()->records().list(QStringLiteral("learn.progress"))->size() == 1);

    f.profile.lock();
    CHECK(f.learn.readCount() == 0);
    CHECK(f.learn.openArticleId().isEmpty());
    f.relock();
    CHECK(f.learn.readCount() == 1);
}

TEST_CASE("Links between articles open the target; other links do nothing", "[presentation]")
{
    Fixture f;
    f.learn.showArticle(QStringLiteral("side-effects-to-report"));
    f.learn.followLink(QStringLiteral("https://example.org"));
    CHECK(f.learn.openArticleId() == QStringLiteral("side-effects-to-report"));
    f.learn.followLink(QStringLiteral("article:crisis-help"));
    CHECK(f.learn.openArticleId() == QStringLiteral("crisis-help"));
    f.learn.followLink(QStringLiteral("article:no-such-article"));
    CHECK(f.learn.openArticleId() == QStringLiteral("crisis-help"));
    f.learn.closeArticle();
    CHECK(f.learn.openArticleId().isEmpty());
}

TEST_CASE("Search filters the list, best match first", "[presentation]")
{
    Fixture f;
    const int all = f.learn.articles()->count();
    f.learn.setSearchText(QStringLiteral("driving"));
    REQUIRE(f.learn.articles()->count() >= 1);
    CHECK(f.learn.articles()->count() < all);
    CHECK(f.learn.articles()->data(f.learn.articles()->index(0), ArticleListModel::IdRole) ==
          QStringLiteral("after-the-infusion-no-driving"));
    f.learn.setSearchText(QStringLiteral("zzqqxx"));
    CHECK(f.learn.articles()->count() == 0);
    f.learn.setSearchText(QString());
    CHECK(f.learn.articles()->count() == all);
}

TEST_CASE("Teach-back answers are recorded with the date; passing needs every answer right",
          "[presentation]")
{
    Fixture f;
    const QString module = QStringLiteral("after-the-infusion-no-driving");
    f.learn.startTeachBack(module);
    CHECK_FALSE(f.learn.teachBackReady());
    f.learn.submitTeachBack(); // not ready: nothing recorded
    CHECK(f.profile.profile()->records().list(QStringLiteral("learn.teachback"))->empty());

    // One wrong answer: recorded, not passed.
    const int questions = f.learn.teachBackQuestionCount();
    for (int i = 0; i < questions; ++i)
        f.learn.chooseTeachBackAnswer(i, i == 0 ? (Fixture::rightAnswer(module, 0) + 1) % 3
                                                : Fixture::rightAnswer(module, i));
    REQUIRE(f.learn.teachBackReady());
    f.learn.submitTeachBack();
    CHECK(f.learn.teachBackSubmitted());
    CHECK_FALSE(f.learn.teachBackPassed());
    CHECK(f.learn.teachBackFeedback().size() == questions);
    CHECK_FALSE(
        f.learn.teachBackFeedback().first().toMap().value(QStringLiteral("correct")).toBool());
    CHECK(f.learn.teachBackPassedCount() == 0);

    f.clock.advanceSeconds(600);
    f.answerAllRight(module);
    f.learn.submitTeachBack();
    CHECK(f.learn.teachBackPassed());
    CHECK(f.learn.teachBackPassedCount() == 1);
    const auto records = f.profile.profile()->records().list(QStringLiteral("learn.teachback"));
    REQUIRE(records->size() == 2);
    auto latest = content::teachBackResultFromJson(records->front().body);
    REQUIRE(latest);
    CHECK(latest->completedAt == f.clock.nowUtc());
    CHECK(latest->passed);

    f.relock();
    CHECK(f.learn.teachBackPassedCount() == 1);
}

TEST_CASE("Clinic articles replace ours by id and are marked as from the clinic", "[presentation]")
{
    Fixture f;
    testing::TempDir clinic;
    QDir().mkpath(clinic.file(QStringLiteral("en")));
    QFile article(clinic.file(QStringLiteral("en/infusion-day.md")));
    REQUIRE(article.open(QIODevice::WriteOnly));
    article.write("---\nid: infusion-day\ntitle: Your infusion day at Riverside\norder: 40\n"
                  "sources:\n  - title: Riverside Clinic protocol\n---\n\n# At Riverside\n\n"
                  "Use entrance B.\n");
    article.close();
    REQUIRE(f.learn.loadClinicArticles(clinic.path()));
    f.learn.showArticle(QStringLiteral("infusion-day"));
    CHECK(f.learn.articleFromClinic());
    CHECK(f.learn.articleTitle() == QStringLiteral("Your infusion day at Riverside"));

    QFile broken(clinic.file(QStringLiteral("en/bad.md")));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write("no front matter");
    broken.close();
    CHECK_FALSE(f.learn.loadClinicArticles(clinic.path()));
}

TEST_CASE("Spanish readers get Spanish where translated, English otherwise", "[presentation]")
{
    testing::TempDir dir;
    ProfileController profile(dir.path());
    LearnController learn(profile, kContent, QStringLiteral("es"));
    learn.showArticle(QStringLiteral("crisis-help"));
    CHECK_FALSE(learn.articleShownInEnglish());
    learn.showArticle(QStringLiteral("what-is-ketamine"));
    CHECK(learn.articleShownInEnglish());
    learn.startTeachBack(QStringLiteral("what-you-may-feel"));
    CHECK(learn.teachBackTitle() == QStringLiteral("Disociación"));
}
