#pragma once

#include "support/tempdir.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace companion::testing {

// Strong enough for zxcvbn; never a real person's passphrase.
inline const QByteArray kPassphrase = "violet-quasar Mendel harbour 91 ferrous";
inline const QByteArray kNewPassphrase = "saffron tidal Okapi lantern 37 quill";
inline const QByteArray kWrongPassphrase = "violet-quasar Mendel harbour 91 ferrus";
inline const QByteArray kWeakPassphrase = "password123";

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs companion-cli with `arguments`, feeding `input` on standard input (then closing it).
// Every run is checked for leaks: neither stream may contain a passphrase used by these tests,
// nor the recovery key of the shared profile unless `mayPrintRecoveryKey`.
CliResult runCli(const QStringList &arguments, const QByteArray &input = {},
                 bool mayPrintRecoveryKey = false);

// A file holding `content` plus "\n" (the way `echo` writes it), created in `dir`.
QString writeSecretFile(const TempDir &dir, const QString &name, const QByteArray &content);

// One profile per test process, created once with kPassphrase and --recovery-key-out.
struct PristineProfile
{
    TempDir root;
    QString directory;
    QString recoveryKeyFile;
    QByteArray recoveryKey;
};
const PristineProfile &pristineProfile();

// A private copy of the pristine profile (profile.key, profile.db) in a fresh temp dir.
class ProfileCopy
{
public:
    ProfileCopy();
    QString directory() const { return m_dir.path(); }
    QString keyFile() const;
    QString databaseFile() const;
    // A passphrase file with kPassphrase, kept outside the profile directory.
    QString passphraseFile() const { return m_passphraseFile; }
    const TempDir &scratch() const { return m_scratch; }

private:
    TempDir m_dir;
    TempDir m_scratch;
    QString m_passphraseFile;
};

bool truncateFile(const QString &path, qint64 size);

} // namespace companion::testing
