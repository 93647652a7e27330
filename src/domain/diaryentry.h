#pragma once

#include "common/ids.h"
#include "common/result.h"
#include "domain/instrumentscoring.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

namespace companion::domain {

// The diary's record bodies. Each is validated before it is stored and again when read (a body
// from sync or an old version must not crash a chart). JSON field names are in docs/api.md.

namespace kinds {
inline const QString diaryCheckIn = QStringLiteral("diary.checkin");
inline const QString diaryPostInfusion = QStringLiteral("diary.postinfusion");
inline const QString instrumentResult = QStringLiteral("instrument.result");
inline const QString safetyEvent = QStringLiteral("safety.event");
} // namespace kinds

inline constexpr qsizetype kMaxNoteLength = 4000;
inline constexpr int kMaxTags = 20;
inline constexpr qsizetype kMaxTagLength = 40;
inline constexpr qsizetype kMaxBodyBytes = 64 * 1024;

// The 20-second daily check-in. Scales are 0-10, higher = more (mood: 10 is best; anxiety and
// pain: 10 is worst).
struct CheckIn
{
    QDateTime occurredAt; // UTC
    int mood = 0;
    int anxiety = 0;
    int pain = 0;
    std::optional<double> sleepHours; // 0-24, quarter hours are fine
    std::optional<int> sleepQuality;  // 0-10
    std::optional<int> energy;        // 0-10
    QString note;
    QStringList tags;
};

// Symptoms after an infusion are graded none/mild/moderate/severe rather than 0-10: four large
// buttons work in low-energy mode right after an infusion, and the grades match how adverse
// effects are reported to clinicians. Unanswered symptoms stay empty.
enum class SymptomGrade { None = 0, Mild = 1, Moderate = 2, Severe = 3 };
QString symptomGradeName(SymptomGrade grade);
std::optional<SymptomGrade> symptomGradeFromName(const QString &name);

struct PostInfusionCheck
{
    QDateTime occurredAt;
    std::optional<SymptomGrade> nausea;
    std::optional<SymptomGrade> dizziness;
    std::optional<SymptomGrade> headache;
    std::optional<SymptomGrade> dissociation; // lingering dissociation
    std::optional<SymptomGrade> urinary;      // urinary symptoms
    std::optional<int> systolic;              // mmHg, 50-300, both or neither
    std::optional<int> diastolic;             // mmHg, 20-200, below systolic
    QString note;
};

struct InstrumentResult
{
    QDateTime occurredAt;
    QString instrumentId;
    QString instrumentVersion;
    QString scoringRuleVersion;
    std::vector<int> answers;
    double total = 0;
    QString severity; // band id or empty
    std::vector<ClusterScore> clusters;
    QStringList flags;

    static InstrumentResult fromScore(const InstrumentScore &score, std::vector<int> answers,
                                      QDateTime occurredAt);
};

// Crisis help was shown. Recorded whether or not the person tells the clinic.
struct SafetyEvent
{
    enum class Trigger { Item9, Manual };
    QDateTime occurredAt;
    Trigger trigger = Trigger::Manual;
    bool crisisHelpShown = true;
    bool toldClinic = false; // "tell my clinic now" pressed: sync raises a high-priority flag
    RecordId sourceResultId; // the instrument result that triggered it (item9), else null
};

using DiaryBody = std::variant<CheckIn, PostInfusionCheck, InstrumentResult, SafetyEvent>;

// One entry as stored: the record's identity and versions plus its decoded body.
struct DiaryEntry
{
    RecordId id;
    std::int64_t version = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    DiaryBody body;

    QString kind() const;
    QDateTime occurredAt() const;
};

QString kindOf(const DiaryBody &body);
QDateTime occurredAtOf(const DiaryBody &body);
bool isDiaryKind(const QString &kind);
QStringList diaryKinds();

// InvalidInput naming the field and its allowed range (never the value).
Result<void> validate(const DiaryBody &body);
// Validates, then encodes compact JSON.
Result<QByteArray> encodeBody(const DiaryBody &body);
// Strict decode of a stored body of `kind`, validated.
Result<DiaryBody> decodeBody(const QString &kind, const QByteArray &bytes);

// UTC with milliseconds and a trailing Z ("2026-03-01T09:00:00.000Z").
QString toIsoUtc(const QDateTime &time);
// Accepts ISO 8601 with Z or an offset; a time without a zone is refused (ambiguous).
std::optional<QDateTime> fromIsoUtc(const QString &text);

} // namespace companion::domain
