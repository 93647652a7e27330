#include "content/article.h"

#include <QRegularExpression>

namespace companion::content {

namespace {

Error invalid(int line, const QString &why)
{
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("article front matter, line %1: %2").arg(line).arg(why));
}

// A scalar in the YAML subset: bare text, or text in double quotes (\" and \\ escapes).
QString scalar(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"')) {
        value = value.mid(1, value.size() - 2);
        value.replace(QLatin1String("\\\""), QLatin1String("\""));
        value.replace(QLatin1String("\\\\"), QLatin1String("\\"));
    }
    return value;
}

QStringList inlineList(const QString &value)
{
    QString inner = value.trimmed();
    if (!inner.startsWith(u'[') || !inner.endsWith(u']'))
        return {};
    inner = inner.mid(1, inner.size() - 2);
    QStringList items;
    for (const QString &item : inner.split(u',', Qt::SkipEmptyParts))
        items << scalar(item);
    return items;
}

// Strips a trailing "# comment" that is not inside quotes.
QString withoutComment(const QString &line)
{
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u'"')
            quoted = !quoted;
        else if (line[i] == u'#' && !quoted && (i == 0 || line[i - 1].isSpace()))
            return line.left(i);
    }
    return line;
}

} // namespace

Result<Article> parseArticle(QByteArrayView utf8, const QString &language)
{
    if (utf8.size() > kMaxArticleBytes)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("article is too large"));
    const QString text = QString::fromUtf8(utf8);
    QStringList lines = text.split(u'\n');
    if (lines.isEmpty() || lines.first().trimmed() != QLatin1String("---"))
        return invalid(1, QStringLiteral("the file must start with ---"));

    Article article;
    article.language = language;
    bool inSources = false;
    int end = -1;
    for (int i = 1; i < lines.size(); ++i) {
        const QString raw = withoutComment(lines[i]);
        if (raw.trimmed() == QLatin1String("---")) {
            end = i;
            break;
        }
        if (raw.trimmed().isEmpty())
            continue;
        const int lineNumber = i + 1;
        const bool indented = raw.startsWith(u' ');
        QString line = raw.trimmed();
        if (indented) {
            if (!inSources)
                return invalid(lineNumber, QStringLiteral("unexpected indentation"));
            if (line.startsWith(QLatin1String("- "))) {
                article.sources.emplace_back();
                line = line.mid(2).trimmed();
            }
            if (article.sources.empty())
                return invalid(lineNumber, QStringLiteral("a source must start with '- '"));
            const qsizetype colon = line.indexOf(u':');
            if (colon <= 0)
                return invalid(lineNumber, QStringLiteral("expected key: value"));
            const QString key = line.left(colon).trimmed();
            const QString value = scalar(line.mid(colon + 1));
            ArticleSource &source = article.sources.back();
            if (key == QLatin1String("title"))
                source.title = value;
            else if (key == QLatin1String("publisher"))
                source.publisher = value;
            else if (key == QLatin1String("url"))
                source.url = value;
            continue;
        }
        inSources = false;
        const qsizetype colon = line.indexOf(u':');
        if (colon <= 0)
            return invalid(lineNumber, QStringLiteral("expected key: value"));
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == QLatin1String("id"))
            article.id = scalar(value);
        else if (key == QLatin1String("title"))
            article.title = scalar(value);
        else if (key == QLatin1String("summary"))
            article.summary = scalar(value);
        else if (key == QLatin1String("order"))
            article.order = value.toInt();
        else if (key == QLatin1String("tags"))
            article.tags = inlineList(value);
        else if (key == QLatin1String("reading_minutes"))
            article.readingMinutes = value.toInt();
        else if (key == QLatin1String("safety_critical"))
            article.safetyCritical = value == QLatin1String("true");
        else if (key == QLatin1String("translation"))
            article.translationNeeded = scalar(value) == QLatin1String("needed");
        else if (key == QLatin1String("sources"))
            inSources = value.isEmpty();
    }
    if (end < 0)
        return invalid(lines.size(), QStringLiteral("the front matter is not closed with ---"));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    if (!idPattern.match(article.id).hasMatch())
        return invalid(1, QStringLiteral("id must be lower-case words joined by hyphens"));
    if (article.title.isEmpty())
        return invalid(1, QStringLiteral("title is missing"));
    if (article.sources.empty())
        return invalid(1, QStringLiteral("an article must name its sources"));
    for (const ArticleSource &source : article.sources) {
        if (source.title.isEmpty())
            return invalid(1, QStringLiteral("every source needs a title"));
    }
    article.body = lines.mid(end + 1).join(u'\n').trimmed();
    return article;
}

QString renderableMarkdown(const QString &body)
{
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression htmlTag(QStringLiteral("<[^>\\n]*>"));
    static const QRegularExpression otherLink(
        QStringLiteral("\\[([^\\]]*)\\]\\((?!article:)[^)]*\\)"));
    QString text = body;
    text.replace(image, QStringLiteral("\\1"));
    text.replace(htmlTag, QString());
    text.replace(otherLink, QStringLiteral("\\1"));
    return text;
}

QStringList linkedArticleIds(const Article &article)
{
    static const QRegularExpression link(QStringLiteral("\\]\\(article:([a-z0-9-]+)\\)"));
    QStringList ids;
    auto matches = link.globalMatch(article.body);
    while (matches.hasNext())
        ids << matches.next().captured(1);
    return ids;
}

} // namespace companion::content
