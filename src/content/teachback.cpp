#include "content/teachback.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace companion::content {

namespace {
constexpr qsizetype kMaxQuizBytes = 256 * 1024;

Error invalid(const QString &why)
{
    return makeError(ErrorCode::InvalidInput, QStringLiteral("teach-back: ") + why);
}
} // namespace

Result<std::vector<TeachBackQuiz>> parseTeachBack(QByteArrayView json)
{
    if (json.size() > kMaxQuizBytes)
        return invalid(QStringLiteral("file too large"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("not valid JSON"));
    const QJsonObject root = document.object();
    const int version = root.value(QStringLiteral("version")).toInt();
    std::vector<TeachBackQuiz> quizzes;
    for (const QJsonValue &quizValue : root.value(QStringLiteral("quizzes")).toArray()) {
        const QJsonObject object = quizValue.toObject();
        TeachBackQuiz quiz;
        quiz.module = object.value(QStringLiteral("module")).toString();
        quiz.title = object.value(QStringLiteral("title")).toString();
        quiz.version = version;
        for (const QJsonValue &questionValue :
             object.value(QStringLiteral("questions")).toArray()) {
            const QJsonObject q = questionValue.toObject();
            TeachBackQuestion question;
            question.id = q.value(QStringLiteral("id")).toString();
            question.text = q.value(QStringLiteral("text")).toString();
            for (const QJsonValue &option : q.value(QStringLiteral("options")).toArray())
                question.options << option.toString();
            question.correctOption = q.value(QStringLiteral("correct")).toInt(-1);
            question.explanation = q.value(QStringLiteral("explanation")).toString();
            if (question.id.isEmpty() || question.text.isEmpty() || question.options.size() < 2 ||
                question.correctOption < 0 || question.correctOption >= question.options.size())
                return invalid(QStringLiteral("question '%1' of '%2' is malformed")
                                   .arg(question.id, quiz.module));
            quiz.questions.push_back(std::move(question));
        }
        if (quiz.module.isEmpty() || quiz.title.isEmpty() || quiz.questions.empty())
            return invalid(QStringLiteral("a quiz needs a module, a title and questions"));
        quizzes.push_back(std::move(quiz));
    }
    if (version < 1 || quizzes.empty())
        return invalid(QStringLiteral("no quizzes, or no version"));
    return quizzes;
}

Result<TeachBackResult> gradeTeachBack(const TeachBackQuiz &quiz, const std::vector<int> &answers,
                                       const QDateTime &completedAt)
{
    if (answers.size() != quiz.questions.size())
        return invalid(QStringLiteral("%1 answers for %2 questions")
                           .arg(answers.size())
                           .arg(quiz.questions.size()));
    TeachBackResult result;
    result.module = quiz.module;
    result.quizVersion = quiz.version;
    result.answers = answers;
    result.total = static_cast<int>(quiz.questions.size());
    result.completedAt = completedAt.toUTC();
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const TeachBackQuestion &question = quiz.questions[i];
        if (answers[i] < 0 || answers[i] >= question.options.size())
            return invalid(
                QStringLiteral("question %1 has no option %2").arg(i + 1).arg(answers[i]));
        if (answers[i] == question.correctOption)
            ++result.correct;
    }
    result.passed = result.correct == result.total;
    return result;
}

QByteArray teachBackResultToJson(const TeachBackResult &result)
{
    QJsonArray answers;
    for (int answer : result.answers)
        answers.append(answer);
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("module"), result.module},
                   {QStringLiteral("quizVersion"), result.quizVersion},
                   {QStringLiteral("answers"), answers},
                   {QStringLiteral("correct"), result.correct},
                   {QStringLiteral("total"), result.total},
                   {QStringLiteral("passed"), result.passed},
                   {QStringLiteral("completedAt"), result.completedAt.toString(Qt::ISODateWithMs)},
               })
        .toJson(QJsonDocument::Compact);
}

Result<TeachBackResult> teachBackResultFromJson(QByteArrayView json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toByteArray()).object();
    TeachBackResult result;
    result.module = object.value(QStringLiteral("module")).toString();
    result.quizVersion = object.value(QStringLiteral("quizVersion")).toInt();
    for (const QJsonValue &answer : object.value(QStringLiteral("answers")).toArray())
        result.answers.push_back(answer.toInt());
    result.correct = object.value(QStringLiteral("correct")).toInt();
    result.total = object.value(QStringLiteral("total")).toInt();
    result.passed = object.value(QStringLiteral("passed")).toBool();
    result.completedAt = QDateTime::fromString(
        object.value(QStringLiteral("completedAt")).toString(), Qt::ISODateWithMs);
    if (result.module.isEmpty() || !result.completedAt.isValid())
        return invalid(QStringLiteral("stored result is malformed"));
    return result;
}

} // namespace companion::content
