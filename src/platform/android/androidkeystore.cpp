#include "platform/android/androidkeystore.h"

#include <QJniEnvironment>
#include <QJniObject>

#include <optional>

using namespace Qt::StringLiterals;

namespace companion::platform {

namespace {

constexpr char kJavaClass[] = "org/companionapp/companion/DeviceKeyStore";

jbyteArray toJava(QJniEnvironment &env, const QByteArray &bytes)
{
    jbyteArray array = env->NewByteArray(static_cast<jsize>(bytes.size()));
    if (array)
        env->SetByteArrayRegion(array, 0, static_cast<jsize>(bytes.size()),
                                reinterpret_cast<const jbyte *>(bytes.constData()));
    return array;
}

QByteArray fromJava(QJniEnvironment &env, const QJniObject &object)
{
    const auto array = object.object<jbyteArray>();
    if (!array)
        return {};
    const jsize length = env->GetArrayLength(array);
    QByteArray bytes(length, Qt::Uninitialized);
    env->GetByteArrayRegion(array, 0, length, reinterpret_cast<jbyte *>(bytes.data()));
    return bytes;
}

// Calls DeviceKeyStore.<method>(byte[], byte[]) -> byte[]. A Java exception (the key store
// refused, GCM tag mismatch, key gone) becomes an empty optional; its message is not logged,
// although it holds nothing secret, to keep the rule simple.
std::optional<QByteArray> call(const char *method, const QByteArray &input,
                               const QByteArray &associatedData)
{
    QJniEnvironment env;
    jbyteArray in = toJava(env, input);
    jbyteArray aad = toJava(env, associatedData);
    if (!in || !aad || env.checkAndClearExceptions())
        return std::nullopt;
    const QJniObject result =
        QJniObject::callStaticObjectMethod(kJavaClass, method, "([B[B)[B", in, aad);
    const bool failed = env.checkAndClearExceptions() || !result.isValid();
    std::optional<QByteArray> out;
    if (!failed)
        out = fromJava(env, result);
    env->DeleteLocalRef(in);
    env->DeleteLocalRef(aad);
    return out;
}

} // namespace

bool AndroidKeyStore::available() const
{
    const bool ok = QJniObject::callStaticMethod<jboolean>(kJavaClass, "isAvailable", "()Z");
    QJniEnvironment env;
    return !env.checkAndClearExceptions() && ok;
}

QString AndroidKeyStore::backend() const
{
    return u"android-keystore"_s;
}

Result<QByteArray> AndroidKeyStore::seal(const QByteArray &plain, const QByteArray &associatedData)
{
    auto sealed = call("seal", plain, associatedData);
    if (!sealed)
        return makeError(ErrorCode::Io, u"the Android key store refused to seal the key file"_s);
    return *sealed;
}

Result<QByteArray> AndroidKeyStore::unseal(const QByteArray &sealed,
                                           const QByteArray &associatedData)
{
    auto plain = call("unseal", sealed, associatedData);
    if (!plain)
        return makeError(ErrorCode::Damaged,
                         u"the Android key store cannot open the key file (altered, or from "
                         u"another device or an earlier installation)"_s);
    return *plain;
}

std::unique_ptr<KeyStore> createDeviceKeyStore()
{
    return std::make_unique<AndroidKeyStore>();
}

} // namespace companion::platform
