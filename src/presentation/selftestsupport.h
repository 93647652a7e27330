#pragma once

#include "presentation/preferences.h"

#include <QColor>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

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

// WCAG 2.1 contrast ratio of two opaque colours (1 to 21).
double contrastRatio(const QColor &a, const QColor &b);
// Visible texts of `item` and below whose colour against what is painted behind them (the
// nearest opaque Rectangle below them, else the window colour) is under 4.5:1 (WCAG 2.1 AA for
// body text; we ask it of every text, large or not). Texts of disabled controls are exempt, as
// in WCAG.
void checkContrast(QQuickWindow *window, QQuickItem *item, const QString &where);
// Keyboard: every visible, enabled control under `page` (buttons, check boxes, fields, sliders,
// combo boxes...) is in the window's Tab chain, and every item Tab reaches under `page` has an
// accessible role and a name (a focusable item a screen reader could not announce).
// Needs QAccessible::setActive(true) before the QML is created (controls set their roles then).
void checkKeyboard(QQuickItem *page, const QString &where);

// Instantiates `pagesUrl` + `fileName` ("qrc:/qt/qml/Companion/Patient/pages/") on top of the
// shell; false on a load or creation error (recorded as a problem). `inspect`, when set, is
// called with the page once it has settled (before it is destroyed).
bool loadPage(QQmlApplicationEngine &engine, QQuickWindow *window, const QString &pagesUrl,
              const QString &fileName, const QString &screenshotPath, const QString &fitCheckName,
              const std::function<void(QQuickItem *)> &inspect = {});

// One look of the window every page is loaded in: theme, contrast, text size and window size.
struct Variant
{
    const char *name;
    Preferences::ThemeMode theme;
    bool highContrast;
    double fontScale;
    QSize size;
    bool accessibilityOnly; // only with --check-accessibility (the slowest checks)
};

struct PageSweep
{
    QString pagesUrl;  // "qrc:/qt/qml/Companion/Patient/pages/"
    QString shellName; // what the window around the pages is called in problems ("shell")
    QString screenshotDirectory;
    bool checkTextFit = false;
    bool checkAccessibility = false;
};

// Loads every page of `pages` in every variant that applies (text fit, contrast and keyboard
// checks as asked, screenshots when a directory is given) and returns the number of successful
// loads; `variantsRun` receives how many variants applied.
int loadPagesInVariants(QQmlApplicationEngine &engine, QQuickWindow *window,
                        Preferences &preferences, const std::vector<Variant> &variants,
                        const QStringList &pages, const PageSweep &sweep, int *variantsRun);

} // namespace companion::presentation::selftest
