#include "platform/schedulefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace companion::platform {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

Error ioError(const QString &what, const QString &path)
{
    return makeError(ErrorCode::Io,
                     u"%1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

bool writeAllBytes(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n =
            ::write(fd, bytes.constData() + done, static_cast<std::size_t>(bytes.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        done += n;
    }
    return true;
}

} // namespace

QString scheduleFilePath(const QString &profileDirectory)
{
    return QDir(profileDirectory).filePath(u"reminders.json"_s);
}

Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes, int mode)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    // A fresh name in the same folder (rename is atomic only within one file system).
    QString temporary;
    int fd = -1;
    for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
        temporary = info.absoluteFilePath() + u".tmp-"_s + QString::number(::getpid()) + u'-' +
                    QString::number(attempt);
        fd =
            ::open(QFile::encodeName(temporary).constData(),
                   O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, static_cast<mode_t>(mode));
        if (fd < 0 && errno != EEXIST)
            return ioError(u"cannot create"_s, temporary);
    }
    if (fd < 0)
        return ioError(u"cannot create"_s, temporary);
    ::fchmod(fd, static_cast<mode_t>(mode)); // the umask may have removed bits we asked for
    const QByteArray encoded = QFile::encodeName(temporary);
    if (!writeAllBytes(fd, bytes) || ::fsync(fd) != 0) {
        const Error error = ioError(u"cannot write"_s, temporary);
        ::close(fd);
        ::unlink(encoded.constData());
        return error;
    }
    if (::close(fd) != 0) {
        ::unlink(encoded.constData());
        return ioError(u"cannot write"_s, temporary);
    }
    if (::rename(encoded.constData(), QFile::encodeName(path).constData()) != 0) {
        const Error error = ioError(u"cannot replace"_s, path);
        ::unlink(encoded.constData());
        return error;
    }
    // The rename is durable only once the folder's entry is on disk.
    const int dirFd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Result<void> writeScheduleFile(const QString &path, const std::vector<ScheduledReminder> &reminders)
{
    if (reminders.size() > static_cast<std::size_t>(kMaxScheduledReminders))
        return makeError(ErrorCode::InvalidInput, u"too many reminders to schedule"_s);
    QJsonArray list;
    for (const ScheduledReminder &reminder : reminders) {
        if (reminder.id.isEmpty() || !reminder.fireAt.isValid() ||
            reminder.text.size() > kMaxScheduledTextLength)
            return makeError(ErrorCode::InvalidInput, u"a reminder is missing its id or time"_s);
        list.append(QJsonObject{{u"id"_s, reminder.id},
                                {u"fireAt"_s, isoUtc(reminder.fireAt)},
                                {u"text"_s, reminder.text}});
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{u"format"_s, 1}, {u"reminders"_s, list}})
                                 .toJson(QJsonDocument::Indented);
    return writeFileAtomically(path, bytes);
}

Result<std::vector<ScheduledReminder>> readScheduleFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::vector<ScheduledReminder>();
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, u"cannot read %1"_s.arg(path));
    const QByteArray bytes = file.read(kMaxScheduleFileBytes + 1);
    if (bytes.size() > kMaxScheduleFileBytes)
        return makeError(ErrorCode::InvalidInput, u"the reminder schedule is too large"_s);
    const QJsonDocument document = QJsonDocument::fromJson(bytes);
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toInt() != 1 ||
        !root.value(u"reminders"_s).isArray())
        return makeError(ErrorCode::InvalidInput, u"the reminder schedule is not format 1"_s);
    std::vector<ScheduledReminder> reminders;
    for (const QJsonValue &value : root.value(u"reminders"_s).toArray()) {
        const QJsonObject object = value.toObject();
        ScheduledReminder reminder{
            object.value(u"id"_s).toString(),
            QDateTime::fromString(object.value(u"fireAt"_s).toString(), Qt::ISODateWithMs),
            object.value(u"text"_s).toString()};
        if (reminder.id.isEmpty() || !reminder.fireAt.isValid() || reminder.text.isEmpty() ||
            reminder.text.size() > kMaxScheduledTextLength)
            return makeError(ErrorCode::InvalidInput, u"the reminder schedule has a bad entry"_s);
        reminder.fireAt = reminder.fireAt.toUTC();
        reminders.push_back(std::move(reminder));
        if (reminders.size() > static_cast<std::size_t>(kMaxScheduledReminders))
            return makeError(ErrorCode::InvalidInput, u"the reminder schedule is too long"_s);
    }
    return reminders;
}

} // namespace companion::platform
