#include "support/faultproxy/proxystats.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace companion::faultproxy {

QByteArray ProxyStats::toJson() const
{
    const QJsonObject object{
        {QStringLiteral("requests"), static_cast<qint64>(requests)},
        {QStringLiteral("forwarded"), static_cast<qint64>(forwarded)},
        {QStringLiteral("answered"), static_cast<qint64>(answered)},
        {QStringLiteral("drop_response"), static_cast<qint64>(dropResponse)},
        {QStringLiteral("duplicate"), static_cast<qint64>(duplicate)},
        {QStringLiteral("reorder"), static_cast<qint64>(reorder)},
        {QStringLiteral("reset_mid_body"), static_cast<qint64>(resetMidBody)},
        {QStringLiteral("late_delivered"), static_cast<qint64>(lateDelivered)},
        {QStringLiteral("upstream_errors"), static_cast<qint64>(upstreamErrors)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<void> ProxyStats::writeFile(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson()) < 0 || !file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the stats file"));
    return {};
}

} // namespace companion::faultproxy
