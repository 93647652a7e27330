#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class QQmlComponent;
class QQmlEngine;
class QQuickWindow;

namespace companion::presentation {

// Compiles a QML document in the background once a window has shown its first frame, so the
// first screen is not kept waiting for pages it does not show (ADR 0029). The patient app uses it
// for the shell: AppRoot loads pages by URL, so the shell's type tree (every page, its imports,
// Qt Multimedia, Qt Quick Dialogs) is no longer compiled before the unlock page appears, and this
// gets it compiled while the patient types the passphrase. The compiled component is kept, so the
// engine's type cache holds it when AppRoot's Loader asks for the same URL after the unlock; an
// unlock before it is done waits for the same compilation instead of starting a second one.
class ShellPreloader : public QObject
{
    Q_OBJECT

public:
    ShellPreloader(QQmlEngine &engine, QUrl url, QObject *parent = nullptr);
    ~ShellPreloader() override;

    // Starts the background compilation at `window`'s first frameSwapped (once).
    void startAfterFirstFrame(QQuickWindow *window);
    // Starts it now (also what the first frame triggers; later calls do nothing).
    void start();

    bool started() const { return m_component != nullptr; }
    // Compiled without errors.
    bool ready() const;

signals:
    // The compilation finished (ready() says whether it succeeded).
    void finished();

private:
    QQmlEngine &m_engine;
    QUrl m_url;
    std::unique_ptr<QQmlComponent> m_component;
};

} // namespace companion::presentation
