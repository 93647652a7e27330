#include "content/contentlibrary.h"

#include <QDir>
#include <QFile>

#include <algorithm>

namespace companion::content {

Result<ContentLibrary> ContentLibrary::loadDirectory(const QString &root)
{
    ContentLibrary library;
    const QDir rootDir(root);
    if (!rootDir.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no content folder at %1").arg(root));
    for (const QString &language :
         rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(rootDir.filePath(language));
        for (const QString &name :
             dir.entryList({QStringLiteral("*.md")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io,
                                 QStringLiteral("cannot read %1").arg(file.fileName()));
            if (file.size() > kMaxArticleBytes)
                return makeError(ErrorCode::InvalidInput,
                                 QStringLiteral("%1 is too large").arg(file.fileName()));
            auto article = parseArticle(file.read(kMaxArticleBytes), language);
            if (!article)
                return makeError(article.error().code, language + u'/' + name +
                                                           QStringLiteral(": ") +
                                                           article.error().message);
            if (article->id + QStringLiteral(".md") != name)
                return makeError(
                    ErrorCode::InvalidInput,
                    QStringLiteral("%1/%2: the id must match the file name").arg(language, name));
            library.add(std::move(*article));
        }
    }
    return library;
}

void ContentLibrary::add(Article article)
{
    const QString language = article.language;
    const QString id = article.id;
    m_articles[language][id] = std::move(article);
}

void ContentLibrary::addClinicArticle(Article article)
{
    article.fromClinic = true;
    add(std::move(article));
}

std::vector<Article> ContentLibrary::articles(const QString &language) const
{
    std::map<QString, Article> merged;
    if (auto fallback = m_articles.find(QLatin1String(kFallbackLanguage));
        fallback != m_articles.end())
        merged = fallback->second;
    if (auto own = m_articles.find(language); own != m_articles.end()) {
        for (const auto &[id, article] : own->second)
            merged[id] = article;
    }
    std::vector<Article> result;
    result.reserve(merged.size());
    for (auto &[id, article] : merged)
        result.push_back(std::move(article));
    std::stable_sort(result.begin(), result.end(), [](const Article &a, const Article &b) {
        return a.order != b.order ? a.order < b.order : a.title < b.title;
    });
    return result;
}

std::optional<Article> ContentLibrary::find(const QString &id, const QString &language) const
{
    for (const QString &lang : {language, QString::fromLatin1(kFallbackLanguage)}) {
        auto byLanguage = m_articles.find(lang);
        if (byLanguage == m_articles.end())
            continue;
        if (auto it = byLanguage->second.find(id); it != byLanguage->second.end())
            return it->second;
    }
    return std::nullopt;
}

QStringList ContentLibrary::languages() const
{
    QStringList languages;
    for (const auto &entry : m_articles)
        languages << entry.first;
    return languages;
}

Result<void> ContentLibrary::checkLinks() const
{
    for (const auto &[language, byId] : m_articles) {
        for (const auto &[id, article] : byId) {
            for (const QString &target : linkedArticleIds(article)) {
                if (!find(target, language))
                    return makeError(ErrorCode::InvalidInput,
                                     QStringLiteral("%1/%2 links to a missing article: %3")
                                         .arg(language, id, target));
            }
        }
    }
    return {};
}

} // namespace companion::content
