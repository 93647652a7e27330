#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace companion::platform {

// The opt-in XDG autostart entry that starts the background reminder service at login
// (XDG Autostart Specification: $XDG_CONFIG_HOME/autostart/companion.desktop, by default
// ~/.config/autostart). Off until the person turns it on; turning it off removes the file.
namespace autostart {

// $XDG_CONFIG_HOME/autostart/companion.desktop (QStandardPaths honours XDG_CONFIG_HOME).
QString entryPath();

// The desktop entry text for `program` `arguments` (Exec quoted per the Desktop Entry spec).
QString entryText(const QString &program, const QStringList &arguments);

// Writes the entry atomically (mode 0644: the desktop session must read it; it holds only the
// program path and the profile folder's path).
Result<void> enable(const QString &program, const QStringList &arguments);
// Removes the entry; not an error when there is none.
Result<void> disable();
bool isEnabled();
// Removes the entry only when it starts the service for the profile in `profileDirectory`:
// after that profile is wiped the service would start at every login for nothing, while an
// entry for another profile on this account must stay. Not an error when there is none.
Result<void> disableForProfile(const QString &profileDirectory);

// One Exec argument, quoted when it needs to be (Desktop Entry spec, "The Exec key").
QString quoteExecArgument(const QString &argument);

} // namespace autostart

} // namespace companion::platform
