#pragma once

#include <QByteArrayView>
#include <QString>
#include <QUuid>

namespace companion {

// Identifier of a user record: a random (version 4) UUID, so devices can create records offline
// without coordinating and ids reveal nothing about time or device.
class RecordId
{
public:
    RecordId() = default;
    static RecordId generate();
    // Accepts the canonical 36-character form; returns a null id for anything else.
    static RecordId fromString(const QString &text);
    // The same from UTF-8 bytes (as stored), without building a QString first.
    static RecordId fromUtf8(QByteArrayView text);

    bool isNull() const { return m_uuid.isNull(); }
    QString toString() const; // lower-case, no braces
    QUuid uuid() const { return m_uuid; }

    friend bool operator==(const RecordId &, const RecordId &) = default;
    friend auto operator<=>(const RecordId &a, const RecordId &b)
    {
        return a.toString().compare(b.toString()) <=> 0;
    }

private:
    explicit RecordId(QUuid uuid)
        : m_uuid(uuid)
    {}
    QUuid m_uuid;
};

} // namespace companion
