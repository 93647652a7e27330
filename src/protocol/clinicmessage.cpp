#include "protocol/clinicmessage.h"

#include "crypto/sodium.h"
#include "protocol/api.h"
#include "protocol/json.h"
#include "protocol/keys.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <sodium.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace companion::protocol {

namespace {

constexpr char kMagic[4] = {'C', 'M', 'S', '1'};
constexpr std::size_t kNonceSize = 24;
constexpr std::size_t kAeadTag = 16;
constexpr std::size_t kSignatureBytes = 64;
constexpr std::size_t kMinSealed =
    kClinicMessageHeaderSize + kClinicMessagePadding + kAeadTag; // one padded block
constexpr std::int64_t kMaxInteger = std::int64_t(1) << 53;
// 2000-01-01 and 2200-01-01 UTC: the app's own bounds for appointment times.
constexpr std::int64_t kEarliestStart = 946684800000;
constexpr std::int64_t kLatestStart = 7258118400000;

static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == kNonceSize);
static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES == kAeadTag);
static_assert(crypto_sign_BYTES == kSignatureBytes);
// The largest blob, in base64 inside the POST body with its message id, fits the route's cap.
static_assert((kMaxSealedClinicMessage + 2) / 3 * 4 + 128 < kMaxSmallBody);

const unsigned char *u8(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

void appendNumber(QByteArray &out, std::uint64_t value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(static_cast<char>((value >> shift) & 0xff));
}

std::uint64_t readNumber(const unsigned char *bytes, int count)
{
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8) | bytes[i];
    return value;
}

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

Error damaged(const char *why)
{
    return makeError(ErrorCode::Damaged, u"rejected clinic message: "_s + QLatin1String(why));
}

// Text from a clinic or a therapist is shown as plain text; control characters (other than line
// breaks and tabs in a reply) have no business in it and could disguise what is shown.
bool hasControlCharacters(const QString &text, bool allowLineBreaks)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (allowLineBreaks && (u == u'\n' || u == u'\t'))
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return true;
        // Bidirectional overrides and isolates can make text read differently than it is.
        if ((u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            return true;
    }
    return false;
}

bool isHexId(const QString &text)
{
    return idFromHex(text).hasValue();
}

Result<void> checkId(const QString &text, const QString &field)
{
    if (!isHexId(text))
        return invalid(field + u": must be 32 lower-case hex digits"_s);
    return {};
}

// The associated data binds the ciphertext to where it belongs: vault, message, generation and
// the kind of author (so a therapist's blob cannot be relabelled as the clinic's).
QByteArray associatedData(const Id16 &vault, const Id16 &message, std::uint32_t generation,
                          MessageAuthor author)
{
    QByteArray ad(kMagic, sizeof(kMagic));
    ad.append(reinterpret_cast<const char *>(vault.data()), static_cast<qsizetype>(vault.size()));
    ad.append(reinterpret_cast<const char *>(message.data()),
              static_cast<qsizetype>(message.size()));
    appendNumber(ad, generation, 4);
    appendNumber(ad, static_cast<std::uint8_t>(author), 1);
    return ad;
}

QByteArray signedMessage(const Id16 &vault, const Id16 &message, MessageAuthor author,
                         const Id16 &authorId, QByteArrayView json)
{
    QByteArray out("companion-clinic-message-v1");
    out.append(reinterpret_cast<const char *>(vault.data()), static_cast<qsizetype>(vault.size()));
    out.append(reinterpret_cast<const char *>(message.data()),
               static_cast<qsizetype>(message.size()));
    appendNumber(out, static_cast<std::uint8_t>(author), 1);
    out.append(reinterpret_cast<const char *>(authorId.data()),
               static_cast<qsizetype>(authorId.size()));
    out.append(json.data(), json.size());
    return out;
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

Result<ClinicMessageBody> bodyFromJson(const QString &type, const QJsonValue &value)
{
    const QString path = u"body"_s;
    Error error;
    if (type == u"appointment") {
        auto reader = JsonObjectReader::wrap(
            value, path,
            {u"appointment_id"_s, u"starts_at"_s, u"duration_minutes"_s, u"location"_s});
        if (!reader)
            return reader.error();
        AppointmentMessage body;
        std::int64_t minutes = 0;
        if (!take(reader->string(u"appointment_id"_s, 32), body.appointmentId, error) ||
            !take(reader->integer(u"starts_at"_s, kEarliestStart, kLatestStart), body.startsAt,
                  error) ||
            !take(reader->integer(u"duration_minutes"_s, kMinMessageAppointmentMinutes,
                                  kMaxMessageAppointmentMinutes),
                  minutes, error) ||
            !take(reader->string(u"location"_s, kMaxMessageLocation), body.location, error))
            return error;
        body.durationMinutes = static_cast<int>(minutes);
        return ClinicMessageBody{std::move(body)};
    }
    if (type == u"appointment.cancel") {
        auto reader = JsonObjectReader::wrap(value, path, {u"appointment_id"_s});
        if (!reader)
            return reader.error();
        AppointmentCancelMessage body;
        if (!take(reader->string(u"appointment_id"_s, 32), body.appointmentId, error))
            return error;
        return ClinicMessageBody{std::move(body)};
    }
    if (type == u"reply") {
        auto reader =
            JsonObjectReader::wrap(value, path, {u"in_reply_to"_s, u"text"_s, u"author_name"_s});
        if (!reader)
            return reader.error();
        ReplyMessage body;
        if (!take(reader->string(u"in_reply_to"_s, 32), body.inReplyTo, error) ||
            !take(reader->string(u"text"_s, kMaxReplyText), body.text, error) ||
            !take(reader->string(u"author_name"_s, kMaxMessageAuthorName), body.authorName, error))
            return error;
        return ClinicMessageBody{std::move(body)};
    }
    return invalid(u"type: unknown message type"_s);
}

} // namespace

QString messageAuthorName(MessageAuthor author)
{
    return author == MessageAuthor::Therapist ? u"therapist"_s : u"clinic"_s;
}

std::optional<MessageAuthor> messageAuthorFromName(QStringView name)
{
    if (name == u"clinic")
        return MessageAuthor::Clinic;
    if (name == u"therapist")
        return MessageAuthor::Therapist;
    return std::nullopt;
}

QString ClinicMessage::typeName() const
{
    if (std::holds_alternative<AppointmentMessage>(body))
        return u"appointment"_s;
    if (std::holds_alternative<AppointmentCancelMessage>(body))
        return u"appointment.cancel"_s;
    return u"reply"_s;
}

QByteArray ClinicMessage::toJson() const
{
    QJsonObject out;
    if (const auto *appointment = std::get_if<AppointmentMessage>(&body))
        out = QJsonObject{{u"appointment_id"_s, appointment->appointmentId},
                          {u"starts_at"_s, static_cast<qint64>(appointment->startsAt)},
                          {u"duration_minutes"_s, appointment->durationMinutes},
                          {u"location"_s, appointment->location}};
    else if (const auto *cancel = std::get_if<AppointmentCancelMessage>(&body))
        out = QJsonObject{{u"appointment_id"_s, cancel->appointmentId}};
    else if (const auto *reply = std::get_if<ReplyMessage>(&body))
        out = QJsonObject{{u"in_reply_to"_s, reply->inReplyTo},
                          {u"text"_s, reply->text},
                          {u"author_name"_s, reply->authorName}};
    return toCompactJson({{u"type"_s, typeName()},
                          {u"message_id"_s, messageId},
                          {u"vault_id"_s, vaultId},
                          {u"created_at"_s, static_cast<qint64>(createdAt)},
                          {u"body"_s, out}});
}

Result<ClinicMessage> ClinicMessage::fromJson(QByteArrayView json)
{
    auto reader = JsonObjectReader::parse(
        json, kMaxClinicMessageJson,
        {u"type"_s, u"message_id"_s, u"vault_id"_s, u"created_at"_s, u"body"_s});
    if (!reader)
        return reader.error();
    ClinicMessage message;
    QString type;
    Error error;
    if (!take(reader->string(u"type"_s, 32), type, error) ||
        !take(reader->string(u"message_id"_s, 32), message.messageId, error) ||
        !take(reader->string(u"vault_id"_s, 32), message.vaultId, error) ||
        !take(reader->integer(u"created_at"_s, 0, kMaxInteger), message.createdAt, error) ||
        !take(bodyFromJson(type, reader->object().value(u"body"_s)), message.body, error))
        return error;
    COMPANION_TRY(validate(message));
    return message;
}

Result<void> validate(const ClinicMessage &message)
{
    COMPANION_TRY(checkId(message.messageId, u"message_id"_s));
    COMPANION_TRY(checkId(message.vaultId, u"vault_id"_s));
    if (message.createdAt < 0 || message.createdAt > kMaxInteger)
        return invalid(u"created_at: out of range"_s);
    if (const auto *appointment = std::get_if<AppointmentMessage>(&message.body)) {
        COMPANION_TRY(checkId(appointment->appointmentId, u"body.appointment_id"_s));
        if (appointment->startsAt < kEarliestStart || appointment->startsAt > kLatestStart)
            return invalid(u"body.starts_at: must be between the years 2000 and 2200"_s);
        if (appointment->durationMinutes < kMinMessageAppointmentMinutes ||
            appointment->durationMinutes > kMaxMessageAppointmentMinutes)
            return invalid(
                u"body.duration_minutes: must be from %1 to %2"_s.arg(kMinMessageAppointmentMinutes)
                    .arg(kMaxMessageAppointmentMinutes));
        if (appointment->location.size() > kMaxMessageLocation ||
            hasControlCharacters(appointment->location, false))
            return invalid(
                u"body.location: at most %1 characters of plain text"_s.arg(kMaxMessageLocation));
    } else if (const auto *cancel = std::get_if<AppointmentCancelMessage>(&message.body)) {
        COMPANION_TRY(checkId(cancel->appointmentId, u"body.appointment_id"_s));
    } else if (const auto *reply = std::get_if<ReplyMessage>(&message.body)) {
        COMPANION_TRY(checkId(reply->inReplyTo, u"body.in_reply_to"_s));
        if (reply->text.trimmed().isEmpty() || reply->text.size() > kMaxReplyText ||
            hasControlCharacters(reply->text, true))
            return invalid(u"body.text: 1 to %1 characters of plain text"_s.arg(kMaxReplyText));
        if (reply->authorName.trimmed().isEmpty() ||
            reply->authorName.size() > kMaxMessageAuthorName ||
            hasControlCharacters(reply->authorName, false))
            return invalid(
                u"body.author_name: 1 to %1 characters of plain text"_s.arg(kMaxMessageAuthorName));
    }
    return {};
}

QString newMessageId()
{
    return idToHex(randomId());
}

Result<QByteArray> sealClinicMessage(const ClinicMessage &message, MessageAuthor author,
                                     const QString &authorId, const SecretBytes &signingSecretKey,
                                     const SecretBytes &sharedCollectionKey,
                                     std::uint32_t generation)
{
    COMPANION_TRY(crypto::initialize());
    COMPANION_TRY(validate(message));
    auto authorBytes = idFromHex(authorId);
    if (!authorBytes)
        return invalid(u"author id: must be 32 lower-case hex digits"_s);
    if (signingSecretKey.size() != kSigningSecretKeySize ||
        sharedCollectionKey.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Internal, u"a message key has a wrong size"_s);
    if (generation == 0)
        return invalid(u"generation: must be at least 1"_s);
    const QByteArray json = message.toJson();
    if (json.size() > kMaxClinicMessageJson)
        return invalid(u"the message is too large"_s);
    const Id16 vault = *idFromHex(message.vaultId);
    const Id16 messageId = *idFromHex(message.messageId);

    const QByteArray signature =
        sign(signingSecretKey, signedMessage(vault, messageId, author, *authorBytes, json));
    if (signature.size() != static_cast<qsizetype>(kSignatureBytes))
        return makeError(ErrorCode::Internal, u"the message could not be signed"_s);

    // inner = json_len | json | signature, padded in wiped memory (it is plaintext).
    const std::size_t innerSize = 4 + static_cast<std::size_t>(json.size()) + kSignatureBytes;
    SecretBytes padded(innerSize + kClinicMessagePadding);
    QByteArray length;
    appendNumber(length, static_cast<std::uint64_t>(json.size()), 4);
    std::memcpy(padded.data(), length.constData(), 4);
    std::memcpy(padded.data() + 4, json.constData(), static_cast<std::size_t>(json.size()));
    std::memcpy(padded.data() + 4 + json.size(), signature.constData(), kSignatureBytes);
    std::size_t paddedSize = 0;
    if (sodium_pad(&paddedSize, padded.data(), innerSize, kClinicMessagePadding, padded.size()) !=
        0)
        return makeError(ErrorCode::Internal, u"padding failed"_s);

    QByteArray blob(kMagic, sizeof(kMagic));
    appendNumber(blob, generation, 4);
    QByteArray nonce(static_cast<qsizetype>(kNonceSize), Qt::Uninitialized);
    randombytes_buf(nonce.data(), kNonceSize);
    blob.append(nonce);
    const qsizetype headerSize = blob.size();
    blob.resize(headerSize + static_cast<qsizetype>(paddedSize + kAeadTag));
    const QByteArray ad = associatedData(vault, messageId, generation, author);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        reinterpret_cast<unsigned char *>(blob.data()) + headerSize, &written, padded.data(),
        paddedSize, u8(ad), static_cast<unsigned long long>(ad.size()), nullptr, u8(nonce),
        sharedCollectionKey.data());
    blob.resize(headerSize + static_cast<qsizetype>(written));
    return blob;
}

Result<std::uint32_t> clinicMessageGeneration(QByteArrayView sealed)
{
    const auto size = static_cast<std::size_t>(sealed.size());
    if (size > kMaxSealedClinicMessage)
        return damaged("too large");
    if (size < kMinSealed)
        return damaged("too short");
    if ((size - kClinicMessageHeaderSize - kAeadTag) % kClinicMessagePadding != 0)
        return damaged("ciphertext is not a whole number of padding blocks");
    if (std::memcmp(sealed.data(), kMagic, sizeof(kMagic)) != 0)
        return damaged("not a clinic message");
    const auto generation = static_cast<std::uint32_t>(readNumber(u8(sealed) + 4, 4));
    if (generation == 0)
        return damaged("generation 0");
    return generation;
}

Result<ClinicMessage> openClinicMessage(QByteArrayView sealed, const ClinicMessageContext &context,
                                        const SecretBytes &sharedCollectionKey,
                                        QByteArrayView authorPublicKey)
{
    COMPANION_TRY(crypto::initialize());
    auto generation = clinicMessageGeneration(sealed);
    if (!generation)
        return generation.error();
    auto vault = idFromHex(context.vaultId);
    auto messageId = idFromHex(context.messageId);
    auto authorId = idFromHex(context.authorId);
    if (!vault || !messageId || !authorId)
        return damaged("the message's ids are malformed");
    if (sharedCollectionKey.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Internal, u"shared key has a wrong size"_s);

    const auto *in = u8(sealed);
    const std::size_t cipherSize =
        static_cast<std::size_t>(sealed.size()) - kClinicMessageHeaderSize;
    SecretBytes padded(cipherSize - kAeadTag);
    const QByteArray ad = associatedData(*vault, *messageId, *generation, context.author);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            padded.data(), &written, nullptr, in + kClinicMessageHeaderSize, cipherSize, u8(ad),
            static_cast<unsigned long long>(ad.size()), in + 8, sharedCollectionKey.data()) != 0)
        return damaged("authentication failed (altered, or another key)");
    std::size_t innerSize = 0;
    if (sodium_unpad(&innerSize, padded.data(), static_cast<std::size_t>(written),
                     kClinicMessagePadding) != 0)
        return damaged("bad padding");
    if (innerSize < 4 + kSignatureBytes)
        return damaged("too short inside");
    const std::size_t jsonSize = readNumber(padded.data(), 4);
    if (jsonSize > static_cast<std::size_t>(kMaxClinicMessageJson) ||
        jsonSize != innerSize - 4 - kSignatureBytes)
        return damaged("inconsistent length inside");
    const QByteArrayView json(reinterpret_cast<const char *>(padded.data()) + 4,
                              static_cast<qsizetype>(jsonSize));
    const QByteArrayView signature(reinterpret_cast<const char *>(padded.data()) + 4 + jsonSize,
                                   static_cast<qsizetype>(kSignatureBytes));
    if (!verifySignature(authorPublicKey,
                         signedMessage(*vault, *messageId, context.author, *authorId, json),
                         signature))
        return damaged("the author's signature does not verify");
    auto message = ClinicMessage::fromJson(json);
    if (!message)
        return damaged("the message inside is not valid");
    if (message->vaultId != context.vaultId || message->messageId != context.messageId)
        return damaged("the ids inside differ from the server's");
    return message;
}

// --- route messages ---

QByteArray PostMessageRequest::toJson() const
{
    return toCompactJson({{u"message_id"_s, messageId}, {u"sealed"_s, encodeBase64(sealed)}});
}

Result<PostMessageRequest> PostMessageRequest::fromJson(QByteArrayView body)
{
    auto reader = JsonObjectReader::parse(body, kMaxSmallBody, {u"message_id"_s, u"sealed"_s});
    if (!reader)
        return reader.error();
    PostMessageRequest request;
    Error error;
    if (!take(reader->string(u"message_id"_s, 32), request.messageId, error) ||
        !take(reader->base64(u"sealed"_s, static_cast<qsizetype>(kMinSealed),
                             static_cast<qsizetype>(kMaxSealedClinicMessage)),
              request.sealed, error))
        return error;
    COMPANION_TRY(checkId(request.messageId, u"message_id"_s));
    return request;
}

QByteArray VaultMessagesPage::toJson() const
{
    QJsonArray array;
    for (const VaultMessage &message : messages)
        array.append(QJsonObject{
            {u"seq"_s, static_cast<qint64>(message.seq)},
            {u"message_id"_s, message.messageId},
            {u"author_type"_s, messageAuthorName(message.author)},
            {u"author_id"_s, message.authorId},
            {u"author_name"_s, message.authorName},
            {u"author_public_key"_s, encodeBase64(message.authorPublicKey)},
            {u"sealed"_s, encodeBase64(message.sealed)},
            {u"created_at"_s, static_cast<qint64>(message.createdAt)},
        });
    return toCompactJson(
        {{u"messages"_s, array}, {u"next"_s, static_cast<qint64>(next)}, {u"more"_s, more}});
}

Result<VaultMessagesPage> VaultMessagesPage::fromJson(QByteArrayView body)
{
    // A page of at most 500 blobs of at most ~7.3 KiB each, in base64.
    constexpr qsizetype kMaxPage = 8 * 1024 * 1024;
    auto reader = JsonObjectReader::parse(body, kMaxPage, {u"messages"_s, u"next"_s, u"more"_s});
    if (!reader)
        return reader.error();
    VaultMessagesPage page;
    Error error;
    QJsonArray items;
    if (!take(reader->array(u"messages"_s, kMaxMessagesPage), items, error) ||
        !take(reader->integer(u"next"_s, 0, kMaxInteger), page.next, error) ||
        !take(reader->boolean(u"more"_s), page.more, error))
        return error;
    for (qsizetype i = 0; i < items.size(); ++i) {
        auto item = JsonObjectReader::wrap(items.at(i), u"messages[%1]"_s.arg(i),
                                           {u"seq"_s, u"message_id"_s, u"author_type"_s,
                                            u"author_id"_s, u"author_name"_s,
                                            u"author_public_key"_s, u"sealed"_s, u"created_at"_s});
        if (!item)
            return item.error();
        VaultMessage message;
        QString authorType;
        if (!take(item->integer(u"seq"_s, 1, kMaxInteger), message.seq, error) ||
            !take(item->string(u"message_id"_s, 32), message.messageId, error) ||
            !take(item->string(u"author_type"_s, 16), authorType, error) ||
            !take(item->string(u"author_id"_s, 32), message.authorId, error) ||
            !take(item->string(u"author_name"_s, kMaxMessageAuthorName), message.authorName,
                  error) ||
            !take(item->base64(u"author_public_key"_s, 0,
                               static_cast<qsizetype>(kSigningPublicKeySize)),
                  message.authorPublicKey, error) ||
            // The blob's own caps are checked when it is opened: a bad one is an integrity
            // event for that message, not a refused page.
            !take(item->base64(u"sealed"_s, 1, static_cast<qsizetype>(kMaxSealedClinicMessage)),
                  message.sealed, error) ||
            !take(item->integer(u"created_at"_s, 0, kMaxInteger), message.createdAt, error))
            return error;
        const auto author = messageAuthorFromName(authorType);
        if (!author)
            return invalid(item->path(u"author_type"_s) + u": unknown author type"_s);
        message.author = *author;
        page.messages.push_back(std::move(message));
    }
    return page;
}

} // namespace companion::protocol
