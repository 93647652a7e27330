#include "presentation/articlelistmodel.h"

namespace companion::presentation {

ArticleListModel::ArticleListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ArticleListModel::setArticles(std::vector<content::Article> articles, const QString &language)
{
    const int before = count();
    beginResetModel();
    m_articles = std::move(articles);
    m_language = language;
    endResetModel();
    if (before != count())
        emit countChanged();
}

void ArticleListModel::setReadIds(const QSet<QString> &ids)
{
    m_readIds = ids;
    if (!m_articles.empty())
        emit dataChanged(index(0), index(count() - 1), {ReadRole, DetailsRole});
}

int ArticleListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ArticleListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const content::Article &article = m_articles[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdRole:
        return article.id;
    case TitleRole:
        return article.title;
    case SummaryRole:
        return article.summary;
    case ReadingMinutesRole:
        return article.readingMinutes;
    case ReadRole:
        return m_readIds.contains(article.id);
    case SafetyCriticalRole:
        return article.safetyCritical;
    case FromClinicRole:
        return article.fromClinic;
    case ShownInEnglishRole:
        return article.language != m_language;
    case DetailsRole: {
        QStringList details{tr("%n min read", nullptr, article.readingMinutes)};
        if (m_readIds.contains(article.id))
            details << tr("Read");
        if (article.fromClinic)
            details << tr("From your clinic");
        if (article.language != m_language)
            details << tr("In English");
        return details.join(QStringLiteral(" · "));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ArticleListModel::roleNames() const
{
    return {{IdRole, "articleId"},
            {TitleRole, "title"},
            {SummaryRole, "summary"},
            {ReadingMinutesRole, "readingMinutes"},
            {ReadRole, "read"},
            {SafetyCriticalRole, "safetyCritical"},
            {FromClinicRole, "fromClinic"},
            {ShownInEnglishRole, "shownInEnglish"},
            {DetailsRole, "details"}};
}

} // namespace companion::presentation
