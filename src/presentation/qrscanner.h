#pragma once

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>
#include <QVideoSink>

namespace companion::presentation {

class PermissionController;
class SyncController;

// Reads QR codes from the camera for "Connect to a clinic": takes frames from a QVideoSink (the
// VideoOutput's), turns at most a few per second into a QImage and decodes it with zbar on a
// worker thread. A payload goes straight to the SyncController in C++ (a device link holds a
// secret that must never become a QML string); QML only hears found().
class QrScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVideoSink *videoSink READ videoSink WRITE setVideoSink NOTIFY videoSinkChanged)
    Q_PROPERTY(companion::presentation::SyncController *controller READ controller WRITE
                   setController NOTIFY controllerChanged)
    // False on a desktop without a camera (and under the offscreen test platform): the page
    // says so and offers an image file or the typed code instead.
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable CONSTANT)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // The camera permission (docs/adr/0028); null: nothing to ask (tests).
    Q_PROPERTY(companion::presentation::PermissionController *permission READ permission WRITE
                   setPermission NOTIFY cameraStateChanged)
    // What the page shows: the preview only with a camera and the permission; while the system
    // prompt is open, a line that says so; after a refusal, why there is no preview and the
    // other ways in (a picture of the code, the typed code).
    Q_PROPERTY(bool cameraReady READ cameraReady NOTIFY cameraStateChanged)
    Q_PROPERTY(bool cameraAsking READ cameraAsking NOTIFY cameraStateChanged)
    Q_PROPERTY(bool cameraRefused READ cameraRefused NOTIFY cameraStateChanged)

public:
    explicit QrScanner(QObject *parent = nullptr);
    ~QrScanner() override;

    QVideoSink *videoSink() const { return m_sink; }
    void setVideoSink(QVideoSink *sink);
    SyncController *controller() const { return m_controller; }
    void setController(SyncController *controller);
    bool cameraAvailable() const;
    bool active() const { return m_active; }
    void setActive(bool active);
    PermissionController *permission() const { return m_permission; }
    void setPermission(PermissionController *permission);
    bool cameraReady() const;
    bool cameraAsking() const;
    bool cameraRefused() const;

    // The page opened: with a camera whose permission was never asked, ask now, before any
    // preview starts. Without a camera nothing is asked.
    Q_INVOKABLE void start();

    // One image, decoded here and now (tests; frames go through the worker instead).
    bool offerImage(const QImage &image);

signals:
    void videoSinkChanged();
    void controllerChanged();
    void activeChanged();
    void cameraStateChanged();
    // A Companion link was read and handed to the controller.
    void found();

private:
    void onFrame(const QVideoFrame &frame);
    void onDecoded();
    bool deliver(const QList<QByteArray> &payloads);

    QPointer<QVideoSink> m_sink;
    QPointer<SyncController> m_controller;
    QPointer<PermissionController> m_permission;
    bool m_active = true;
    QElapsedTimer m_sinceLast;
    QFutureWatcher<QList<QByteArray>> m_worker;
};

} // namespace companion::presentation
