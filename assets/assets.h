#pragma once

#include <QString>

namespace companion::assets {

// Resource folders of the data compiled into every binary that links companion_assets.
QString instrumentsDirectory(); // ":/companion/instruments"
QString defaultProtocolPath();  // ":/companion/protocols/default.json"

} // namespace companion::assets
