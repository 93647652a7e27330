#include "presentation/selftestsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

#include <algorithm>

// Shared by the patient app's and the care-team window's --self-test.
namespace companion::presentation::selftest {

namespace {

QStringList g_problems;
QtMessageHandler g_previousHandler = nullptr;

// QML reports binding errors, type errors and missing properties as warnings: any warning that
// points into our QML is a failure.
void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const bool fromQml = message.contains(QLatin1String("qrc:/")) ||
                         qstrcmp(context.category, "qml") == 0 ||
                         qstrcmp(context.category, "js") == 0;
    if (type >= QtWarningMsg && fromQml)
        g_problems << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

QString describe(const QQuickItem *item)
{
    QString name = item->objectName();
    for (const QQuickItem *up = item->parentItem(); name.isEmpty() && up; up = up->parentItem())
        name = up->objectName();
    return QStringLiteral("\"%1\" (in %2)")
        .arg(item->property("text").toString().left(60),
             name.isEmpty() ? QStringLiteral("an unnamed item") : name);
}

} // namespace

QStringList &problems()
{
    return g_problems;
}

void startCollectingWarnings()
{
    g_previousHandler = qInstallMessageHandler(collectWarnings);
}

void stopCollectingWarnings()
{
    qInstallMessageHandler(g_previousHandler);
    g_previousHandler = nullptr;
}

bool waitFor(const std::function<bool()> &condition, int milliseconds)
{
    QDeadlineTimer deadline(milliseconds);
    while (!condition() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return condition();
}

void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Texts that do not fit, found through the properties every QQuickText has (no private API).
// Elision and a non-wrapping text wider than its box hide words; a text whose right edge passes
// the root's hides them off screen. Texts inside a horizontal Flickable are meant to scroll.
void checkTextFit(QQuickItem *root, QQuickItem *item, const QString &where)
{
    constexpr double kSlack = 0.5; // sub-pixel rounding in layouts
    if (!item->isVisible() || item->opacity() <= 0.0)
        return;
    if (item->inherits("QQuickText") && !item->property("text").toString().isEmpty()) {
        const bool wraps = item->property("wrapMode").toInt() != 0;
        const double contentWidth = item->property("contentWidth").toDouble();
        const double right =
            item->mapToItem(root, QPointF(std::min(item->width(), contentWidth), 0)).x();
        QString problem;
        if (item->property("truncated").toBool())
            problem = QStringLiteral("is elided");
        else if (!wraps && item->implicitWidth() > item->width() + kSlack)
            problem = QStringLiteral("is wider than its box (%1 > %2 px)")
                          .arg(item->implicitWidth(), 0, 'f', 0)
                          .arg(item->width(), 0, 'f', 0);
        else if (wraps && contentWidth > item->width() + kSlack)
            problem = QStringLiteral("has a word wider than its box");
        else if (right > root->width() + kSlack)
            problem = QStringLiteral("sticks out of the page");
        if (!problem.isEmpty())
            g_problems << where + QStringLiteral(": text ") + describe(item) + u' ' + problem;
    }
    if (item->inherits("QQuickFlickable") &&
        item->property("contentWidth").toDouble() > item->width() + kSlack &&
        !item->inherits("QQuickListView"))
        return;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        checkTextFit(root, child, where);
}

bool saveScreenshot(QQuickWindow *window, const QString &path)
{
    settle();
    return window->grabWindow().save(path);
}

// Instantiates one page on top of the shell; returns false on a load or creation error.
bool loadPage(QQmlApplicationEngine &engine, QQuickWindow *window, const QString &pagesUrl,
              const QString &fileName, const QString &screenshotPath, const QString &fitCheckName)
{
    QQmlComponent component(&engine, QUrl(pagesUrl + fileName));
    if (component.isError()) {
        g_problems << component.errorString();
        return false;
    }
    QObject *object = component.createWithInitialProperties(
        {{QStringLiteral("parent"), QVariant::fromValue(window->contentItem())}});
    auto *item = qobject_cast<QQuickItem *>(object);
    if (!item) {
        g_problems << fileName + QStringLiteral(": not created as an item: ") +
                          component.errorString();
        delete object;
        return false;
    }
    item->setZ(1000);
    item->setSize(window->contentItem()->size());
    settle();
    if (!screenshotPath.isEmpty())
        saveScreenshot(window, screenshotPath);
    if (!fitCheckName.isEmpty())
        checkTextFit(item, item, fitCheckName);
    delete item;
    return true;
}

} // namespace companion::presentation::selftest
