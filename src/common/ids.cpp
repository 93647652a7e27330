#include "common/ids.h"

namespace companion {

RecordId RecordId::generate()
{
    // QUuid::createUuid draws from QRandomGenerator::system(), the OS CSPRNG.
    return RecordId(QUuid::createUuid());
}

RecordId RecordId::fromString(const QString &text)
{
    if (text.size() != 36)
        return {};
    const QUuid uuid = QUuid::fromString(text);
    if (uuid.isNull() || uuid.version() != QUuid::Random)
        return {};
    return RecordId(uuid);
}

RecordId RecordId::fromUtf8(QByteArrayView text)
{
    if (text.size() != 36)
        return {};
    const QUuid uuid = QUuid::fromString(QUtf8StringView(text));
    if (uuid.isNull() || uuid.version() != QUuid::Random)
        return {};
    return RecordId(uuid);
}

QString RecordId::toString() const
{
    return m_uuid.toString(QUuid::WithoutBraces);
}

} // namespace companion
