#pragma once

#include "common/result.h"

#include <QString>

class QQmlApplicationEngine;

namespace companion::presentation {
class Preferences;
}

namespace companion::careteampresentation {

class CareTeamSession;

// `companion-careteam --self-test`: loads the window offscreen with a throwaway profile that
// seedSelfTestProfile() filled with two invented patients, checks a wrong passphrase is refused,
// unlocks through the session, opens a patient, instantiates every page of Companion.CareTeam
// (light, dark, 200 % text) and fails on any QML warning; locks and checks the models are empty.
struct CareTeamSelfTestOptions
{
    QString screenshotDirectory; // empty: none
    bool checkTextFit = false;   // also fail on elided or overflowing text
    // Also fail on text contrast under 4.5:1 and on controls Tab does not reach or that have no
    // accessible role and name; adds 200 % text in dark and high contrast (ADR 0021).
    bool checkAccessibility = false;
};

inline const QString kSelfTestPassphrase = QStringLiteral("self test lantern quarry ochre");

// A therapist profile as if enrolled and pulled (no server): "Ana" with check-ins, PHQ-9 scores
// across two infusions, a shared journal entry and two entries the console cannot show; "Ben"
// with an open safety alert.
Result<void> seedSelfTestProfile(const QString &directory);

int runCareTeamSelfTest(QQmlApplicationEngine &engine, CareTeamSession &session,
                        presentation::Preferences &preferences,
                        const CareTeamSelfTestOptions &options);

} // namespace companion::careteampresentation
