#include "protocol/careteamenrol.h"

#include "crypto/secretwrap.h"
#include "protocol/json.h"
#include "protocol/keys.h"

#include <cstring>

namespace companion::protocol {

namespace {

constexpr std::uint8_t kWrapVersion = 1;
constexpr qsizetype kNonceSize = 24;
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The normalised code as key material for BLAKE2b (20 bytes: within its 16-64 byte key range).
Result<SecretBytes> codeKeyMaterial(const QString &code)
{
    if (!isWellFormedEnrolmentCode(code))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("the code has 20 letters and digits (dashes optional)"));
    const QByteArray normalised = normaliseEnrolmentCode(code).toLatin1();
    return SecretBytes::fromView({reinterpret_cast<const std::uint8_t *>(normalised.constData()),
                                  static_cast<std::size_t>(normalised.size())});
}

QByteArray sealAssociatedData(const QString &clinicId, std::uint32_t epoch)
{
    QByteArray ad("companion-ctk-code-v1");
    const QByteArray clinic = clinicId.toLatin1();
    ad.append(static_cast<char>((clinic.size() >> 8) & 0xff));
    ad.append(static_cast<char>(clinic.size() & 0xff));
    ad.append(clinic);
    for (int shift = 24; shift >= 0; shift -= 8)
        ad.append(static_cast<char>((epoch >> shift) & 0xff));
    return ad;
}

template<typename T>
bool take(Result<T> result, T &out, Error &error)
{
    if (!result) {
        error = result.error();
        return false;
    }
    out = std::move(result).value();
    return true;
}

} // namespace

QString normaliseEnrolmentCode(const QString &code)
{
    QString out;
    out.reserve(code.size());
    for (QChar c : code) {
        c = c.toUpper();
        if (c == QLatin1Char('-') || c == QLatin1Char(' '))
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        else if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        out += c;
    }
    return out;
}

bool isWellFormedEnrolmentCode(const QString &code)
{
    const QString normalised = normaliseEnrolmentCode(code);
    if (normalised.size() != kEnrolmentCodeSymbols)
        return false;
    for (QChar c : normalised) {
        if (c.unicode() > 0x7f || !std::strchr(kCrockford, static_cast<char>(c.unicode())) ||
            c.unicode() == 0)
            return false;
    }
    return true;
}

Result<QByteArray> therapistCodeProof(const QString &code)
{
    auto material = codeKeyMaterial(code);
    if (!material)
        return material.error();
    const SecretBytes proof =
        crypto::deriveSubKey(*material, QByteArrayView("companion-therapist-code-lookup-v1"));
    // Not a secret once derived: it is what the server is told. It opens nothing.
    return QByteArray(reinterpret_cast<const char *>(proof.data()),
                      static_cast<qsizetype>(proof.size()));
}

Result<QByteArray> sealCareTeamKeyWithCode(const QString &code, const SecretBytes &careTeamSecret,
                                           const QString &clinicId, std::uint32_t epoch)
{
    auto material = codeKeyMaterial(code);
    if (!material)
        return material.error();
    const SecretBytes sealKey =
        crypto::deriveSubKey(*material, QByteArrayView("companion-therapist-code-seal-v1"));
    auto wrapped = crypto::wrapSecret(sealKey, careTeamSecret, sealAssociatedData(clinicId, epoch));
    if (!wrapped)
        return wrapped.error();
    QByteArray out;
    out.append(static_cast<char>(kWrapVersion));
    out.append(wrapped->nonce);
    out.append(wrapped->ciphertext);
    if (out.size() != kCodeSealedKeySize)
        return makeError(ErrorCode::Internal, QStringLiteral("the sealed key has a wrong size"));
    return out;
}

Result<SecretBytes> openCareTeamKeyWithCode(const QString &code, QByteArrayView sealed,
                                            const QString &clinicId, std::uint32_t epoch)
{
    if (sealed.size() != kCodeSealedKeySize)
        return makeError(ErrorCode::Damaged,
                         QStringLiteral("the sealed care-team key has a wrong size"));
    if (static_cast<std::uint8_t>(sealed.at(0)) != kWrapVersion)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("the sealed care-team key has a newer format"));
    auto material = codeKeyMaterial(code);
    if (!material)
        return material.error();
    const SecretBytes sealKey =
        crypto::deriveSubKey(*material, QByteArrayView("companion-therapist-code-seal-v1"));
    crypto::WrappedSecret wrapped{sealed.sliced(1, kNonceSize).toByteArray(),
                                  sealed.sliced(1 + kNonceSize).toByteArray()};
    return crypto::unwrapSecret(sealKey, wrapped, sealAssociatedData(clinicId, epoch));
}

QByteArray CareTeamEnrolRequest::toJson() const
{
    return toCompactJson({{QStringLiteral("code_proof"), encodeBase64(codeProof)},
                          {QStringLiteral("public_key"), encodeBase64(publicKey)}});
}

Result<CareTeamEnrolRequest> CareTeamEnrolRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody, {QStringLiteral("code_proof"), QStringLiteral("public_key")});
    if (!reader)
        return reader.error();
    CareTeamEnrolRequest request;
    Error error;
    if (!take(reader->base64(QStringLiteral("code_proof"), kCodeProofSize, kCodeProofSize),
              request.codeProof, error) ||
        !take(reader->base64(QStringLiteral("public_key"), 32, 32), request.publicKey, error))
        return error;
    return request;
}

QByteArray CareTeamEnrolResponse::toJson() const
{
    return toCompactJson(
        {{QStringLiteral("therapist_id"), therapistId},
         {QStringLiteral("name"), name},
         {QStringLiteral("ctk_epoch"), static_cast<qint64>(careTeamEpoch)},
         {QStringLiteral("ctk_sealed_by_code"), encodeBase64(careTeamKeySealedByCode)},
         {QStringLiteral("clinic"), clinic.toJson()}});
}

Result<CareTeamEnrolResponse> CareTeamEnrolResponse::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(
        body, kMaxSmallBody,
        {QStringLiteral("therapist_id"), QStringLiteral("name"), QStringLiteral("ctk_epoch"),
         QStringLiteral("ctk_sealed_by_code"), QStringLiteral("clinic")});
    if (!reader)
        return reader.error();
    CareTeamEnrolResponse response;
    Error error;
    std::int64_t epoch = 0;
    if (!take(reader->string(QStringLiteral("therapist_id"), 32), response.therapistId, error) ||
        !take(reader->string(QStringLiteral("name"), 200), response.name, error) ||
        !take(reader->integer(QStringLiteral("ctk_epoch"), 1, 0xffffffff), epoch, error) ||
        !take(reader->base64(QStringLiteral("ctk_sealed_by_code"), kCodeSealedKeySize,
                             kCodeSealedKeySize),
              response.careTeamKeySealedByCode, error) ||
        !take(ClinicInfo::fromJson(reader->object().value(QStringLiteral("clinic")),
                                   QStringLiteral("clinic")),
              response.clinic, error))
        return error;
    if (!idFromHex(response.therapistId))
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("therapist_id: must be 32 lower-case hex digits"));
    response.careTeamEpoch = static_cast<std::uint32_t>(epoch);
    return response;
}

} // namespace companion::protocol
