#include "support/faultproxy/faultplan.h"

namespace companion::faultproxy {

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::DropResponse:
        return QStringLiteral("drop_response");
    case Fault::Duplicate:
        return QStringLiteral("duplicate");
    case Fault::Reorder:
        return QStringLiteral("reorder");
    case Fault::ResetMidBody:
        return QStringLiteral("reset_mid_body");
    }
    return QString();
}

FaultPlan::FaultPlan(const FaultProxyOptions &options)
    : m_random(options.seed)
    , m_dropResponse(options.dropResponse)
    , m_duplicate(options.duplicate)
    , m_reorder(options.reorder)
    , m_resetMidBody(options.resetMidBody)
{}

Fault FaultPlan::next()
{
    // The top 53 bits as a double in [0, 1): exact, and the same on every platform.
    const double draw = static_cast<double>(m_random() >> 11) * 0x1.0p-53;
    double bound = m_dropResponse;
    if (draw < bound)
        return Fault::DropResponse;
    bound += m_duplicate;
    if (draw < bound)
        return Fault::Duplicate;
    bound += m_reorder;
    if (draw < bound)
        return Fault::Reorder;
    bound += m_resetMidBody;
    if (draw < bound)
        return Fault::ResetMidBody;
    return Fault::None;
}

} // namespace companion::faultproxy
