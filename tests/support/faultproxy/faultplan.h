#pragma once

#include "support/faultproxy/faultproxyoptions.h"

#include <QString>

#include <cstdint>
#include <random>

namespace companion::faultproxy {

enum class Fault { None, DropResponse, Duplicate, Reorder, ResetMidBody };

// The name used in the stats file and in test messages ("drop_response").
QString faultName(Fault fault);

// Decides the fault for each request in arrival order: one draw from a seeded Mersenne Twister,
// compared with the cumulative probabilities. The generator and the draw are fully specified by
// the standard (no std::uniform_real_distribution, whose algorithm may differ between library
// versions), so a test can build the same plan and know which request gets which fault.
class FaultPlan
{
public:
    explicit FaultPlan(const FaultProxyOptions &options);
    Fault next();

private:
    std::mt19937_64 m_random;
    double m_dropResponse;
    double m_duplicate;
    double m_reorder;
    double m_resetMidBody;
};

} // namespace companion::faultproxy
