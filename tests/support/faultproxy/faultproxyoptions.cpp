#include "support/faultproxy/faultproxyoptions.h"

namespace companion::faultproxy {

namespace {

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

// "HOST:PORT" with a numeric port (0 allowed only where the caller says so).
Result<std::pair<QString, std::uint16_t>> parseEndpoint(const QString &option, const QString &text,
                                                        bool allowZero)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return invalid(option + QStringLiteral(": expected HOST:PORT"));
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowZero))
        return invalid(option + QStringLiteral(": not a port number"));
    return std::pair{text.left(colon), static_cast<std::uint16_t>(port)};
}

Result<double> parseProbability(const QString &option, const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        return invalid(option + QStringLiteral(": expected a probability from 0 to 1"));
    return value;
}

} // namespace

QStringList FaultProxyOptions::toArguments() const
{
    QStringList arguments{QStringLiteral("--seed"), QString::number(seed)};
    const auto probability = [&arguments](const char *option, double value) {
        if (value > 0)
            arguments << QLatin1String(option) << QString::number(value, 'g', 17);
    };
    probability("--drop-response", dropResponse);
    probability("--duplicate", duplicate);
    probability("--reorder", reorder);
    probability("--reset-mid-body", resetMidBody);
    if (delayMs > 0)
        arguments << QStringLiteral("--delay-ms") << QString::number(delayMs);
    if (!statsFile.isEmpty())
        arguments << QStringLiteral("--stats") << statsFile;
    if (!captureFile.isEmpty())
        arguments << QStringLiteral("--capture") << captureFile;
    return arguments;
}

Result<ProxyCommandLine> parseCommandLine(const QStringList &arguments)
{
    ProxyCommandLine line;
    bool haveListen = false;
    bool haveUpstream = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &option = arguments[i];
        if (i + 1 >= arguments.size())
            return invalid(option + QStringLiteral(": missing value (or unknown option)"));
        const QString value = arguments[++i];
        FaultProxyOptions &o = line.options;
        if (option == QLatin1String("--listen")) {
            auto endpoint = parseEndpoint(option, value, true);
            if (!endpoint)
                return endpoint.error();
            std::tie(line.listenHost, line.listenPort) = *endpoint;
            haveListen = true;
        } else if (option == QLatin1String("--upstream")) {
            auto endpoint = parseEndpoint(option, value, false);
            if (!endpoint)
                return endpoint.error();
            std::tie(line.upstreamHost, line.upstreamPort) = *endpoint;
            haveUpstream = true;
        } else if (option == QLatin1String("--seed")) {
            bool ok = false;
            o.seed = value.toULongLong(&ok);
            if (!ok)
                return invalid(option + QStringLiteral(": expected an unsigned integer"));
        } else if (option == QLatin1String("--delay-ms")) {
            bool ok = false;
            o.delayMs = value.toInt(&ok);
            if (!ok || o.delayMs < 0 || o.delayMs > 600000)
                return invalid(option + QStringLiteral(": expected 0 to 600000"));
        } else if (option == QLatin1String("--stats")) {
            if (value.isEmpty())
                return invalid(option + QStringLiteral(": expected a file name"));
            o.statsFile = value;
        } else if (option == QLatin1String("--capture")) {
            if (value.isEmpty())
                return invalid(option + QStringLiteral(": expected a file name"));
            o.captureFile = value;
        } else {
            double *target = option == QLatin1String("--drop-response")    ? &o.dropResponse
                             : option == QLatin1String("--duplicate")      ? &o.duplicate
                             : option == QLatin1String("--reorder")        ? &o.reorder
                             : option == QLatin1String("--reset-mid-body") ? &o.resetMidBody
                                                                           : nullptr;
            if (!target)
                return invalid(option + QStringLiteral(": unknown option"));
            auto probability = parseProbability(option, value);
            if (!probability)
                return probability.error();
            *target = *probability;
        }
    }
    if (!haveListen || !haveUpstream)
        return invalid(QStringLiteral("--listen and --upstream are required"));
    const FaultProxyOptions &o = line.options;
    // A small tolerance so "0.1 0.2 0.3 0.4" (which sums to 1.0000000000000002) is accepted.
    if (o.dropResponse + o.duplicate + o.reorder + o.resetMidBody > 1.0 + 1e-9)
        return invalid(QStringLiteral("the fault probabilities add up to more than 1 (at most one "
                                      "fault per request)"));
    return line;
}

QString usage()
{
    return QStringLiteral(
        "usage: companion-faultproxy --listen HOST:PORT --upstream HOST:PORT [--seed N]\n"
        "           [--drop-response P] [--duplicate P] [--reorder P] [--reset-mid-body P]\n"
        "           [--delay-ms MS] [--stats FILE] [--capture FILE]\n");
}

} // namespace companion::faultproxy
