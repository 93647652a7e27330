#include <catch2/catch.hpp>

#include "storage/keyfile.h"
#include "storage/profile.h"
#include "support/tempdir.h"

#include <QFile>

#include <sodium.h>

using namespace companion;
using namespace companion::storage;

// Device binding of the key file (docs/adr/0020): a phone's key store seals profile.key. The
// real key stores (Android Keystore, iOS Keychain) cannot run here, so a stand-in with the same
// contract seals with XChaCha20-Poly1305 under a key only it holds, as the secure hardware would.

namespace {

const SecretBytes &passphrase()
{
    static const SecretBytes p = SecretBytes::fromUtf8("harbor violet pumpkin seventy");
    return p;
}

// One "device": a key that never leaves this object, like a non-exportable Keystore key.
class FakeDeviceKeyStore
{
public:
    FakeDeviceKeyStore() { crypto_aead_xchacha20poly1305_ietf_keygen(m_key); }

    KeyFileSeal seal()
    {
        return {[this](const QByteArray &plain, const QByteArray &ad) -> Result<QByteArray> {
                    ++m_seals;
                    return encrypt(plain, ad);
                },
                [this](const QByteArray &sealed, const QByteArray &ad) -> Result<QByteArray> {
                    return decrypt(sealed, ad);
                }};
    }
    int seals() const { return m_seals; }

private:
    static constexpr qsizetype kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    static constexpr qsizetype kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

    QByteArray encrypt(const QByteArray &plain, const QByteArray &ad) const
    {
        QByteArray out(kNonce + plain.size() + kTag, Qt::Uninitialized);
        auto *bytes = reinterpret_cast<unsigned char *>(out.data());
        randombytes_buf(bytes, kNonce);
        crypto_aead_xchacha20poly1305_ietf_encrypt(
            bytes + kNonce, nullptr, reinterpret_cast<const unsigned char *>(plain.constData()),
            static_cast<unsigned long long>(plain.size()),
            reinterpret_cast<const unsigned char *>(ad.constData()),
            static_cast<unsigned long long>(ad.size()), nullptr, bytes, m_key);
        return out;
    }

    Result<QByteArray> decrypt(const QByteArray &sealed, const QByteArray &ad) const
    {
        const Error refused{ErrorCode::Damaged, QStringLiteral("the device key store refused")};
        if (sealed.size() < kNonce + kTag)
            return refused;
        QByteArray plain(sealed.size() - kNonce - kTag, Qt::Uninitialized);
        const auto *in = reinterpret_cast<const unsigned char *>(sealed.constData());
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char *>(plain.data()), nullptr, nullptr, in + kNonce,
                static_cast<unsigned long long>(sealed.size() - kNonce),
                reinterpret_cast<const unsigned char *>(ad.constData()),
                static_cast<unsigned long long>(ad.size()), in, m_key) != 0)
            return refused;
        return plain;
    }

    unsigned char m_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
    int m_seals = 0;
};

// The seal is process-wide: every test leaves the process as it found it (no seal).
struct SealGuard
{
    explicit SealGuard(KeyFileSeal seal) { setKeyFileSeal(std::move(seal)); }
    ~SealGuard() { setKeyFileSeal({}); }
    SealGuard(const SealGuard &) = delete;
    SealGuard &operator=(const SealGuard &) = delete;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

QString createProfile(const testing::TempDir &dir)
{
    auto created = Profile::create(dir.path(), passphrase());
    REQUIRE(created);
    return created->recoveryKey.displayText();
}

} // namespace

TEST_CASE("Without a device key store the key file is plain JSON, as on the desktop",
          "[storage][keyfileseal]")
{
    REQUIRE_FALSE(keyFileSealInstalled());
    testing::TempDir dir;
    createProfile(dir);
    const QByteArray bytes = readAll(dir.file(QLatin1String(Profile::kKeyFileName)));
    CHECK(bytes.startsWith('{'));
    CHECK(bytes.contains("\"passphraseSlot\""));
    CHECK(Profile::unlock(dir.path(), passphrase()));
}

TEST_CASE("A sealed key file opens only with the key store of the device that wrote it",
          "[storage][keyfileseal]")
{
    testing::TempDir dir;
    const QString keyPath = dir.file(QLatin1String(Profile::kKeyFileName));
    FakeDeviceKeyStore phone;
    QString recoveryText;
    {
        SealGuard guard(phone.seal());
        recoveryText = createProfile(dir);
        CHECK(phone.seals() == 1);

        // On disk: the marker and ciphertext; none of the key file's fields or values.
        const QByteArray bytes = readAll(keyPath);
        CHECK(bytes.startsWith("CMPSEAL1"));
        CHECK_FALSE(bytes.contains("passphraseSlot"));
        CHECK_FALSE(bytes.contains("argon2id"));
        auto file = readKeyFile(keyPath);
        REQUIRE(file);
        CHECK_FALSE(bytes.contains(file->kdf.salt.toBase64()));
        CHECK_FALSE(bytes.contains(file->passphraseSlot.ciphertext.toBase64()));

        // The same phone unlocks with the passphrase and with the recovery key; a wrong
        // passphrase is still only "wrong passphrase".
        CHECK(Profile::unlock(dir.path(), passphrase()));
        auto recovery = crypto::RecoveryKey::parse(recoveryText);
        REQUIRE(recovery);
        CHECK(Profile::unlockWithRecoveryKey(dir.path(), *recovery));
        auto wrong =
            Profile::unlock(dir.path(), SecretBytes::fromUtf8("harbor violet pumpkin seventy!"));
        REQUIRE_FALSE(wrong);
        CHECK(wrong.error().code == ErrorCode::WrongPassphrase);

        // A passphrase change writes the key file sealed again.
        auto unlocked = Profile::unlock(dir.path(), passphrase());
        REQUIRE(unlocked);
        REQUIRE((*unlocked)->changePassphrase(SecretBytes::fromUtf8("copper lantern amber nine")));
        CHECK(phone.seals() == 2);
        CHECK(readAll(keyPath).startsWith("CMPSEAL1"));
    }

    // The copied file on a machine without that key store: refused, not mistaken for damage or
    // a wrong passphrase, and the right passphrase does not help.
    auto elsewhere =
        Profile::unlock(dir.path(), SecretBytes::fromUtf8("copper lantern amber nine"));
    REQUIRE_FALSE(elsewhere);
    CHECK(elsewhere.error().code == ErrorCode::Unsupported);

    // Another phone's key store cannot open it either.
    FakeDeviceKeyStore otherPhone;
    SealGuard guard(otherPhone.seal());
    auto other = Profile::unlock(dir.path(), SecretBytes::fromUtf8("copper lantern amber nine"));
    REQUIRE_FALSE(other);
    CHECK(other.error().code == ErrorCode::Damaged);
}

TEST_CASE("Any change to a sealed key file is refused", "[storage][keyfileseal]")
{
    testing::TempDir dir;
    const QString keyPath = dir.file(QLatin1String(Profile::kKeyFileName));
    FakeDeviceKeyStore phone;
    SealGuard guard(phone.seal());
    createProfile(dir);
    const QByteArray original = readAll(keyPath);

    // Every byte after the marker, one bit each; and a truncation.
    int refused = 0;
    int tried = 0;
    for (qsizetype i = 8; i < original.size(); i += 7) {
        QByteArray flipped = original;
        flipped[i] = static_cast<char>(flipped[i] ^ 0x01);
        writeAll(keyPath, flipped);
        ++tried;
        if (!readKeyFile(keyPath))
            ++refused;
    }
    CHECK(refused == tried);
    writeAll(keyPath, original.left(original.size() - 1));
    CHECK_FALSE(readKeyFile(keyPath));

    writeAll(keyPath, original);
    CHECK(Profile::unlock(dir.path(), passphrase()));
}

TEST_CASE("A plain key file still opens once a key store is installed and is sealed at its next "
          "write",
          "[storage][keyfileseal]")
{
    testing::TempDir dir;
    const QString keyPath = dir.file(QLatin1String(Profile::kKeyFileName));
    createProfile(dir);
    REQUIRE(readAll(keyPath).startsWith('{'));

    FakeDeviceKeyStore phone;
    SealGuard guard(phone.seal());
    auto unlocked = Profile::unlock(dir.path(), passphrase());
    REQUIRE(unlocked);
    CHECK(readAll(keyPath).startsWith('{'));
    REQUIRE((*unlocked)->replaceRecoveryKey());
    CHECK(readAll(keyPath).startsWith("CMPSEAL1"));
    unlocked->reset();
    CHECK(Profile::unlock(dir.path(), passphrase()));
}

TEST_CASE("A key store that refuses to seal leaves the old key file in place",
          "[storage][keyfileseal]")
{
    testing::TempDir dir;
    const QString keyPath = dir.file(QLatin1String(Profile::kKeyFileName));
    FakeDeviceKeyStore phone;
    SealGuard guard(phone.seal());
    createProfile(dir);
    const QByteArray before = readAll(keyPath);

    KeyFileSeal broken = phone.seal();
    broken.seal = [](const QByteArray &, const QByteArray &) -> Result<QByteArray> {
        return Error{ErrorCode::Io, QStringLiteral("the key store is busy")};
    };
    setKeyFileSeal(broken);
    auto unlocked = Profile::unlock(dir.path(), passphrase());
    REQUIRE(unlocked);
    auto changed =
        (*unlocked)->changePassphrase(SecretBytes::fromUtf8("copper lantern amber nine"));
    REQUIRE_FALSE(changed);
    CHECK(changed.error().code == ErrorCode::Io);
    CHECK(readAll(keyPath) == before);
    unlocked->reset();
    CHECK(Profile::unlock(dir.path(), passphrase()));
}
