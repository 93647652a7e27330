#pragma once

// QML sees services through these wrappers (QML_FOREIGN + QML_SINGLETON), whose create() returns
// the instance the composition root (app/patient/main.cpp, or a test's setup) owns. Services
// themselves carry no QML macros and are unit-tested without an engine.

#include "presentation/autolock.h"
#include "presentation/deleteeverythingcontroller.h"
#include "presentation/diarycontroller.h"
#include "presentation/journalcontroller.h"
#include "presentation/learncontroller.h"
#include "presentation/messagescontroller.h"
#include "presentation/permissioncontroller.h"
#include "presentation/plancontroller.h"
#include "presentation/preferences.h"
#include "presentation/profilecontroller.h"
#include "presentation/questionnairecontroller.h"
#include "presentation/safetycontroller.h"
#include "presentation/summarycontroller.h"
#include "presentation/synccontroller.h"
#include "presentation/trendcontroller.h"

#include <QJSEngine>
#include <QQmlEngine>

#define COMPANION_QML_SINGLETON_INSTANCE(Class)                                                    \
    struct Class##Instance                                                                         \
    {                                                                                              \
        Q_GADGET                                                                                   \
        QML_FOREIGN(companion::presentation::Class)                                                \
        QML_SINGLETON                                                                              \
        QML_NAMED_ELEMENT(Class)                                                                   \
    public:                                                                                        \
        inline static companion::presentation::Class *instance = nullptr;                          \
        static companion::presentation::Class *create(QQmlEngine *, QJSEngine *)                   \
        {                                                                                          \
            Q_ASSERT(instance);                                                                    \
            QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);                      \
            return instance;                                                                       \
        }                                                                                          \
    };

COMPANION_QML_SINGLETON_INSTANCE(ProfileController)
COMPANION_QML_SINGLETON_INSTANCE(Preferences)
COMPANION_QML_SINGLETON_INSTANCE(AutoLock)
COMPANION_QML_SINGLETON_INSTANCE(LearnController)
COMPANION_QML_SINGLETON_INSTANCE(JournalController)
COMPANION_QML_SINGLETON_INSTANCE(SafetyController)
COMPANION_QML_SINGLETON_INSTANCE(DiaryController)
COMPANION_QML_SINGLETON_INSTANCE(QuestionnaireController)
COMPANION_QML_SINGLETON_INSTANCE(TrendController)
COMPANION_QML_SINGLETON_INSTANCE(PlanController)
COMPANION_QML_SINGLETON_INSTANCE(SyncController)
COMPANION_QML_SINGLETON_INSTANCE(MessagesController)
COMPANION_QML_SINGLETON_INSTANCE(DeleteEverythingController)
COMPANION_QML_SINGLETON_INSTANCE(SummaryController)

// The two run-time permissions share one class, so their singletons are named by hand.
#define COMPANION_QML_PERMISSION_INSTANCE(Name)                                                    \
    struct Name##Instance                                                                          \
    {                                                                                              \
        Q_GADGET                                                                                   \
        QML_FOREIGN(companion::presentation::PermissionController)                                 \
        QML_SINGLETON                                                                              \
        QML_NAMED_ELEMENT(Name)                                                                    \
    public:                                                                                        \
        inline static companion::presentation::PermissionController *instance = nullptr;           \
        static companion::presentation::PermissionController *create(QQmlEngine *, QJSEngine *)    \
        {                                                                                          \
            Q_ASSERT(instance);                                                                    \
            QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);                      \
            return instance;                                                                       \
        }                                                                                          \
    };

COMPANION_QML_PERMISSION_INSTANCE(CameraPermission)
COMPANION_QML_PERMISSION_INSTANCE(NotificationPermission)
