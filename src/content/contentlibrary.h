#pragma once

#include "common/result.h"
#include "content/article.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace companion::content {

// All articles, by language. Lookups in a language fall back to English for articles not yet
// translated, so a Spanish reader sees every article (the untranslated ones in English). Clinic
// articles replace a shipped article with the same id, or add a new one.
class ContentLibrary
{
public:
    static constexpr const char *kFallbackLanguage = "en";

    // Reads <root>/<language>/*.md for every language folder (works for ":/…" resources too).
    // Fails on the first malformed article, naming the file.
    static Result<ContentLibrary> loadDirectory(const QString &root);

    void add(Article article);
    // A clinic article: replaces the one with the same id in its language, or adds it.
    void addClinicArticle(Article article);

    // Every article for `language` (with English fallbacks), ordered by `order`, then title.
    std::vector<Article> articles(const QString &language) const;
    std::optional<Article> find(const QString &id, const QString &language) const;
    QStringList languages() const;

    // Every [..](article:<id>) link resolves within the article's language (or the fallback).
    // InvalidInput naming the first broken link.
    Result<void> checkLinks() const;

private:
    // language → id → article
    std::map<QString, std::map<QString, Article>> m_articles;
};

} // namespace companion::content
