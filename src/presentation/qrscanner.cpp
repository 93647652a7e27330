#include "presentation/qrscanner.h"

#include "presentation/permissioncontroller.h"
#include "presentation/synccontroller.h"
#include "qr/qrdecoder.h"

#include <QCameraDevice>
#include <QMediaDevices>
#include <QtConcurrent/QtConcurrentRun>
#include <QVideoFrame>

namespace companion::presentation {

namespace {

// A few decodes a second find a code as fast as a person holds it still, and leave the CPU to
// the camera preview.
constexpr int kFrameIntervalMs = 250;
// Camera frames are scaled to this before zbar sees them: a QR code that fills a good part of
// the frame still has several pixels per module.
constexpr int kFrameSide = 1024;

} // namespace

QrScanner::QrScanner(QObject *parent)
    : QObject(parent)
{
    connect(&m_worker, &QFutureWatcher<QList<QByteArray>>::finished, this, &QrScanner::onDecoded);
}

QrScanner::~QrScanner()
{
    m_worker.waitForFinished();
}

void QrScanner::setVideoSink(QVideoSink *sink)
{
    if (m_sink == sink)
        return;
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink = sink;
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &QrScanner::onFrame);
    emit videoSinkChanged();
}

void QrScanner::setController(SyncController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    emit controllerChanged();
}

bool QrScanner::cameraAvailable() const
{
    return !QMediaDevices::videoInputs().isEmpty();
}

void QrScanner::setPermission(PermissionController *permission)
{
    if (m_permission == permission)
        return;
    if (m_permission)
        disconnect(m_permission, nullptr, this, nullptr);
    m_permission = permission;
    if (m_permission) {
        connect(m_permission, &PermissionController::stateChanged, this,
                &QrScanner::cameraStateChanged);
    }
    emit cameraStateChanged();
}

bool QrScanner::cameraReady() const
{
    return cameraAvailable() && (!m_permission || m_permission->granted());
}

bool QrScanner::cameraAsking() const
{
    return cameraAvailable() && m_permission &&
           m_permission->state() != PermissionController::State::Granted &&
           m_permission->state() != PermissionController::State::Denied;
}

bool QrScanner::cameraRefused() const
{
    return cameraAvailable() && m_permission && m_permission->denied();
}

void QrScanner::start()
{
    if (cameraAvailable() && m_permission)
        m_permission->askIfUnknown();
}

void QrScanner::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
}

bool QrScanner::offerImage(const QImage &image)
{
    return deliver(qr::decodeImage(image));
}

void QrScanner::onFrame(const QVideoFrame &frame)
{
    if (!m_active || m_worker.isRunning() ||
        (m_sinceLast.isValid() && m_sinceLast.elapsed() < kFrameIntervalMs))
        return;
    m_sinceLast.start();
    QImage image = frame.toImage();
    if (image.isNull())
        return;
    if (image.width() > kFrameSide || image.height() > kFrameSide)
        image = image.scaled(kFrameSide, kFrameSide, Qt::KeepAspectRatio, Qt::FastTransformation);
    m_worker.setFuture(
        QtConcurrent::run([image = std::move(image)] { return qr::decodeImage(image); }));
}

void QrScanner::onDecoded()
{
    if (m_active)
        deliver(m_worker.result());
}

bool QrScanner::deliver(const QList<QByteArray> &payloads)
{
    if (!m_controller)
        return false;
    for (const QByteArray &payload : payloads) {
        if (m_controller->acceptScannedLink(payload)) {
            setActive(false);
            emit found();
            return true;
        }
    }
    return false;
}

} // namespace companion::presentation
