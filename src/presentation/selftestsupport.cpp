#include "presentation/selftestsupport.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QKeyEvent>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

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

// The colour an item paints over its whole box, when it is an opaque, visible Rectangle.
std::optional<QColor> opaqueFill(const QQuickItem *item)
{
    if (!item || !item->isVisible() || item->opacity() < 0.99 || !item->inherits("QQuickRectangle"))
        return std::nullopt;
    const QColor color = item->property("color").value<QColor>();
    if (color.alphaF() < 0.99)
        return std::nullopt;
    return color;
}

bool covers(const QQuickItem *below, const QQuickItem *item)
{
    const QRectF box = below->mapRectToScene(QRectF(0, 0, below->width(), below->height()));
    return box.contains(item->mapToScene(QPointF(item->width() / 2, item->height() / 2)));
}

// What is painted behind `item`: walking up from the text, the item's own background (a Label
// or Control paints it below its content), then opaque Rectangles stacked below it among its
// siblings (a card's fill declared before its content), then the parent itself if it is an
// opaque Rectangle, and so on; the window colour when nothing opaque is found.
QColor backgroundBehind(const QQuickItem *item, const QQuickWindow *window)
{
    for (const QQuickItem *up = item; up; up = up->parentItem()) {
        if (up != item) {
            if (auto fill = opaqueFill(up))
                return *fill;
        }
        if (const auto *background = qvariant_cast<QQuickItem *>(up->property("background"))) {
            if (auto fill = opaqueFill(background); fill && covers(background, item))
                return *fill;
        }
        const QQuickItem *parent = up->parentItem();
        if (!parent)
            break;
        const auto siblings = parent->childItems();
        const qsizetype index = siblings.indexOf(const_cast<QQuickItem *>(up));
        for (qsizetype i = siblings.size() - 1; i >= 0; --i) {
            const QQuickItem *sibling = siblings.at(i);
            const bool below = sibling->z() < up->z() || (sibling->z() == up->z() && i < index);
            if (sibling == up || !below)
                continue;
            if (auto fill = opaqueFill(sibling); fill && covers(sibling, item))
                return *fill;
        }
    }
    return window->color();
}

double effectiveOpacity(const QQuickItem *item)
{
    double opacity = 1.0;
    for (const QQuickItem *up = item; up; up = up->parentItem())
        opacity *= up->opacity();
    return opacity;
}

double luminance(const QColor &color)
{
    const auto linear = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) +
           0.0722 * linear(color.blueF());
}

bool isText(const QQuickItem *item)
{
    return item->inherits("QQuickText") || item->inherits("QQuickTextInput") ||
           item->inherits("QQuickTextEdit");
}

// Controls a person operates. Read-only text (selectable labels) is not one.
bool isControl(const QQuickItem *item)
{
    if (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"))
        return !item->property("readOnly").toBool();
    return item->inherits("QQuickAbstractButton") || item->inherits("QQuickSlider") ||
           item->inherits("QQuickRangeSlider") || item->inherits("QQuickComboBox") ||
           item->inherits("QQuickSpinBox") || item->inherits("QQuickDial") ||
           item->inherits("QQuickTumbler");
}

void collectControls(QQuickItem *item, QList<QQuickItem *> &controls)
{
    if (!item->isVisible() || item->opacity() <= 0.0 || !item->isEnabled())
        return;
    if (isControl(item))
        controls << item;
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        collectControls(child, controls);
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

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void checkContrast(QQuickWindow *window, QQuickItem *item, const QString &where)
{
    constexpr double kMinimum = 4.5;
    if (!item->isVisible() || item->opacity() <= 0.0)
        return;
    if (isText(item) && item->isEnabled() && !item->property("text").toString().isEmpty()) {
        const QColor background = backgroundBehind(item, window);
        QColor ink = item->property("color").value<QColor>();
        // A translucent text (or one in a faded item) shows a mix of its colour and what is
        // behind it.
        const double alpha = ink.alphaF() * effectiveOpacity(item);
        ink = QColor::fromRgbF(float(alpha * ink.redF() + (1 - alpha) * background.redF()),
                               float(alpha * ink.greenF() + (1 - alpha) * background.greenF()),
                               float(alpha * ink.blueF() + (1 - alpha) * background.blueF()));
        if (const double ratio = contrastRatio(ink, background); ratio < kMinimum)
            g_problems << where + QStringLiteral(": text ") + describe(item) +
                              QStringLiteral(" has contrast %1:1 (%2 on %3), under 4.5:1")
                                  .arg(ratio, 0, 'f', 2)
                                  .arg(ink.name(), background.name());
    }
    const auto children = item->childItems();
    for (QQuickItem *child : children)
        checkContrast(window, child, where);
}

void checkKeyboard(QQuickItem *page, const QString &where)
{
    // The window's Tab chain, once round from the page.
    QSet<QQuickItem *> chain;
    QQuickItem *first = page->nextItemInFocusChain(true);
    for (QQuickItem *next = first; next && !chain.contains(next);
         next = next->nextItemInFocusChain(true))
        chain.insert(next);

    QList<QQuickItem *> controls;
    collectControls(page, controls);
    for (QQuickItem *control : std::as_const(controls)) {
        // A TextField's text input is the field itself; a control inside another control
        // (a spin box's editor) is reached through its owner.
        bool reached = chain.contains(control);
        for (QQuickItem *up = control->parentItem(); !reached && up && up != page;
             up = up->parentItem())
            reached = chain.contains(up) && isControl(up);
        if (!reached)
            g_problems << where + QStringLiteral(": control ") + describe(control) +
                              QStringLiteral(" (%1) is not reachable with Tab")
                                  .arg(QString::fromLatin1(control->metaObject()->className()));
    }

    // A multi-line field types a tab character on Tab unless told otherwise: a keyboard trap
    // (WCAG 2.1.2). Press Tab in each one and see whether focus leaves it.
    for (QQuickItem *item : std::as_const(chain)) {
        if (!page->isAncestorOf(item) || !item->isVisible() || !item->isEnabled() ||
            !item->inherits("QQuickTextEdit") || item->property("readOnly").toBool() ||
            !item->window())
            continue;
        item->forceActiveFocus(Qt::TabFocusReason);
        const QString before = item->property("text").toString();
        const QString description = describe(item);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Tab, Qt::NoModifier, QStringLiteral("\t"));
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_Tab, Qt::NoModifier, QStringLiteral("\t"));
        QCoreApplication::sendEvent(item->window(), &press);
        QCoreApplication::sendEvent(item->window(), &release);
        if (item->hasActiveFocus())
            g_problems << where + QStringLiteral(": ") + description +
                              QStringLiteral(" (%1) keeps focus on Tab (a keyboard trap)")
                                  .arg(QString::fromLatin1(item->metaObject()->className()));
        if (item->property("text").toString() != before)
            item->setProperty("text", before);
    }

    for (QQuickItem *item : std::as_const(chain)) {
        if (!page->isAncestorOf(item) || !item->isVisible())
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(item);
        const QAccessible::Role role = accessible ? accessible->role() : QAccessible::NoRole;
        if (role == QAccessible::NoRole || role == QAccessible::Client) {
            g_problems << where + QStringLiteral(": ") + describe(item) +
                              QStringLiteral(" (%1) takes focus but has no accessible role")
                                  .arg(QString::fromLatin1(item->metaObject()->className()));
            continue;
        }
        // Qt 6.4 reports no name for a password field; its label is in the description.
        const bool password = accessible->state().passwordEdit;
        const QString name =
            accessible->text(password ? QAccessible::Description : QAccessible::Name);
        if (name.trimmed().isEmpty() && role != QAccessible::PageTab && role != QAccessible::Pane &&
            role != QAccessible::Grouping)
            g_problems << where + QStringLiteral(": ") + describe(item) +
                              QStringLiteral(" (%1) takes focus but has no accessible name")
                                  .arg(QString::fromLatin1(item->metaObject()->className()));
    }
}

// Instantiates one page on top of the shell; returns false on a load or creation error.
bool loadPage(QQmlApplicationEngine &engine, QQuickWindow *window, const QString &pagesUrl,
              const QString &fileName, const QString &screenshotPath, const QString &fitCheckName,
              const std::function<void(QQuickItem *)> &inspect)
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
    if (inspect)
        inspect(item);
    delete item;
    return true;
}

int loadPagesInVariants(QQmlApplicationEngine &engine, QQuickWindow *window,
                        Preferences &preferences, const std::vector<Variant> &variants,
                        const QStringList &pages, const PageSweep &sweep, int *variantsRun)
{
    int loaded = 0;
    int run = 0;
    for (const Variant &variant : variants) {
        if (variant.accessibilityOnly && !sweep.checkAccessibility)
            continue;
        ++run;
        preferences.setThemeMode(variant.theme);
        preferences.setHighContrast(variant.highContrast);
        preferences.setFontScale(variant.fontScale);
        window->resize(variant.size);
        settle();
        const QString variantName = QString::fromLatin1(variant.name);
        const QString prefix = sweep.screenshotDirectory.isEmpty()
                                   ? QString()
                                   : sweep.screenshotDirectory + u'/' + variantName + u'-';
        if (!prefix.isEmpty())
            saveScreenshot(window, prefix + sweep.shellName + QStringLiteral(".png"));
        const auto fitName = [&](const QString &what) {
            return sweep.checkTextFit ? variantName + u' ' + what : QString();
        };
        if (sweep.checkTextFit)
            checkTextFit(window->contentItem(), window->contentItem(), fitName(sweep.shellName));
        if (sweep.checkAccessibility) {
            checkContrast(window, window->contentItem(), variantName + u' ' + sweep.shellName);
            checkKeyboard(window->contentItem(), variantName + u' ' + sweep.shellName);
        }
        for (const QString &page : pages) {
            const QString shot =
                prefix.isEmpty()
                    ? QString()
                    : prefix + QString(page).replace(QLatin1String(".qml"), QLatin1String(".png"));
            const auto inspect = [&](QQuickItem *item) {
                if (!sweep.checkAccessibility)
                    return;
                checkContrast(window, item, variantName + u' ' + page);
                checkKeyboard(item, variantName + u' ' + page);
            };
            if (loadPage(engine, window, sweep.pagesUrl, page, shot, fitName(page), inspect))
                ++loaded;
        }
    }
    if (variantsRun)
        *variantsRun = run;
    return loaded;
}

} // namespace companion::presentation::selftest
