#pragma once

#include <QString>
#include <QTemporaryDir>

namespace companion::testing {

// A temporary directory removed at the end of the test; path() is a fresh, empty folder.
class TempDir
{
public:
    TempDir();
    QString path() const { return m_dir.path(); }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// Flips one bit of the byte at `offset` in `path` (negative offsets count from the end).
bool flipBit(const QString &path, qint64 offset, int bit = 0);

} // namespace companion::testing
