#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace companion::server {

// Credentials the server hands out (enrolment and join codes, challenges, access tokens) are
// high-entropy random values; the database keeps only their BLAKE2b-256 hash, so a copy of the
// database does not let anyone enrol or act as a device. A fast hash is enough at ≥ 100 bits.

QByteArray randomBytes(int size);
// Lower-case hex BLAKE2b-256 of `secret`.
QString hashSecret(QByteArrayView secret);

// 20 symbols of Crockford base32 (100 bits) in groups of four: "7KQ2-…". Typed by a person, so
// normaliseCode() forgives case, spaces, dashes and the usual look-alikes (O→0, I/L→1).
QString newEnrolmentCode();
QString normaliseCode(const QString &code);

// 32 random bytes, base64url without padding (43 characters).
QString newAccessToken();

} // namespace companion::server
