#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <vector>

namespace companion::content {

// Teach-back: a few questions after the key modules (no driving, dissociation, what to report),
// so a patient can show — and the app can record — that they understood before infusion one.
// Quizzes are data: assets/content/teachback/<language>.json.
struct TeachBackQuestion
{
    QString id;
    QString text;
    QStringList options;
    int correctOption = 0;
    QString explanation;
};

struct TeachBackQuiz
{
    QString module; // the article id it follows
    QString title;
    int version = 0;
    std::vector<TeachBackQuestion> questions;
};

struct TeachBackResult
{
    QString module;
    int quizVersion = 0;
    std::vector<int> answers; // chosen option per question
    int correct = 0;
    int total = 0;
    bool passed = false; // every answer right: teach-back means understood, not "mostly"
    QDateTime completedAt;
};

// InvalidInput for malformed JSON, an empty quiz, or a correct index outside the options.
Result<std::vector<TeachBackQuiz>> parseTeachBack(QByteArrayView json);

// InvalidInput when the answer count or an option index does not fit the quiz.
Result<TeachBackResult> gradeTeachBack(const TeachBackQuiz &quiz, const std::vector<int> &answers,
                                       const QDateTime &completedAt);

QByteArray teachBackResultToJson(const TeachBackResult &result);
Result<TeachBackResult> teachBackResultFromJson(QByteArrayView json);

} // namespace companion::content
