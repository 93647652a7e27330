#include "cli/contentcommands.h"

#include "content/articlesearch.h"
#include "content/contentlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace companion::cli {

namespace {

// The articles are compiled in (companion_content's resources) at :/content.
Result<content::ContentLibrary> library()
{
    return content::ContentLibrary::loadDirectory(u":/content"_s);
}

Result<QString> language(const CliArguments &args)
{
    const QString language = args.language.isEmpty() ? u"en"_s : args.language;
    if (language != u"en"_s && language != u"es"_s)
        return makeError(ErrorCode::InvalidInput, u"--language must be en or es"_s);
    return language;
}

// What every content command starts from: the requested language and the library.
struct Library
{
    QString language;
    content::ContentLibrary articles;
};

Result<Library> openLibrary(const CliArguments &args)
{
    auto lang = language(args);
    if (!lang)
        return lang.error();
    auto articles = library();
    if (!articles)
        return articles.error();
    return Library{*lang, std::move(*articles)};
}

QJsonObject summary(const content::Article &article, const QString &requested)
{
    return {{u"id"_s, article.id},
            {u"title"_s, article.title},
            {u"summary"_s, article.summary},
            {u"language"_s, article.language},
            {u"translated"_s, article.language == requested},
            {u"safetyCritical"_s, article.safetyCritical},
            {u"readingMinutes"_s, article.readingMinutes}};
}

void print(const Console &console, const QJsonObject &object)
{
    console.print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

} // namespace

Result<void> runContentList(const CliArguments &args, const Console &console)
{
    auto opened = openLibrary(args);
    if (!opened)
        return opened.error();
    const QString &lang = opened->language;
    const content::ContentLibrary &articles = opened->articles;
    QJsonArray list;
    QString text;
    for (const content::Article &article : articles.articles(lang)) {
        list.append(summary(article, lang));
        text += article.id.leftJustified(32) + u' ' + article.title + u'\n';
    }
    if (args.json)
        print(console, QJsonObject{{u"articles"_s, list}});
    else
        console.print(text);
    return {};
}

Result<void> runContentShow(const CliArguments &args, const Console &console)
{
    auto opened = openLibrary(args);
    if (!opened)
        return opened.error();
    const QString &lang = opened->language;
    const content::ContentLibrary &articles = opened->articles;
    const auto article = articles.find(args.contentArgument, lang);
    if (!article)
        return makeError(ErrorCode::NotFound, u"no article with that id (see: content list)"_s);
    // The body already ends with its Sources section; print it as the app renders it.
    console.print(content::renderableMarkdown(article->body) + u'\n');
    return {};
}

Result<void> runContentSearch(const CliArguments &args, const Console &console)
{
    auto opened = openLibrary(args);
    if (!opened)
        return opened.error();
    const QString &lang = opened->language;
    const content::ContentLibrary &articles = opened->articles;
    const content::ArticleSearch search(articles.articles(lang));
    QJsonArray hits;
    QString text;
    for (const auto &hit : search.search(args.contentArgument)) {
        const auto article = articles.find(hit.id, lang);
        QJsonObject object = summary(*article, lang);
        object.insert(u"score"_s, hit.score);
        hits.append(object);
        text += article->id.leftJustified(32) + u' ' + article->title + u'\n';
    }
    if (args.json)
        print(console, QJsonObject{{u"results"_s, hits}});
    else
        console.print(text.isEmpty() ? u"no article matches\n"_s : text);
    return {};
}

} // namespace companion::cli
