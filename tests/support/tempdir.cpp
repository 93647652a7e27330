#include "support/tempdir.h"

#include <QFile>

namespace companion::testing {

TempDir::TempDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/companion-test-XXXXXX"))
{}

bool flipBit(const QString &path, qint64 offset, int bit)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const qint64 position = offset >= 0 ? offset : file.size() + offset;
    if (position < 0 || position >= file.size() || !file.seek(position))
        return false;
    char byte = 0;
    if (file.read(&byte, 1) != 1 || !file.seek(position))
        return false;
    byte = static_cast<char>(byte ^ (1 << bit));
    return file.write(&byte, 1) == 1;
}

} // namespace companion::testing
