#include "presentation/shellpreloader.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickWindow>

namespace companion::presentation {

ShellPreloader::ShellPreloader(QQmlEngine &engine, QUrl url, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_url(std::move(url))
{}

ShellPreloader::~ShellPreloader() = default;

void ShellPreloader::startAfterFirstFrame(QQuickWindow *window)
{
    if (!window)
        return;
    // frameSwapped may come from the render thread: queued to this (GUI-thread) object, and one
    // shot, so later frames cost nothing.
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        window, &QQuickWindow::frameSwapped, this,
        [this, connection] {
            disconnect(*connection);
            start();
        },
        Qt::QueuedConnection);
}

void ShellPreloader::start()
{
    if (m_component)
        return;
    // Asynchronous: parsing, type resolution and the imports' plugins happen on the engine's
    // type-loader thread, and the GUI thread keeps handling input (a passphrase typed meanwhile).
    m_component = std::make_unique<QQmlComponent>(&m_engine, m_url, QQmlComponent::Asynchronous);
    if (!m_component->isLoading()) {
        emit finished();
        return;
    }
    connect(m_component.get(), &QQmlComponent::statusChanged, this,
            [this](QQmlComponent::Status status) {
                if (status != QQmlComponent::Loading)
                    emit finished();
            });
}

bool ShellPreloader::ready() const
{
    return m_component && m_component->isReady();
}

} // namespace companion::presentation
