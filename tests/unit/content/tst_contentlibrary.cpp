#include <catch2/catch.hpp>

#include "content/contentlibrary.h"

using namespace companion;
using namespace companion::content;

namespace {
ContentLibrary shipped()
{
    auto library = ContentLibrary::loadDirectory(QStringLiteral(COMPANION_CONTENT_DIR));
    if (!library)
        FAIL(library.error().message.toStdString());
    return std::move(*library);
}
} // namespace

TEST_CASE("Every shipped article parses, has a title and sources, and its links resolve",
          "[content]")
{
    const ContentLibrary library = shipped();
    CHECK(library.languages().contains(QStringLiteral("en")));
    CHECK(library.languages().contains(QStringLiteral("es")));
    const auto english = library.articles(QStringLiteral("en"));
    CHECK(english.size() >= 13);
    for (const Article &article : english) {
        INFO(article.id.toStdString());
        CHECK_FALSE(article.title.isEmpty());
        CHECK_FALSE(article.sources.empty());
        CHECK_FALSE(article.body.isEmpty());
        CHECK(article.language == QStringLiteral("en"));
    }
    REQUIRE(library.checkLinks());
}

TEST_CASE("The four safety-critical articles exist in Spanish; the rest fall back to English",
          "[content]")
{
    const ContentLibrary library = shipped();
    for (const char *id : {"infusion-day", "after-the-infusion-no-driving",
                           "side-effects-to-report", "crisis-help"}) {
        INFO(id);
        auto spanish = library.find(QString::fromLatin1(id), QStringLiteral("es"));
        REQUIRE(spanish);
        CHECK(spanish->language == QStringLiteral("es"));
        CHECK(spanish->safetyCritical);
    }
    auto fallback = library.find(QStringLiteral("what-is-ketamine"), QStringLiteral("es"));
    REQUIRE(fallback);
    CHECK(fallback->language == QStringLiteral("en"));
    CHECK(library.articles(QStringLiteral("es")).size() ==
          library.articles(QStringLiteral("en")).size());
}

TEST_CASE("Articles are ordered and clinic articles replace or add by id", "[content]")
{
    ContentLibrary library = shipped();
    const auto before = library.articles(QStringLiteral("en"));
    for (std::size_t i = 1; i < before.size(); ++i)
        CHECK(before[i - 1].order <= before[i].order);

    Article clinic = *library.find(QStringLiteral("infusion-day"), QStringLiteral("en"));
    clinic.body = QStringLiteral("# Our infusion day\n\nArrive 30 minutes early at door B.");
    library.addClinicArticle(clinic);
    Article extra;
    extra.id = QStringLiteral("parking");
    extra.language = QStringLiteral("en");
    extra.title = QStringLiteral("Parking at the clinic");
    extra.order = 1000;
    library.addClinicArticle(extra);

    auto replaced = library.find(QStringLiteral("infusion-day"), QStringLiteral("en"));
    REQUIRE(replaced);
    CHECK(replaced->fromClinic);
    CHECK(replaced->body.contains(QStringLiteral("door B")));
    CHECK(library.articles(QStringLiteral("en")).size() == before.size() + 1);
    CHECK(library.articles(QStringLiteral("en")).back().id == QStringLiteral("parking"));
}

TEST_CASE("A broken link is reported", "[content]")
{
    ContentLibrary library;
    Article a;
    a.id = QStringLiteral("a");
    a.language = QStringLiteral("en");
    a.title = QStringLiteral("A");
    a.body = QStringLiteral("See [b](article:b).");
    library.add(a);
    auto result = library.checkLinks();
    REQUIRE_FALSE(result);
    CHECK(result.error().message == QStringLiteral("en/a links to a missing article: b"));
}

TEST_CASE("A missing content folder is NotFound", "[content]")
{
    CHECK(ContentLibrary::loadDirectory(QStringLiteral("/nonexistent/content")).error().code ==
          ErrorCode::NotFound);
}
