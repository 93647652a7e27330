#include "storage/keyfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <sodium.h>

#include <fcntl.h>
#include <unistd.h>

namespace companion::storage {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024;
constexpr qsizetype kNonceBytes = 24;
constexpr qsizetype kWrappedKeyBytes = 32 + 16;
// Starts a key file sealed by a device key store; also its associated data. A plain key file
// is JSON and starts with '{', so the two never collide.
constexpr char kSealMagic[] = "CMPSEAL1";

KeyFileSeal &installedSeal()
{
    static KeyFileSeal seal;
    return seal;
}

QByteArray associatedData(const KeyFile &file, const char *slot)
{
    return QByteArrayLiteral("companion.profile-key.v1|") + slot + '|' + file.profileId.toUtf8();
}

QJsonObject slotToJson(const crypto::WrappedSecret &slot)
{
    return {{QStringLiteral("nonce"), QString::fromLatin1(slot.nonce.toBase64())},
            {QStringLiteral("ciphertext"), QString::fromLatin1(slot.ciphertext.toBase64())}};
}

std::optional<crypto::WrappedSecret> slotFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    auto decode = [](const QJsonValue &v) {
        return QByteArray::fromBase64Encoding(v.toString().toLatin1(),
                                              QByteArray::AbortOnBase64DecodingErrors);
    };
    const auto nonce = decode(object.value(QStringLiteral("nonce")));
    const auto ciphertext = decode(object.value(QStringLiteral("ciphertext")));
    if (!nonce || !ciphertext || (*nonce).size() != kNonceBytes ||
        (*ciphertext).size() != kWrappedKeyBytes)
        return std::nullopt;
    return crypto::WrappedSecret{*nonce, *ciphertext};
}

QJsonObject bodyToJson(const KeyFile &file)
{
    return {
        {QStringLiteral("format"), file.format},
        {QStringLiteral("profileId"), file.profileId},
        {QStringLiteral("createdAt"), file.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("kdf"),
         QJsonObject{{QStringLiteral("algorithm"), file.kdf.algorithm},
                     {QStringLiteral("opsLimit"), static_cast<qint64>(file.kdf.opsLimit)},
                     {QStringLiteral("memLimit"), static_cast<qint64>(file.kdf.memLimit)},
                     {QStringLiteral("salt"), QString::fromLatin1(file.kdf.salt.toBase64())}}},
        {QStringLiteral("passphraseSlot"), slotToJson(file.passphraseSlot)},
        {QStringLiteral("recoverySlot"), slotToJson(file.recoverySlot)},
    };
}

// BLAKE2b-256 over the compact JSON of the body (QJsonObject keeps keys sorted, so the encoding
// is canonical).
QString checksumOf(const QJsonObject &body)
{
    const QByteArray canonical = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QByteArray digest(32, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(digest.data()), 32,
                       reinterpret_cast<const unsigned char *>(canonical.constData()),
                       static_cast<unsigned long long>(canonical.size()), nullptr, 0);
    return QString::fromLatin1(digest.toHex());
}

Error damaged(const QString &why)
{
    return makeError(ErrorCode::Damaged,
                     QStringLiteral("the profile's key file is damaged: ") + why);
}

void syncDirectory(const QString &directory)
{
    // Make the rename itself durable.
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

QByteArray passphraseSlotAssociatedData(const KeyFile &file)
{
    return associatedData(file, "passphrase");
}

QByteArray recoverySlotAssociatedData(const KeyFile &file)
{
    return associatedData(file, "recovery");
}

void setKeyFileSeal(KeyFileSeal seal)
{
    installedSeal() = std::move(seal);
}

bool keyFileSealInstalled()
{
    return installedSeal().seal && installedSeal().unseal;
}

Result<KeyFile> readKeyFile(const QString &path)
{
    QFile input(path);
    if (!input.exists())
        return makeError(ErrorCode::NotFound, QStringLiteral("no profile key file was found"));
    if (!input.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("the profile key file cannot be read"));
    if (input.size() > kMaxKeyFileBytes)
        return damaged(QStringLiteral("it is far larger than any key file"));
    QByteArray bytes = input.read(kMaxKeyFileBytes);
    if (const QByteArray magic(kSealMagic); bytes.startsWith(magic)) {
        if (!keyFileSealInstalled())
            return makeError(ErrorCode::Unsupported,
                             QStringLiteral("the profile's key file is sealed by a phone's key "
                                            "store and can only be opened on that phone"));
        auto plain = installedSeal().unseal(bytes.mid(magic.size()), magic);
        if (!plain)
            return plain.error();
        bytes = std::move(*plain);
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(QStringLiteral("it is not valid JSON"));
    QJsonObject root = document.object();
    const int format = root.value(QStringLiteral("format")).toInt(-1);
    if (format > KeyFile::kFormat)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the profile was written by a newer version of Companion"));
    const QString storedChecksum = root.take(QStringLiteral("checksum")).toString();
    if (storedChecksum != checksumOf(root))
        return damaged(QStringLiteral("its checksum does not match"));

    KeyFile file;
    file.format = format;
    file.profileId = root.value(QStringLiteral("profileId")).toString();
    file.createdAt = QDateTime::fromString(root.value(QStringLiteral("createdAt")).toString(),
                                           Qt::ISODateWithMs);
    const QJsonObject kdf = root.value(QStringLiteral("kdf")).toObject();
    file.kdf.algorithm = kdf.value(QStringLiteral("algorithm")).toString();
    file.kdf.opsLimit =
        static_cast<std::uint64_t>(kdf.value(QStringLiteral("opsLimit")).toInteger());
    file.kdf.memLimit =
        static_cast<std::uint64_t>(kdf.value(QStringLiteral("memLimit")).toInteger());
    file.kdf.salt = QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
    const auto passphraseSlot = slotFromJson(root.value(QStringLiteral("passphraseSlot")));
    const auto recoverySlot = slotFromJson(root.value(QStringLiteral("recoverySlot")));
    if (format != KeyFile::kFormat || file.profileId.isEmpty() || !file.createdAt.isValid() ||
        !passphraseSlot || !recoverySlot)
        return damaged(QStringLiteral("fields are missing or malformed"));
    file.passphraseSlot = *passphraseSlot;
    file.recoverySlot = *recoverySlot;
    if (auto ok = crypto::checkKdfParameters(file.kdf); !ok) {
        // A valid checksum with weakened parameters means someone rewrote the file on purpose.
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("the profile's key file was altered: ") +
                             ok.error().message);
    }
    return file;
}

Result<void> writeKeyFileAtomically(const QString &path, const KeyFile &file)
{
    QJsonObject root = bodyToJson(file);
    root.insert(QStringLiteral("checksum"), checksumOf(root));
    QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (keyFileSealInstalled()) {
        const QByteArray magic(kSealMagic);
        auto sealed = installedSeal().seal(bytes, magic);
        if (!sealed)
            return sealed.error();
        bytes = magic + *sealed;
    }

    // QSaveFile writes a temporary file, fsyncs it and renames it over the target on commit().
    QSaveFile output(path);
    if (!output.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("the profile key file cannot be written"));
    output.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (output.write(bytes) != bytes.size() || !output.commit())
        return makeError(ErrorCode::Io,
                         QStringLiteral("the profile key file could not be saved (disk full?)"));
    syncDirectory(QFileInfo(path).absolutePath());
    return {};
}

} // namespace companion::storage
