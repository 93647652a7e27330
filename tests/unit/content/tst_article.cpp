#include <catch2/catch.hpp>

#include "content/article.h"

using namespace companion;
using namespace companion::content;

namespace {
const QByteArray kArticle = QByteArrayLiteral(R"(---
id: sample-article   # a comment
title: "Sample: with a colon"
summary: A short line.
order: 20
tags: [basics, "safety"]
reading_minutes: 3
safety_critical: true
translation: needed
sources:
  - title: "Guide one"
    publisher: "Clinic A"
    url: ""
  - title: Guide two
    url: "https://example.org/two"
---

# Sample

See [the other one](article:other-article) and [again](article:third).
)");
} // namespace

TEST_CASE("An article's front matter and body are parsed", "[content]")
{
    auto article = parseArticle(kArticle, QStringLiteral("en"));
    REQUIRE(article);
    CHECK(article->id == QStringLiteral("sample-article"));
    CHECK(article->title == QStringLiteral("Sample: with a colon"));
    CHECK(article->order == 20);
    CHECK(article->tags == QStringList{QStringLiteral("basics"), QStringLiteral("safety")});
    CHECK(article->readingMinutes == 3);
    CHECK(article->safetyCritical);
    CHECK(article->translationNeeded);
    REQUIRE(article->sources.size() == 2);
    CHECK(article->sources[0].publisher == QStringLiteral("Clinic A"));
    CHECK(article->sources[1].url == QStringLiteral("https://example.org/two"));
    CHECK(article->body.startsWith(QStringLiteral("# Sample")));
    CHECK(linkedArticleIds(*article) ==
          QStringList{QStringLiteral("other-article"), QStringLiteral("third")});
}

TEST_CASE("Malformed articles are refused with the reason", "[content]")
{
    auto refuse = [](const QByteArray &text) {
        auto result = parseArticle(text, QStringLiteral("en"));
        REQUIRE_FALSE(result);
        CHECK(result.error().code == ErrorCode::InvalidInput);
        return result.error().message;
    };
    CHECK(refuse("# no front matter").contains(QStringLiteral("---")));
    CHECK(refuse("---\nid: x\ntitle: T\n").contains(QStringLiteral("not closed")));
    CHECK(refuse("---\nid: Bad_Id\ntitle: T\nsources:\n  - title: S\n---\n")
              .contains(QStringLiteral("id")));
    CHECK(refuse("---\nid: ok\nsources:\n  - title: S\n---\n").contains(QStringLiteral("title")));
    CHECK(refuse("---\nid: ok\ntitle: T\n---\nbody").contains(QStringLiteral("sources")));
    CHECK(refuse("---\nid: ok\ntitle: T\nsources:\n  - url: x\n---\n")
              .contains(QStringLiteral("source")));
    CHECK(refuse("---\nid ok\n---\n").contains(QStringLiteral("line 2")));
    CHECK(refuse(QByteArray(kMaxArticleBytes + 1, 'x')).contains(QStringLiteral("too large")));
}
