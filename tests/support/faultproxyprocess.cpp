#include "support/faultproxyprocess.h"

#include <catch2/catch.hpp>

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>

namespace companion::testing {

FaultProxy::FaultProxy(std::uint16_t upstreamPort, const FaultProxyOptions &options)
{
    FaultProxyOptions withStats = options;
    if (withStats.statsFile.isEmpty())
        withStats.statsFile = m_dir.file(QStringLiteral("stats.json"));
    m_statsFile = withStats.statsFile;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(QStringLiteral(COMPANION_FAULTPROXY_PATH),
                     QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--upstream"),
                                 QStringLiteral("127.0.0.1:%1").arg(upstreamPort)} +
                         withStats.toArguments());
    REQUIRE(m_process->waitForStarted(10000));
    // The proxy prints exactly one line once it is bound.
    QByteArray line;
    QDeadlineTimer deadline(10000);
    while (!line.endsWith('\n') && !deadline.hasExpired() &&
           m_process->state() == QProcess::Running) {
        if (m_process->waitForReadyRead(100))
            line += m_process->readLine();
    }
    INFO(line.toStdString());
    REQUIRE(line.startsWith("listening on 127.0.0.1:"));
    m_port = static_cast<std::uint16_t>(line.trimmed().mid(23).toUInt());
    REQUIRE(m_port != 0);
}

FaultProxy::~FaultProxy()
{
    if (running()) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool FaultProxy::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

void FaultProxy::stop()
{
    if (!running())
        return;
    m_process->terminate();
    REQUIRE(m_process->waitForFinished(10000));
    CHECK(m_process->exitStatus() == QProcess::NormalExit);
    CHECK(m_process->exitCode() == 0);
}

QJsonObject FaultProxy::stats()
{
    stop();
    QFile file(m_statsFile);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    REQUIRE(document.isObject());
    return document.object();
}

} // namespace companion::testing
