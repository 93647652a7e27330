#include "platform/linux/autostart.h"

#include "platform/schedulefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace companion::platform::autostart {

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           u"/autostart/companion.desktop"_s;
}

QString quoteExecArgument(const QString &argument)
{
    // Reserved characters force quoting; inside quotes " ` $ \ are escaped with a backslash.
    static const QString reserved = u" \t\n\"'\\><~|&;$*?#()`"_s;
    QString escaped = argument;
    escaped.replace(u'%', u"%%"_s); // field codes
    const bool needsQuotes =
        argument.isEmpty() ||
        std::any_of(argument.begin(), argument.end(), [](QChar c) { return reserved.contains(c); });
    if (!needsQuotes)
        return escaped;
    QString quoted;
    for (const QChar c : escaped) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    return u'"' + quoted + u'"';
}

QString entryText(const QString &program, const QStringList &arguments)
{
    QStringList exec{quoteExecArgument(program)};
    for (const QString &argument : arguments)
        exec << quoteExecArgument(argument);
    // The value of a desktop-entry string escapes backslashes once more (spec: "the escape
    // rules are applied after the quoting rules").
    QString execValue = exec.join(u' ');
    execValue.replace(u"\\"_s, u"\\\\"_s);
    return u"[Desktop Entry]\n"
           u"Type=Application\n"
           u"Name=Companion reminders\n"
           u"Comment=Shows Companion's reminders while the app is closed\n"
           u"Exec="_s +
           execValue +
           u"\n"
           u"Icon=org.companionapp.Companion\n"
           u"Terminal=false\n"
           u"NoDisplay=true\n"
           u"X-GNOME-Autostart-enabled=true\n"_s;
}

Result<void> enable(const QString &program, const QStringList &arguments)
{
    const QString path = entryPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(ErrorCode::Io, u"cannot create the autostart folder"_s);
    return writeFileAtomically(path, entryText(program, arguments).toUtf8(), 0644);
}

Result<void> disable()
{
    QFile file(entryPath());
    if (file.exists() && !file.remove())
        return makeError(ErrorCode::Io, u"cannot remove %1"_s.arg(file.fileName()));
    return {};
}

Result<void> disableForProfile(const QString &profileDirectory)
{
    QFile entry(entryPath());
    if (!entry.exists())
        return {};
    if (!entry.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, u"cannot read %1"_s.arg(entry.fileName()));
    // The whole quoted argument at the end of the Exec line, so /a/profile never matches an
    // entry for /a/profile2.
    const QString exec = u" --profile "_s +
                         quoteExecArgument(QFileInfo(profileDirectory).absoluteFilePath()) +
                         u"\n"_s;
    if (!QString::fromUtf8(entry.readAll()).contains(exec))
        return {};
    entry.close();
    return disable();
}

bool isEnabled()
{
    return QFileInfo::exists(entryPath());
}

} // namespace companion::platform::autostart
