#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

// What every `--self-test` of a Companion window does (the patient app's selftest.cpp, the
// care-team window's careteamselftest.cpp): collect QML warnings as problems, let the event loop
// settle, load a page on top of the shell, and find texts that do not fit.
namespace companion::presentation::selftest {

// Every problem found so far (QML warnings once collecting, load errors, texts that do not fit).
QStringList &problems();
// Installs / removes the message handler that turns warnings pointing into our QML into problems.
void startCollectingWarnings();
void stopCollectingWarnings();

bool waitFor(const std::function<bool()> &condition, int milliseconds);
void settle();

// Texts that do not fit, found through the properties every QQuickText has (no private API):
// elided, wider than their box, or sticking out of `root`.
void checkTextFit(QQuickItem *root, QQuickItem *item, const QString &where);
bool saveScreenshot(QQuickWindow *window, const QString &path);
// Instantiates `pagesUrl` + `fileName` ("qrc:/qt/qml/Companion/Patient/pages/") on top of the
// shell; false on a load or creation error (recorded as a problem).
bool loadPage(QQmlApplicationEngine &engine, QQuickWindow *window, const QString &pagesUrl,
              const QString &fileName, const QString &screenshotPath, const QString &fitCheckName);

} // namespace companion::presentation::selftest
