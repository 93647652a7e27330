#include <catch2/catch.hpp>

#include "content/articlesearch.h"
#include "content/contentlibrary.h"

using namespace companion::content;

namespace {
std::vector<Article> articles(const char *language)
{
    auto library = ContentLibrary::loadDirectory(QStringLiteral(COMPANION_CONTENT_DIR));
    REQUIRE(library);
    return library->articles(QString::fromLatin1(language));
}

QStringList ids(const std::vector<ArticleSearch::Hit> &hits)
{
    QStringList result;
    for (const auto &hit : hits)
        result << hit.id;
    return result;
}
} // namespace

TEST_CASE("Words are case- and accent-folded", "[content]")
{
    CHECK(ArticleSearch::words(QStringLiteral("Conducción, NO-driving! 988")) ==
          QStringList{QStringLiteral("conduccion"), QStringLiteral("no"), QStringLiteral("driving"),
                      QStringLiteral("988")});
}

TEST_CASE("Search finds articles by title first, then by body", "[content]")
{
    const ArticleSearch search(articles("en"));
    auto driving = ids(search.search(QStringLiteral("no driving")));
    REQUIRE_FALSE(driving.isEmpty());
    CHECK(driving.first() == QStringLiteral("after-the-infusion-no-driving"));

    auto crisis = ids(search.search(QStringLiteral("crisis")));
    REQUIRE_FALSE(crisis.isEmpty());
    CHECK(crisis.first() == QStringLiteral("crisis-help"));

    // A word that appears only in bodies still finds them.
    CHECK(ids(search.search(QStringLiteral("lamotrigine")))
              .contains(QStringLiteral("medicines-and-alcohol")));
}

TEST_CASE("The last word matches as a prefix while typing; all words must match", "[content]")
{
    const ArticleSearch search(articles("en"));
    CHECK(
        ids(search.search(QStringLiteral("dissoc"))).contains(QStringLiteral("what-you-may-feel")));
    CHECK(search.search(QStringLiteral("dissoc zzzqqq")).empty());
    CHECK(search.search(QStringLiteral("zzzqqq")).empty());
    CHECK(search.search(QStringLiteral("  ,;  ")).empty());
    CHECK(search.search(QString(5000, u'a')).empty());
    CHECK(search.search(QStringLiteral("ketamine"), 3).size() == 3);
}

TEST_CASE("Spanish search ignores accents", "[content]")
{
    const ArticleSearch search(articles("es"));
    const auto withAccent = ids(search.search(QStringLiteral("náuseas clínica")));
    const auto without = ids(search.search(QStringLiteral("NAUSEAS clinica")));
    REQUIRE_FALSE(without.isEmpty());
    CHECK(withAccent == without);
}
