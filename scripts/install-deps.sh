#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Companion needs to build, run and test, only when missing.
# Every dependency lives here: nothing may be installed by hand on a developer's or CI's machine.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git python3
    qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-l10n-tools
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-shapes
    qml6-module-qtqml qml6-module-qtqml-workerscript qml6-module-qttest
    libsqlcipher-dev libsodium-dev libzxcvbn-dev libzxcvbn0 catch2
    xvfb xauth fonts-dejavu-core
    # Clinic server: Beast/Asio (headers), OpenSSL for TLS, QtSql drivers for SQLite and
    # PostgreSQL, and a PostgreSQL 15 server for the integration tests (tests/server).
    libboost1.81-dev libssl-dev openssl libqt6sql6-sqlite libqt6sql6-psql postgresql
    # Fuzzing (scripts/fuzz.sh): clang 14 with libFuzzer and the sanitizer runtimes, and
    # llvm-symbolizer for readable crash reports. readelf (binutils, from build-essential)
    # checks the hardening flags (scripts/check-hardening.sh).
    clang-14 libclang-rt-14-dev llvm-14
    # Reminders: a private session bus in the D-Bus notification tests; the ICS export is parsed
    # back by Debian's iCalendar library (run with /usr/bin/python3, where Debian installs it).
    dbus-daemon python3-icalendar
    # Server load benchmark (bench/bench_server_load.sh): HTTP load generator.
    wrk
    # Sync benchmark (bench/bench_sync): libpq for the floor's binary COPY (QtSql has no COPY).
    libpq-dev
    # The care-team console's one-page PDF report is checked with pdfinfo (page count) and
    # pdftotext (tests/careteam).
    poppler-utils
    # Packaging: the icon PNGs are rendered from the SVG at build time (QtSvg), and the AppStream
    # metainfo is checked by appstreamcli (tests appstream_validate, install_tree).
    qt6-svg-dev
    appstream
    # Accessibility walk (tests/accessibility, ADR 0021): the AT-SPI bus and registry, Debian's
    # pyatspi (for /usr/bin/python3) to read the tree, xdotool for real key presses under Xvfb.
    at-spi2-core python3-pyatspi xdotool
    # QR codes for enrolment and device joining (ADR 0018): libqrencode renders them, zbar reads
    # them from images; Qt Multimedia feeds camera frames to the app's scanner; the Qt Quick
    # file dialog ("Open a QR image") with the folder model its non-native dialog needs.
    libqrencode-dev libzbar-dev qt6-multimedia-dev qml6-module-qtmultimedia
    qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel
)

# Node.js with npm runs the FHIR R4 schema test. Use what the machine has when both commands work:
# NodeSource's nodejs bundles npm and conflicts with Debian's npm package, so asking apt for "npm"
# there fails. Otherwise Debian's packages.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
