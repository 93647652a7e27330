#pragma once

#include <QLoggingCategory>

// The server logs events, route patterns (never the target: it carries ids), status codes and
// timings. Never request bodies, tokens, codes or SQL bound values (docs/threat-model.md).
Q_DECLARE_LOGGING_CATEGORY(lcServer)
