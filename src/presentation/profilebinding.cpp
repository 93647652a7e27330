#include "presentation/profilebinding.h"

#include "presentation/profilecontroller.h"

#include <utility>

namespace companion::presentation {

ProfileBinding::ProfileBinding(QObject &owner, ProfileController &profile,
                               std::function<void(storage::Profile &)> load,
                               std::function<void()> unload)
    : m_profile(profile)
    , m_load(std::move(load))
    , m_unload(std::move(unload))
{
    QObject::connect(&m_profile, &ProfileController::aboutToLock, &owner, [this] { drop(); });
    QObject::connect(&m_profile, &ProfileController::stateChanged, &owner,
                     [this] { stateChanged(); });
}

void ProfileBinding::start()
{
    stateChanged();
}

void ProfileBinding::stateChanged()
{
    if (m_profile.state() == ProfileController::Unlocked && m_profile.profile()) {
        if (!m_loaded) {
            m_loaded = true;
            m_load(*m_profile.profile());
        }
    } else {
        drop(); // locked without aboutToLock (should not happen): still drop everything
    }
}

void ProfileBinding::drop()
{
    if (!m_loaded)
        return;
    m_loaded = false;
    m_unload();
}

} // namespace companion::presentation
