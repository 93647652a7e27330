#include "protocol/envelope.h"

#include "crypto/sodium.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace companion::protocol {

namespace {

constexpr char kMagic[4] = {'C', 'M', 'P', '1'};

static_assert(kHeaderSize == 4 + 1 + 1 + 16 + 16 + 2 + 2 + 8 + 32 + 4 + 16 + 24);
static_assert(crypto_aead_xchacha20poly1305_ietf_ABYTES == kTagSize);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);

// The padded plaintext of a seal or an open lives in secure memory (guard pages, mlock) that is
// reused by the thread rather than allocated per envelope: sodium_malloc and sodium_free cost
// several system calls each, which was about a quarter of the client's time to seal 10,000
// records (bench/bench_sync). The bytes used are wiped when the Use ends, as a fresh buffer's
// would be when freed; the buffer itself is freed (and wiped again) when the thread ends.
class PaddingScratch
{
public:
    class Use
    {
    public:
        Use(SecretBytes &buffer, std::size_t size)
            : m_buffer(buffer)
            , m_size(size)
        {}
        ~Use() { sodium_memzero(m_buffer.data(), m_size); }
        Use(const Use &) = delete;
        Use &operator=(const Use &) = delete;
        std::uint8_t *data() { return m_buffer.data(); }
        std::size_t size() const { return m_size; }

    private:
        SecretBytes &m_buffer;
        std::size_t m_size;
    };

    static Use take(std::size_t size)
    {
        thread_local SecretBytes buffer;
        if (buffer.size() < size)
            buffer = SecretBytes(std::max<std::size_t>(size, 16 * 1024));
        return Use(buffer, size);
    }
};

bool knownKind(std::uint16_t kind)
{
    return kind >= static_cast<std::uint16_t>(RecordKind::Diary) &&
           kind <= static_cast<std::uint16_t>(RecordKind::Safety);
}

// Big-endian writer/reader over a fixed buffer; the sizes are checked by the callers.
class Writer
{
public:
    explicit Writer(std::uint8_t *out)
        : m_out(out)
    {}
    void bytes(const void *data, std::size_t size)
    {
        std::memcpy(m_out, data, size);
        m_out += size;
    }
    template<typename T>
    void number(T value)
    {
        for (int shift = (sizeof(T) - 1) * 8; shift >= 0; shift -= 8)
            *m_out++ = static_cast<std::uint8_t>(value >> shift);
    }

private:
    std::uint8_t *m_out;
};

class Reader
{
public:
    explicit Reader(const std::uint8_t *in)
        : m_in(in)
    {}
    template<std::size_t N>
    void bytes(std::array<std::uint8_t, N> &out)
    {
        std::memcpy(out.data(), m_in, N);
        m_in += N;
    }
    template<typename T>
    T number()
    {
        T value = 0;
        for (std::size_t i = 0; i < sizeof(T); ++i)
            value = static_cast<T>((value << 8) | *m_in++);
        return value;
    }
    void skip(std::size_t size) { m_in += size; }

private:
    const std::uint8_t *m_in;
};

void writeHeader(const EnvelopeHeader &header, std::uint8_t *out)
{
    Writer w(out);
    w.bytes(kMagic, sizeof(kMagic));
    w.number(header.format);
    w.number(header.suite);
    w.bytes(header.vaultId.data(), header.vaultId.size());
    w.bytes(header.recordId.data(), header.recordId.size());
    w.number(static_cast<std::uint16_t>(header.recordKind));
    w.number(header.schema);
    w.number(header.version);
    w.bytes(header.previousHash.data(), header.previousHash.size());
    w.number(header.keyEpoch);
    w.bytes(header.authorDevice.data(), header.authorDevice.size());
    w.bytes(header.nonce.data(), header.nonce.size());
}

Error damaged(const char *why)
{
    return makeError(ErrorCode::Damaged,
                     QStringLiteral("rejected record envelope: ") + QLatin1String(why));
}

} // namespace

Result<QByteArray> sealEnvelope(EnvelopeHeader header, QByteArrayView plaintext,
                                const SecretBytes &dataKey)
{
    COMPANION_TRY(crypto::initialize());
    if (dataKey.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Internal, QStringLiteral("data key has a wrong size"));
    if (static_cast<std::size_t>(plaintext.size()) > kMaxPlaintextSize)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("record is too large to sync"));
    if (!knownKind(static_cast<std::uint16_t>(header.recordKind)) || header.version == 0)
        return makeError(ErrorCode::InvalidInput, QStringLiteral("invalid envelope header"));
    header.format = EnvelopeHeader::kFormat;
    header.suite = EnvelopeHeader::kSuiteXChaCha20Poly1305;
    randombytes_buf(header.nonce.data(), header.nonce.size());

    // Pad in wiped memory: the buffer holds plaintext.
    const std::size_t plainSize = static_cast<std::size_t>(plaintext.size());
    PaddingScratch::Use padded = PaddingScratch::take(plainSize + kPaddingBlock);
    if (plainSize)
        std::memcpy(padded.data(), plaintext.data(), plainSize);
    std::size_t paddedSize = 0;
    if (sodium_pad(&paddedSize, padded.data(), plainSize, kPaddingBlock, padded.size()) != 0)
        return makeError(ErrorCode::Internal, QStringLiteral("padding failed"));

    QByteArray envelope(static_cast<qsizetype>(kHeaderSize + paddedSize + kTagSize),
                        Qt::Uninitialized);
    auto *out = reinterpret_cast<std::uint8_t *>(envelope.data());
    writeHeader(header, out);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + kHeaderSize, &written, padded.data(),
                                               paddedSize, out, kHeaderSize, nullptr,
                                               header.nonce.data(), dataKey.data());
    envelope.resize(static_cast<qsizetype>(kHeaderSize + written));
    return envelope;
}

Result<EnvelopeHeader> parseEnvelopeHeader(QByteArrayView envelope)
{
    const auto size = static_cast<std::size_t>(envelope.size());
    if (size > kMaxEnvelopeSize)
        return damaged("too large");
    if (size < kHeaderSize + kPaddingBlock + kTagSize)
        return damaged("too short");
    if ((size - kHeaderSize - kTagSize) % kPaddingBlock != 0)
        return damaged("ciphertext is not a whole number of padding blocks");
    const auto *in = reinterpret_cast<const std::uint8_t *>(envelope.data());
    if (std::memcmp(in, kMagic, sizeof(kMagic)) != 0)
        return damaged("not a Companion envelope");

    Reader r(in);
    r.skip(sizeof(kMagic));
    EnvelopeHeader header;
    header.format = r.number<std::uint8_t>();
    header.suite = r.number<std::uint8_t>();
    if (header.format != EnvelopeHeader::kFormat ||
        header.suite != EnvelopeHeader::kSuiteXChaCha20Poly1305)
        return makeError(ErrorCode::Unsupported,
                         QStringLiteral("record envelope from a newer version of Companion"));
    r.bytes(header.vaultId);
    r.bytes(header.recordId);
    const auto kind = r.number<std::uint16_t>();
    if (!knownKind(kind))
        return damaged("unknown record kind");
    header.recordKind = static_cast<RecordKind>(kind);
    header.schema = r.number<std::uint16_t>();
    header.version = r.number<std::uint64_t>();
    if (header.version == 0)
        return damaged("version 0");
    r.bytes(header.previousHash);
    header.keyEpoch = r.number<std::uint32_t>();
    r.bytes(header.authorDevice);
    r.bytes(header.nonce);
    return header;
}

Result<OpenedEnvelope> openEnvelope(QByteArrayView envelope, const SecretBytes &dataKey)
{
    COMPANION_TRY(crypto::initialize());
    auto header = parseEnvelopeHeader(envelope);
    if (!header)
        return header.error();
    if (dataKey.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(ErrorCode::Internal, QStringLiteral("data key has a wrong size"));

    const auto *in = reinterpret_cast<const std::uint8_t *>(envelope.data());
    const std::size_t cipherSize = static_cast<std::size_t>(envelope.size()) - kHeaderSize;
    PaddingScratch::Use padded = PaddingScratch::take(cipherSize - kTagSize);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(padded.data(), &written, nullptr,
                                                   in + kHeaderSize, cipherSize, in, kHeaderSize,
                                                   header->nonce.data(), dataKey.data()) != 0)
        return damaged("authentication failed (altered, or a different key)");
    std::size_t unpaddedSize = 0;
    if (sodium_unpad(&unpaddedSize, padded.data(), static_cast<std::size_t>(written),
                     kPaddingBlock) != 0)
        return damaged("bad padding");
    OpenedEnvelope opened;
    opened.header = *header;
    opened.plaintext = QByteArray(reinterpret_cast<const char *>(padded.data()),
                                  static_cast<qsizetype>(unpaddedSize));
    return opened;
}

Hash32 envelopeHash(QByteArrayView envelope)
{
    Hash32 hash{};
    crypto_generichash(hash.data(), hash.size(),
                       reinterpret_cast<const unsigned char *>(envelope.data()),
                       static_cast<unsigned long long>(envelope.size()), nullptr, 0);
    return hash;
}

} // namespace companion::protocol
