#include "content/readingplan.h"

#include <QStringList>

namespace companion::content {

namespace {

// What a patient needs most at each stage, in order. Ids that a library lacks are skipped.
QStringList pathFor(CourseStage stage)
{
    switch (stage) {
    case CourseStage::BeforeFirstInfusion:
        return {QStringLiteral("what-is-ketamine"),
                QStringLiteral("before-your-first-infusion"),
                QStringLiteral("infusion-day"),
                QStringLiteral("what-you-may-feel"),
                QStringLiteral("after-the-infusion-no-driving"),
                QStringLiteral("side-effects-to-report"),
                QStringLiteral("medicines-and-alcohol")};
    case CourseStage::InSeries:
        return {QStringLiteral("integration-and-therapy"), QStringLiteral("course-of-treatment"),
                QStringLiteral("side-effects-to-report"),
                QStringLiteral("after-the-infusion-no-driving")};
    case CourseStage::Maintenance:
        return {QStringLiteral("course-of-treatment"), QStringLiteral("when-it-doesnt-work"),
                QStringLiteral("integration-and-therapy")};
    }
    return {};
}

bool hasArticle(const std::vector<Article> &articles, const QString &id)
{
    for (const Article &article : articles) {
        if (article.id == id)
            return true;
    }
    return false;
}

} // namespace

std::optional<ReadingSuggestion> suggestNextArticle(const std::vector<Article> &articles,
                                                    const QSet<QString> &readIds,
                                                    const QSet<QString> &teachBackModules,
                                                    const QSet<QString> &passedTeachBacks,
                                                    CourseStage stage)
{
    using Reason = ReadingSuggestion::Reason;
    for (const QString &id : pathFor(stage)) {
        if (!readIds.contains(id) && hasArticle(articles, id))
            return ReadingSuggestion{id, Reason::CoursePath};
    }
    if (stage == CourseStage::BeforeFirstInfusion) {
        for (const Article &article : articles) {
            if (teachBackModules.contains(article.id) && !passedTeachBacks.contains(article.id))
                return ReadingSuggestion{article.id, Reason::TeachBackPending};
        }
    }
    for (const Article &article : articles) {
        if (!readIds.contains(article.id))
            return ReadingSuggestion{article.id, Reason::NextInLibrary};
    }
    return std::nullopt;
}

} // namespace companion::content
