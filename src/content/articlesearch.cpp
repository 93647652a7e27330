#include "content/articlesearch.h"

#include <QRegularExpression>

#include <algorithm>

namespace companion::content {

namespace {

constexpr int kTitleWeight = 8;
constexpr int kTagWeight = 4;
constexpr int kSummaryWeight = 2;
constexpr int kBodyWeight = 1;

// Link targets and Markdown punctuation are not words a reader searches for.
QString withoutMarkup(QString body)
{
    static const QRegularExpression linkTarget(QStringLiteral("\\]\\([^)]*\\)"));
    return body.replace(linkTarget, QStringLiteral("]"));
}

} // namespace

QStringList ArticleSearch::words(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D).toCaseFolded();
    QStringList result;
    QString current;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue; // the accent of a decomposed letter
        if (c.isLetterOrNumber()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            result << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        result << current;
    return result;
}

ArticleSearch::ArticleSearch(const std::vector<Article> &articles)
{
    m_ids.reserve(articles.size());
    for (int index = 0; index < static_cast<int>(articles.size()); ++index) {
        const Article &article = articles[static_cast<std::size_t>(index)];
        m_ids.push_back(article.id);
        auto addWords = [&](const QString &text, int weight) {
            for (const QString &word : words(text))
                m_index[word][index] += weight;
        };
        addWords(article.title, kTitleWeight);
        addWords(article.tags.join(u' '), kTagWeight);
        addWords(article.summary, kSummaryWeight);
        addWords(withoutMarkup(article.body), kBodyWeight);
    }
}

std::vector<ArticleSearch::Hit> ArticleSearch::search(const QString &query, int limit) const
{
    QStringList queryWords = words(query.left(kMaxQueryLength));
    if (queryWords.isEmpty() || limit <= 0)
        return {};
    queryWords = queryWords.mid(0, kMaxQueryWords);

    // Score per article for one query word; the last word also counts words it begins.
    auto scoresFor = [this](const QString &word, bool prefix) {
        std::map<int, int> scores;
        for (auto it = m_index.lower_bound(word); it != m_index.end(); ++it) {
            const bool exact = it->first == word;
            if (!exact && !(prefix && it->first.startsWith(word)))
                break;
            for (const auto &[index, weight] : it->second)
                scores[index] += weight;
        }
        return scores;
    };

    std::map<int, int> total = scoresFor(queryWords.first(), queryWords.size() == 1);
    for (qsizetype i = 1; i < queryWords.size() && !total.empty(); ++i) {
        const auto next = scoresFor(queryWords[i], i == queryWords.size() - 1);
        std::map<int, int> both;
        for (const auto &[index, score] : total) {
            if (auto it = next.find(index); it != next.end())
                both[index] = score + it->second;
        }
        total = std::move(both);
    }

    std::vector<Hit> hits;
    for (const auto &[index, score] : total)
        hits.push_back({m_ids[static_cast<std::size_t>(index)], score});
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Hit &a, const Hit &b) { return a.score > b.score; });
    if (static_cast<int>(hits.size()) > limit)
        hits.resize(static_cast<std::size_t>(limit));
    return hits;
}

} // namespace companion::content
