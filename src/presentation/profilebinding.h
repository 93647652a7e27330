#pragma once

#include <QObject>

#include <functional>

namespace companion::storage {
class Profile;
}

namespace companion::presentation {

class ProfileController;

// The life cycle every controller that shows decrypted data follows: `load` once the profile is
// unlocked, `unload` when it is about to lock (while the database is still open, so a pending
// draft can be written first) and whenever it is no longer unlocked. Controllers own one of these
// instead of repeating the connections.
class ProfileBinding
{
public:
    ProfileBinding(QObject &owner, ProfileController &profile,
                   std::function<void(storage::Profile &)> load, std::function<void()> unload);

    bool loaded() const { return m_loaded; }
    // Call once the owner is fully constructed: loads at once if the profile is already unlocked.
    void start();

private:
    void stateChanged();
    void drop();

    ProfileController &m_profile;
    std::function<void(storage::Profile &)> m_load;
    std::function<void()> m_unload;
    bool m_loaded = false;
};

} // namespace companion::presentation
