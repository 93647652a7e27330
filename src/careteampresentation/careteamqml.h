#pragma once

// The care-team window's QML singleton (Companion.CareTeamCore): `CareTeam` is the session the
// composition root (app/careteam/main.cpp) owns, handed over like presentation/qmlsingletons.h.

#include "careteampresentation/careteamsession.h"

#include <QJSEngine>
#include <QQmlEngine>

struct CareTeamInstance
{
    Q_GADGET
    QML_FOREIGN(companion::careteampresentation::CareTeamSession)
    QML_SINGLETON
    QML_NAMED_ELEMENT(CareTeam)
public:
    inline static companion::careteampresentation::CareTeamSession *instance = nullptr;
    static companion::careteampresentation::CareTeamSession *create(QQmlEngine *, QJSEngine *)
    {
        Q_ASSERT(instance);
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
};
