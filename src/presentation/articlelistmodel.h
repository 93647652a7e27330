#pragma once

#include "content/article.h"

#include <QAbstractListModel>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace companion::presentation {

// The Learn page's list: every article (or the search hits, best first) with whether it was read.
class ArticleListModel : public QAbstractListModel
{
    Q_OBJECT
    // A model type QML (and qmllint) must know; only LearnController creates it.
    QML_ELEMENT
    QML_UNCREATABLE("ArticleListModel is provided by LearnController")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        SummaryRole,
        ReadingMinutesRole,
        ReadRole,
        SafetyCriticalRole,
        FromClinicRole,
        ShownInEnglishRole, // not translated into the reader's language yet
        DetailsRole,        // "3 min read · Read · From your clinic", translated
    };

    explicit ArticleListModel(QObject *parent = nullptr);

    void setArticles(std::vector<content::Article> articles, const QString &language);
    void setReadIds(const QSet<QString> &ids);
    int count() const { return static_cast<int>(m_articles.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    std::vector<content::Article> m_articles;
    QString m_language;
    QSet<QString> m_readIds;
};

} // namespace companion::presentation
