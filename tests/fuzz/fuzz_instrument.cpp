// libFuzzer target: the instrument loader (src/domain/instrument.h), which reads questionnaire
// definitions a clinic may supply, and the scoring engine on whatever loads. The input is
// `<answers>\n<json>`: answer bytes (each % 8) then the instrument JSON.
#include "domain/instrument.h"
#include "domain/instrumentscoring.h"

#include <cstdint>
#include <vector>

using namespace companion::domain;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype split = input.indexOf('\n');
    const QByteArray answerBytes = split < 0 ? QByteArray() : input.left(split);
    const QByteArray json = split < 0 ? input : input.mid(split + 1);
    auto instrument = parseInstrument(json);
    if (!instrument)
        return 0;
    std::vector<int> answers;
    for (const char c : answerBytes)
        answers.push_back(static_cast<unsigned char>(c) % 8);
    (void)scoreInstrument(*instrument, answers);
    for (std::size_t i = 0; i < answers.size(); ++i)
        (void)raisesSafetyFlag(*instrument, static_cast<int>(i), answers[i]);
    return 0;
}
