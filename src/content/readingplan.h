#pragma once

#include "content/article.h"

#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace companion::content {

// Where the patient is in the treatment course, which decides what to suggest reading next.
// Until appointments exist (issue 4), the app assumes BeforeFirstInfusion.
enum class CourseStage { BeforeFirstInfusion, InSeries, Maintenance };

struct ReadingSuggestion
{
    QString articleId;
    enum class Reason { CoursePath, TeachBackPending, NextInLibrary } reason = Reason::CoursePath;
};

// The next article to suggest: first an unread article on the stage's path; before the first
// infusion, then a read key module whose teach-back is not yet passed; then the first unread
// article in library order. nullopt when everything is read and every teach-back passed.
std::optional<ReadingSuggestion> suggestNextArticle(const std::vector<Article> &articles,
                                                    const QSet<QString> &readIds,
                                                    const QSet<QString> &teachBackModules,
                                                    const QSet<QString> &passedTeachBacks,
                                                    CourseStage stage);

} // namespace companion::content
