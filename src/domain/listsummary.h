#pragma once

#include "domain/diaryentry.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace companion::domain {

// What a diary list row shows about an entry, without the entry's body: a few small whole
// numbers, at most one number with a fraction and one text. Storage keeps it in the record's
// summary columns (migration 6), derived from the body on every write, so listing a year of
// entries reads a handful of columns instead of parsing and validating a JSON body per row.
// The full body is decoded only when an entry is opened.
//
// Which slot holds what depends on the kind (the *Slot namespaces below); change a layout only
// together with a migration that re-derives the columns.
class SummarySlots
{
public:
    static constexpr int kCount = 7;
    // 9 bits per slot, stored as value + 1 so that 0 means "not answered": 7 slots fit in the
    // 63 value bits of an SQLite INTEGER.
    static constexpr int kBits = 9;
    static constexpr int kMaxValue = (1 << kBits) - 2;

    static SummarySlots fromPacked(std::int64_t packed) { return SummarySlots(packed); }
    SummarySlots() = default;

    std::int64_t packed() const { return m_packed; }
    std::optional<int> at(int slot) const
    {
        const auto stored = static_cast<int>((m_packed >> (slot * kBits)) & ((1 << kBits) - 1));
        return stored == 0 ? std::nullopt : std::optional<int>(stored - 1);
    }
    // A value outside 0..kMaxValue or a slot outside 0..kCount-1 is a programming error in a
    // kind's layout; it is ignored (the slot stays empty) rather than corrupting a neighbour.
    void set(int slot, std::optional<int> value);

    friend bool operator==(const SummarySlots &, const SummarySlots &) = default;

private:
    explicit SummarySlots(std::int64_t packed)
        : m_packed(packed)
    {}
    std::int64_t m_packed = 0;
};

struct ListSummary
{
    SummarySlots values;
    // A check-in's sleep hours (any value 0-24: the list shows three significant digits, so it
    // is kept exactly rather than rounded into a slot); an instrument result's total.
    std::optional<double> number;
    // A check-in's or after-infusion check's note (patient text: the columns live in the same
    // encrypted row as the body); an instrument result's severity band id.
    QString text;

    friend bool operator==(const ListSummary &, const ListSummary &) = default;
};

namespace checkInSlot {
enum : int { Mood, Anxiety, Pain, Energy };
}
namespace postInfusionSlot {
// Symptom grades as SymptomGrade numbers (0 none … 3 severe), then blood pressure in mmHg.
enum : int { Nausea, Dizziness, Headache, Dissociation, Urinary, Systolic, Diastolic };
} // namespace postInfusionSlot
namespace safetySlot {
// Trigger: 0 manual, 1 item 9. ToldClinic: 0 or 1.
enum : int { Trigger, ToldClinic };
} // namespace safetySlot

// The list summary of a (valid) diary body. An instrument result's id is not in it: storage
// already keeps it as the record's series key.
ListSummary listSummaryOf(const DiaryBody &body);

} // namespace companion::domain
