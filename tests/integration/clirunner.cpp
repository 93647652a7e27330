#include "clirunner.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace companion::testing {

namespace {

bool containsSecret(const QByteArray &stream, const QByteArray &secret)
{
    return !secret.isEmpty() && stream.contains(secret);
}

// Set while the pristine profile is being created, so the leak check does not recurse into it.
bool g_creatingPristine = false;

} // namespace

CliResult runCli(const QStringList &arguments, const QByteArray &input, bool mayPrintRecoveryKey)
{
    QProcess process;
    process.setProgram(QStringLiteral(COMPANION_CLI_PATH));
    process.setArguments(arguments);
    process.start();
    REQUIRE(process.waitForStarted(10000));
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    // A crash is never an acceptable answer, whatever the input.
    REQUIRE(process.exitStatus() == QProcess::NormalExit);

    CliResult result{process.exitCode(), process.readAllStandardOutput(),
                     process.readAllStandardError()};
    INFO("companion-cli " << arguments.join(u' ').toStdString());
    INFO("stderr: " << result.err.toStdString());
    for (const QByteArray &secret : {kPassphrase, kNewPassphrase, kWrongPassphrase}) {
        CHECK_FALSE(containsSecret(result.out, secret));
        CHECK_FALSE(containsSecret(result.err, secret));
    }
    if (!g_creatingPristine) {
        const QByteArray &key = pristineProfile().recoveryKey;
        CHECK_FALSE(containsSecret(result.err, key));
        if (!mayPrintRecoveryKey)
            CHECK_FALSE(containsSecret(result.out, key));
    }
    return result;
}

QString writeSecretFile(const TempDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.file(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(content + '\n') == content.size() + 1);
    return path;
}

const PristineProfile &pristineProfile()
{
    // Owned by a static, so its temp dir is removed when the test process exits.
    static const std::unique_ptr<PristineProfile> profile = [] {
        auto created = std::make_unique<PristineProfile>();
        created->directory = created->root.file(u"profile"_s);
        created->recoveryKeyFile = created->root.file(u"recovery.txt"_s);
        const QString passphraseFile =
            writeSecretFile(created->root, u"passphrase.txt"_s, kPassphrase);
        g_creatingPristine = true;
        const CliResult init =
            runCli({u"init"_s, u"--profile"_s, created->directory, u"--passphrase-file"_s,
                    passphraseFile, u"--recovery-key-out"_s, created->recoveryKeyFile});
        g_creatingPristine = false;
        INFO(init.err.toStdString());
        REQUIRE(init.exitCode == 0);
        QFile key(created->recoveryKeyFile);
        REQUIRE(key.open(QIODevice::ReadOnly));
        created->recoveryKey = key.readAll().trimmed();
        REQUIRE(created->recoveryKey.size() == 64); // 52 characters in 13 groups of 4
        return created;
    }();
    return *profile;
}

ProfileCopy::ProfileCopy()
{
    const QDir source(pristineProfile().directory);
    for (const QString &name : source.entryList(QDir::Files))
        REQUIRE(QFile::copy(source.filePath(name), m_dir.file(name)));
    m_passphraseFile = writeSecretFile(m_scratch, u"passphrase.txt"_s, kPassphrase);
}

QString ProfileCopy::keyFile() const
{
    return m_dir.file(u"profile.key"_s);
}

QString ProfileCopy::databaseFile() const
{
    return m_dir.file(u"profile.db"_s);
}

bool truncateFile(const QString &path, qint64 size)
{
    QFile file(path);
    return file.resize(size);
}

} // namespace companion::testing
