#pragma once

#include "content/article.h"

#include <QString>

#include <map>
#include <vector>

namespace companion::content {

// Our own full-text index over titles, tags, summaries and bodies. (SQLite FTS3 in this SQLCipher
// build is not exposed to text a person types; see docs/adr/0007.) Words are case- and
// accent-folded ("conducción" matches "conduccion"); every query word must match; the last one
// also matches as a prefix, so results appear while typing. Titles weigh most, then tags,
// summaries, bodies.
class ArticleSearch
{
public:
    struct Hit
    {
        QString id;
        int score = 0;
    };

    static constexpr int kMaxQueryLength = 200;
    static constexpr int kMaxQueryWords = 12;

    explicit ArticleSearch(const std::vector<Article> &articles);

    // Best first; empty for a query with no words. Ties keep the library's order.
    std::vector<Hit> search(const QString &query, int limit = 20) const;

    // Lower-case, accents removed, split on anything that is not a letter or digit.
    static QStringList words(const QString &text);

private:
    // word → article index → weight
    std::map<QString, std::map<int, int>> m_index;
    std::vector<QString> m_ids;
};

} // namespace companion::content
