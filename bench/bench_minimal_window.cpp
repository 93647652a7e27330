// bench_minimal_window: the baseline of the first-frame rows — a minimal Qt Quick application
// (QGuiApplication, QQmlApplicationEngine, one Window with one Text) that reports its first frame
// and memory exactly as `companion --report-first-frame` does, then exits. Run by
// bench_first_frame; links only Qt (the report helper is header-only).
#include "presentation/firstframereport.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreated, &app,
                     [](QObject *object, const QUrl &) {
                         if (auto *window = qobject_cast<QQuickWindow *>(object))
                             companion::presentation::reportFirstFrameAndQuit(window);
                     });
    // The same window size as the patient app's Main.qml.
    engine.loadData("import QtQuick\n"
                    "Window { width: 1024; height: 720; visible: true\n"
                    "    Text { anchors.centerIn: parent; text: \"Hello\" } }\n");
    if (engine.rootObjects().isEmpty())
        return 1;
    return app.exec();
}
