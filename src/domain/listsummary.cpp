#include "domain/listsummary.h"

namespace companion::domain {

namespace {

std::optional<int> gradeValue(const std::optional<SymptomGrade> &grade)
{
    return grade ? std::optional<int>(static_cast<int>(*grade)) : std::nullopt;
}

} // namespace

void SummarySlots::set(int slot, std::optional<int> value)
{
    if (slot < 0 || slot >= kCount)
        return;
    const int shift = slot * kBits;
    m_packed &= ~(std::int64_t((1 << kBits) - 1) << shift);
    if (value && *value >= 0 && *value <= kMaxValue)
        m_packed |= std::int64_t(*value + 1) << shift;
}

ListSummary listSummaryOf(const DiaryBody &body)
{
    ListSummary summary;
    if (const auto *checkIn = std::get_if<CheckIn>(&body)) {
        summary.values.set(checkInSlot::Mood, checkIn->mood);
        summary.values.set(checkInSlot::Anxiety, checkIn->anxiety);
        summary.values.set(checkInSlot::Pain, checkIn->pain);
        summary.values.set(checkInSlot::Energy, checkIn->energy);
        summary.number = checkIn->sleepHours;
        summary.text = checkIn->note;
    } else if (const auto *check = std::get_if<PostInfusionCheck>(&body)) {
        summary.values.set(postInfusionSlot::Nausea, gradeValue(check->nausea));
        summary.values.set(postInfusionSlot::Dizziness, gradeValue(check->dizziness));
        summary.values.set(postInfusionSlot::Headache, gradeValue(check->headache));
        summary.values.set(postInfusionSlot::Dissociation, gradeValue(check->dissociation));
        summary.values.set(postInfusionSlot::Urinary, gradeValue(check->urinary));
        summary.values.set(postInfusionSlot::Systolic, check->systolic);
        summary.values.set(postInfusionSlot::Diastolic, check->diastolic);
        summary.text = check->note;
    } else if (const auto *result = std::get_if<InstrumentResult>(&body)) {
        summary.number = result->total;
        summary.text = result->severity;
    } else if (const auto *event = std::get_if<SafetyEvent>(&body)) {
        summary.values.set(safetySlot::Trigger,
                           event->trigger == SafetyEvent::Trigger::Item9 ? 1 : 0);
        summary.values.set(safetySlot::ToldClinic, event->toldClinic ? 1 : 0);
    }
    return summary;
}

} // namespace companion::domain
