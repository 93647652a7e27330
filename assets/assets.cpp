#include "assets/assets.h"

namespace companion::assets {

QString instrumentsDirectory()
{
    return QStringLiteral(":/companion/instruments");
}

QString defaultProtocolPath()
{
    return QStringLiteral(":/companion/protocols/default.json");
}

} // namespace companion::assets
