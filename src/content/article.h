#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace companion::content {

struct ArticleSource
{
    QString title;
    QString publisher;
    QString url; // may be empty when the seed did not record one
};

// One education article: the front matter (assets/content/README.md) and the Markdown body.
struct Article
{
    QString id;
    QString language; // "en", "es"
    QString title;
    QString summary;
    int order = 0;
    QStringList tags;
    int readingMinutes = 0;
    bool safetyCritical = false;
    bool translationNeeded = false;
    std::vector<ArticleSource> sources;
    QString body;            // Markdown after the front matter
    bool fromClinic = false; // an override or addition from the clinic protocol
};

inline constexpr qsizetype kMaxArticleBytes = 256 * 1024;

// Parses one article file. InvalidInput with the line number for malformed front matter, a
// missing id/title/sources, or a file over kMaxArticleBytes.
Result<Article> parseArticle(QByteArrayView utf8, const QString &language);

// The body made safe to render with Qt's Markdown support: raw HTML tags and images are removed
// (a clinic-supplied article must not fetch remote images — that would tell a server who reads
// what — nor inject markup), and only article: links stay links; other links keep their text.
QString renderableMarkdown(const QString &body);

// The article ids this article links to with [text](article:<id>), in order of appearance.
QStringList linkedArticleIds(const Article &article);

} // namespace companion::content
