#pragma once

#include <QString>

class QQmlApplicationEngine;

namespace companion::presentation {

class Preferences;
class ProfileController;

// `companion --self-test`: with a throwaway profile, loads the UI, creates and unlocks the profile
// through the controller, then instantiates every page of Companion.Patient (light, dark and
// 200 % text; with checkAccessibility also 200 % text in dark and high contrast) and fails on any
// QML warning or error. With a screenshot folder it also saves each page at phone and desktop size,
// for reviewing layouts by eye.
struct SelfTestOptions
{
    QString screenshotDirectory; // empty: no screenshots
    // Also fail on any visible text that is elided, wider than its box or sticking out of the
    // page (the pseudo-translation run: every string ~40 % longer, as Spanish or German often are).
    bool checkTextFit = false;
    // Accessibility (ADR 0021): every visible text has a contrast of at least 4.5:1 against what
    // is behind it, and every control is reachable with Tab and has an accessible role and name.
    // Adds the 200 % text variants in dark and high contrast (light and dark).
    bool checkAccessibility = false;
};

int runSelfTest(QQmlApplicationEngine &engine, ProfileController &profile, Preferences &preferences,
                const SelfTestOptions &options);

} // namespace companion::presentation
