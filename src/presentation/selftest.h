#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace companion::presentation {

class Preferences;
class ProfileController;

// `companion --self-test`: with a throwaway profile, loads the UI, creates and unlocks the profile
// through the controller, then instantiates every page of Companion.Patient (light, dark and
// 200 % text) and fails on any QML warning or error. With a screenshot folder it also saves each
// page at phone and desktop size, for reviewing layouts by eye.
struct SelfTestOptions
{
    QString screenshotDirectory; // empty: no screenshots
    // Also fail on any visible text that is elided, wider than its box or sticking out of the
    // page (the pseudo-translation run: every string ~40 % longer, as Spanish or German often are).
    bool checkTextFit = false;
};

int runSelfTest(QQmlApplicationEngine &engine, ProfileController &profile, Preferences &preferences,
                const SelfTestOptions &options);

} // namespace companion::presentation
