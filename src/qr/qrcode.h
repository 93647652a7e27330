#pragma once

#include "common/result.h"
#include "common/secretbytes.h"

#include <QByteArrayView>
#include <QImage>
#include <QString>

#include <cstdint>
#include <vector>

namespace companion::qr {

// One QR symbol as modules (libqrencode, 8-bit mode, error correction M). The payload may be a
// secret (a device link): libqrencode's own working copies are freed but not wiped (threat model,
// "Device links"); the modules here are a plain vector the caller drops soon.
class QrCode
{
public:
    // InvalidInput when the payload is empty or longer than kMaxPayload.
    static Result<QrCode> encode(QByteArrayView payload);
    static constexpr qsizetype kMaxPayload = 1024;
    // The same for a secret payload (a device link's URI), which is wiped whatever the outcome:
    // once it is drawn, the symbol is the only copy anyone should need.
    static Result<QrCode> encodeSecret(SecretBytes &payload);

    int size() const { return m_size; } // modules per side, without the quiet zone
    bool dark(int x, int y) const;

    // Black modules on white with a 4-module quiet zone, `scale` pixels per module.
    QImage toImage(int scale = 8) const;
    // A PNG file (0644: an enrolment code is meant to be printed or shown; the caller decides
    // where it goes).
    Result<void> writePng(const QString &path, int scale = 8) const;
    // The symbol as UTF-8 half blocks (two module rows per text line), with ANSI colours forcing
    // dark modules on a white background so it scans on dark and light terminals alike.
    QByteArray toTerminalText() const;

private:
    int m_size = 0;
    std::vector<std::uint8_t> m_modules; // row-major, 1 = dark
};

} // namespace companion::qr
