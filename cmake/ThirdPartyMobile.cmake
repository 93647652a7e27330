# SQLCipher, libsodium, zxcvbn-c, libqrencode and zbar for Android and iOS, built for the target from pinned release
# tarballs (docs/adr/0020, docs/packaging.md). Included by the top-level CMakeLists.txt only when
# ANDROID or IOS; the desktop build keeps using Debian's packages through pkg-config.
#
# NOT BUILT ON THE LINUX CI MACHINE: it has no Android NDK and no Xcode. The recipes follow each
# project's documented cross-build; expect to adjust flags on the first real build.
#
# Provides what the rest of the build expects from the desktop's pkg-config lookups:
#   PkgConfig::SODIUM      static libsodium
#   PkgConfig::SQLCIPHER   static SQLCipher (amalgamation compiled by this build's toolchain)
#   ZXCVBN_LIBRARY, ZXCVBN_INCLUDE_DIR
#   PkgConfig::QRENCODE    static libqrencode (QR codes drawn: the join code on the old device)
#   PkgConfig::ZBAR        static zbar, QR symbology only (QR codes read from camera frames)
#
# Hashes. Each URL_HASH below was checked against at least two independent published records
# before it was written here; none was computed on this machine (it cannot download the files):
#   libsodium 1.0.18   6f504490…636c1  the aSocial/toxcore CMake pin and the nixpkgs SRI hash
#                      (sha256-b1BEkLNCpPikxKAvybhmy++GItXfTlRStGvhIeRmNsE=, the same bytes).
#                      The official tarball from download.libsodium.org; the GitHub release
#                      asset 1.0.18-RELEASE is the same file.
#   SQLCipher 4.6.1    d8f9afcb…53a3   Spack's sqlcipher package, Homebrew's formula and the
#                      qTox/TokTok build scripts (GitHub tag archive v4.6.1).
#   OpenSSL 3.0.13     88525753…e313   Spack, Homebrew openssl@3.0, CPython's macOS installer
#                      recipe and Ubuntu's openssl_3.0.13.orig.tar.gz (the same file).
#   qrencode 4.1.1     e455d973…6923   the release tarball qrencode-4.1.1.tar.bz2 from fukuchi.org
#                      (= Debian bookworm's 4.1.1-1): qTox's download_qrencode.sh, Chimera
#                      Linux's qrencode template, an Arch-derived PKGBUILD and several Bitcoin-
#                      style depends/packages/qrencode.mk all publish the same value.
#   zbar 0.23.92       dffc1669…b4ba   the GitHub tag archive 0.23.92.tar.gz (= the orig tarball
#                      of Debian bookworm's 0.23.92-7+deb12u1): Termux's zbar build.sh and the
#                      Monero-wallet depends/packages/zbar.mk publish the same value.
#                      Debian adds security fixes to the QR decoder (CVE-2023-40889, -40890);
#                      the upstream tarball lacks them and no patch is vendored here, so
#                      configure stops until COMPANION_ZBAR_PATCH_DIR names a folder with the
#                      patches to apply (docs/packaging.md, "Pinned sources").
#   zxcvbn-c 2.5       NOT VERIFIED: no published checksum was found. There is deliberately no
#                      default: configure stops until COMPANION_ZXCVBN_SHA256 is given (compute
#                      it from a tarball whose signature/commit you checked:
#                      `sha256sum v2.5.tar.gz`, tag v2.5 = Debian bookworm's zxcvbn-c 2.5).
# Bump OpenSSL to the newest 3.0.x LTS release (with its published SHA-256) before shipping;
# SQLCipher uses only its libcrypto (AES-256-CBC, HMAC-SHA512, PBKDF2), never TLS.
#
# Crypto provider for SQLCipher: CommonCrypto on iOS (part of the OS, FIPS-validated, nothing to
# ship); OpenSSL's libcrypto on Android (the NDK has no system crypto library for native code;
# libtomcrypt would work too but is less reviewed). The database format is SQLCipher 4's: phones
# create new profiles, and profiles move between devices only through sync and export, never as
# database files (ciphersettings.cpp sets the same raw key and 4096-byte pages everywhere).

include(ExternalProject)

set(COMPANION_SODIUM_URL
    "https://download.libsodium.org/libsodium/releases/libsodium-1.0.18.tar.gz")
set(COMPANION_SODIUM_SHA256 6f504490b342a4f8a4c4a02fc9b866cbef8622d5df4e5452b46be121e46636c1)
set(COMPANION_SQLCIPHER_URL
    "https://github.com/sqlcipher/sqlcipher/archive/refs/tags/v4.6.1.tar.gz")
set(COMPANION_SQLCIPHER_SHA256 d8f9afcbc2f4b55e316ca4ada4425daf3d0b4aab25f45e11a802ae422b9f53a3)
set(COMPANION_OPENSSL_URL "https://www.openssl.org/source/openssl-3.0.13.tar.gz")
set(COMPANION_OPENSSL_SHA256 88525753f79d3bec27d2fa7c66aa0b92b3aa9498dafd93d7cfa4b3780cdae313)
set(COMPANION_QRENCODE_URL "https://fukuchi.org/works/qrencode/qrencode-4.1.1.tar.bz2")
set(COMPANION_QRENCODE_SHA256 e455d9732f8041cf5b9c388e345a641fd15707860f928e94507b1961256a6923)
set(COMPANION_ZBAR_URL "https://github.com/mchehab/zbar/archive/refs/tags/0.23.92.tar.gz")
set(COMPANION_ZBAR_SHA256 dffc16695cb6e42fa318a4946fd42866c0f5ab735f7eaf450b108d1c3a19b4ba)
set(COMPANION_ZBAR_PATCH_DIR "" CACHE PATH
    "Folder of *.patch files applied to zbar 0.23.92 (Debian's security fixes; see cmake/ThirdPartyMobile.cmake)")
file(GLOB _tp_zbar_patches "${COMPANION_ZBAR_PATCH_DIR}/*.patch")
if(NOT COMPANION_ZBAR_PATCH_DIR OR NOT _tp_zbar_patches)
    # The decoder reads whatever a camera sees: a phone must not ship it without the fixes
    # Debian's package carries.
    message(FATAL_ERROR
        "COMPANION_ZBAR_PATCH_DIR does not name a folder with zbar patches. Upstream zbar 0.23.92 "
        "lacks the QR decoder fixes in Debian bookworm's 0.23.92-7+deb12u1 (CVE-2023-40889, "
        "CVE-2023-40890): put those patches (debian/patches of that source package) in a folder "
        "and pass -DCOMPANION_ZBAR_PATCH_DIR=<folder> (docs/packaging.md, 'Pinned sources').")
endif()
list(SORT _tp_zbar_patches)
set(COMPANION_ZXCVBN_URL "https://github.com/tsyrogit/zxcvbn-c/archive/refs/tags/v2.5.tar.gz")
set(COMPANION_ZXCVBN_SHA256 "" CACHE STRING
    "SHA-256 of zxcvbn-c v2.5.tar.gz (not verified by the project: see cmake/ThirdPartyMobile.cmake)")
string(LENGTH "${COMPANION_ZXCVBN_SHA256}" _tp_zxcvbn_hash_length)
if(NOT _tp_zxcvbn_hash_length EQUAL 64 OR NOT COMPANION_ZXCVBN_SHA256 MATCHES "^[0-9a-f]+$")
    message(FATAL_ERROR
        "COMPANION_ZXCVBN_SHA256 is not set. No published checksum of zxcvbn-c v2.5 could be "
        "verified, so none is built in: check the tarball yourself and pass "
        "-DCOMPANION_ZXCVBN_SHA256=<sha256> (docs/packaging.md, 'Pinned sources').")
endif()

set(_tp_prefix ${CMAKE_BINARY_DIR}/thirdparty)
# Imported targets need their include directories to exist at configure time.
file(MAKE_DIRECTORY ${_tp_prefix}/include)
find_program(COMPANION_MAKE_EXECUTABLE NAMES gmake make REQUIRED)

# ---- The target's C compiler as autotools wants it --------------------------------------------
if(ANDROID)
    # Qt for Android configures one build per ABI through the NDK's toolchain file, which sets
    # ANDROID_ABI, ANDROID_NDK and the API level.
    if(ANDROID_ABI STREQUAL "arm64-v8a")
        set(_tp_host aarch64-linux-android)
        set(_tp_clang_triple aarch64-linux-android)
        set(_tp_openssl_target android-arm64)
    elseif(ANDROID_ABI STREQUAL "armeabi-v7a")
        set(_tp_host arm-linux-androideabi)
        set(_tp_clang_triple armv7a-linux-androideabi)
        set(_tp_openssl_target android-arm)
    elseif(ANDROID_ABI STREQUAL "x86_64")
        set(_tp_host x86_64-linux-android)
        set(_tp_clang_triple x86_64-linux-android)
        set(_tp_openssl_target android-x86_64)
    elseif(ANDROID_ABI STREQUAL "x86")
        set(_tp_host i686-linux-android)
        set(_tp_clang_triple i686-linux-android)
        set(_tp_openssl_target android-x86)
    else()
        message(FATAL_ERROR "Unknown ANDROID_ABI '${ANDROID_ABI}'")
    endif()
    if(DEFINED ANDROID_PLATFORM_LEVEL)
        set(_tp_api ${ANDROID_PLATFORM_LEVEL})
    else()
        set(_tp_api ${ANDROID_NATIVE_API_LEVEL})
    endif()
    # zbar converts QR text with iconv, which Android's libc has from API 28 (Android 9) on;
    # below that the native library would not load (docs/adr/0028).
    if(_tp_api LESS 28)
        message(FATAL_ERROR "Android builds need ANDROID_PLATFORM android-28 or later (zbar needs "
            "iconv from bionic; docs/adr/0028), got API ${_tp_api}")
    endif()
    if(NOT DEFINED ANDROID_TOOLCHAIN_ROOT)
        string(TOLOWER "${CMAKE_HOST_SYSTEM_NAME}-x86_64" _tp_host_tag)
        set(ANDROID_TOOLCHAIN_ROOT ${ANDROID_NDK}/toolchains/llvm/prebuilt/${_tp_host_tag})
    endif()
    set(_tp_cc ${ANDROID_TOOLCHAIN_ROOT}/bin/${_tp_clang_triple}${_tp_api}-clang)
    set(_tp_cflags "-O2 -fPIC")
    set(_tp_env ${CMAKE_COMMAND} -E env CC=${_tp_cc} AR=${ANDROID_TOOLCHAIN_ROOT}/bin/llvm-ar
        RANLIB=${ANDROID_TOOLCHAIN_ROOT}/bin/llvm-ranlib "CFLAGS=${_tp_cflags}")
elseif(IOS)
    # Device builds (arm64). A simulator build needs its own sysroot and -target; not covered.
    set(_tp_host arm-apple-darwin)
    set(_tp_cflags
        "-O2 -arch arm64 -isysroot ${CMAKE_OSX_SYSROOT} -miphoneos-version-min=${CMAKE_OSX_DEPLOYMENT_TARGET}")
    set(_tp_env ${CMAKE_COMMAND} -E env CC=${CMAKE_C_COMPILER} "CFLAGS=${_tp_cflags}")
else()
    message(FATAL_ERROR "ThirdPartyMobile.cmake is for Android and iOS builds only")
endif()

# ---- libsodium 1.0.18 (autotools, cross) ------------------------------------------------------
ExternalProject_Add(companion_sodium_external
    URL ${COMPANION_SODIUM_URL}
    URL_HASH SHA256=${COMPANION_SODIUM_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX ${_tp_prefix}/build/sodium
    INSTALL_DIR ${_tp_prefix}
    CONFIGURE_COMMAND ${_tp_env} <SOURCE_DIR>/configure --host=${_tp_host} --prefix=<INSTALL_DIR>
        --disable-shared --enable-static --with-pic --disable-ssp
    BUILD_COMMAND ${COMPANION_MAKE_EXECUTABLE} -j4
    INSTALL_COMMAND ${COMPANION_MAKE_EXECUTABLE} install
    BUILD_BYPRODUCTS ${_tp_prefix}/lib/libsodium.a)
add_library(PkgConfig::SODIUM STATIC IMPORTED GLOBAL)
set_target_properties(PkgConfig::SODIUM PROPERTIES
    IMPORTED_LOCATION ${_tp_prefix}/lib/libsodium.a
    INTERFACE_INCLUDE_DIRECTORIES ${_tp_prefix}/include)
add_dependencies(PkgConfig::SODIUM companion_sodium_external)

# ---- OpenSSL libcrypto (Android only: SQLCipher's crypto provider) ----------------------------
if(ANDROID)
    ExternalProject_Add(companion_openssl_external
        URL ${COMPANION_OPENSSL_URL}
        URL_HASH SHA256=${COMPANION_OPENSSL_SHA256}
        DOWNLOAD_EXTRACT_TIMESTAMP TRUE
        PREFIX ${_tp_prefix}/build/openssl
        INSTALL_DIR ${_tp_prefix}
        BUILD_IN_SOURCE TRUE
        # OpenSSL's own Android targets find clang through ANDROID_NDK_ROOT and PATH.
        CONFIGURE_COMMAND ${CMAKE_COMMAND} -E env ANDROID_NDK_ROOT=${ANDROID_NDK}
            PATH=${ANDROID_TOOLCHAIN_ROOT}/bin:$ENV{PATH}
            perl <SOURCE_DIR>/Configure ${_tp_openssl_target} -D__ANDROID_API__=${_tp_api}
            --prefix=<INSTALL_DIR> --libdir=lib no-shared no-tests no-apps no-engine no-comp
            no-ui-console no-ssl3 no-dso
        BUILD_COMMAND ${CMAKE_COMMAND} -E env ANDROID_NDK_ROOT=${ANDROID_NDK}
            PATH=${ANDROID_TOOLCHAIN_ROOT}/bin:$ENV{PATH}
            ${COMPANION_MAKE_EXECUTABLE} -j4 build_libs
        INSTALL_COMMAND ${COMPANION_MAKE_EXECUTABLE} install_dev
        BUILD_BYPRODUCTS ${_tp_prefix}/lib/libcrypto.a)
    add_library(companion_libcrypto STATIC IMPORTED GLOBAL)
    set_target_properties(companion_libcrypto PROPERTIES
        IMPORTED_LOCATION ${_tp_prefix}/lib/libcrypto.a
        INTERFACE_INCLUDE_DIRECTORIES ${_tp_prefix}/include)
    add_dependencies(companion_libcrypto companion_openssl_external)
endif()

# ---- SQLCipher 4.6.1: the amalgamation, generated on the host, compiled for the target --------
# `make sqlite3.c` only concatenates sources (it needs a host cc and tclsh, no cross compiler);
# every crypto provider is inside the amalgamation, selected below by SQLCIPHER_CRYPTO_*.
set(_tp_sqlcipher_dir ${_tp_prefix}/build/sqlcipher/src/companion_sqlcipher_external-build)
ExternalProject_Add(companion_sqlcipher_external
    URL ${COMPANION_SQLCIPHER_URL}
    URL_HASH SHA256=${COMPANION_SQLCIPHER_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX ${_tp_prefix}/build/sqlcipher
    BINARY_DIR ${_tp_sqlcipher_dir}
    CONFIGURE_COMMAND <SOURCE_DIR>/configure --enable-tempstore=yes --disable-tcl
        --with-crypto-lib=none "CFLAGS=-DSQLITE_HAS_CODEC"
    BUILD_COMMAND ${COMPANION_MAKE_EXECUTABLE} sqlite3.c
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${_tp_sqlcipher_dir}/sqlite3.c ${_tp_sqlcipher_dir}/sqlite3.h)
set_source_files_properties(${_tp_sqlcipher_dir}/sqlite3.c PROPERTIES GENERATED TRUE)
add_library(companion_sqlcipher STATIC ${_tp_sqlcipher_dir}/sqlite3.c)
add_dependencies(companion_sqlcipher companion_sqlcipher_external)
target_include_directories(companion_sqlcipher SYSTEM PUBLIC ${_tp_sqlcipher_dir})
# The same choices as the desktop's settings (storage/ciphersettings.cpp), fixed at compile time
# where SQLite allows: temp files always in memory, secure delete, no extension loading.
target_compile_definitions(companion_sqlcipher
    PUBLIC SQLITE_HAS_CODEC
    PRIVATE SQLITE_TEMP_STORE=3 SQLITE_THREADSAFE=1 SQLITE_SECURE_DELETE SQLITE_OMIT_LOAD_EXTENSION
        SQLITE_DEFAULT_WAL_SYNCHRONOUS=2 HAVE_USLEEP=1 NDEBUG)
if(ANDROID)
    target_compile_definitions(companion_sqlcipher PRIVATE SQLCIPHER_CRYPTO_OPENSSL)
    target_link_libraries(companion_sqlcipher PUBLIC companion_libcrypto)
    # Keep our libcrypto's symbols private to the app's library, so they never meet the
    # libcrypto that Qt's TLS backend loads at run time.
    target_link_options(companion_sqlcipher INTERFACE "LINKER:--exclude-libs,libcrypto.a")
else()
    target_compile_definitions(companion_sqlcipher PRIVATE SQLCIPHER_CRYPTO_CC)
    target_link_libraries(companion_sqlcipher PUBLIC "-framework Security" "-framework Foundation")
endif()
add_library(PkgConfig::SQLCIPHER ALIAS companion_sqlcipher)

# ---- zxcvbn-c 2.5: the dictionary is generated on the host, the library compiled for the target
set(_tp_zxcvbn_dir ${_tp_prefix}/build/zxcvbn/src/companion_zxcvbn_external)
ExternalProject_Add(companion_zxcvbn_external
    URL ${COMPANION_ZXCVBN_URL}
    URL_HASH SHA256=${COMPANION_ZXCVBN_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX ${_tp_prefix}/build/zxcvbn
    SOURCE_DIR ${_tp_zxcvbn_dir}
    BUILD_IN_SOURCE TRUE
    CONFIGURE_COMMAND ""
    # dictgen is a host program; dict-src.h is the generated word list zxcvbn.c includes.
    BUILD_COMMAND ${COMPANION_MAKE_EXECUTABLE} dict-src.h
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${_tp_zxcvbn_dir}/zxcvbn.c ${_tp_zxcvbn_dir}/dict-src.h)
set_source_files_properties(${_tp_zxcvbn_dir}/zxcvbn.c PROPERTIES GENERATED TRUE)
add_library(companion_zxcvbn STATIC ${_tp_zxcvbn_dir}/zxcvbn.c)
add_dependencies(companion_zxcvbn companion_zxcvbn_external)
target_include_directories(companion_zxcvbn SYSTEM PUBLIC ${_tp_zxcvbn_dir})
set(ZXCVBN_LIBRARY companion_zxcvbn)
set(ZXCVBN_INCLUDE_DIR ${_tp_zxcvbn_dir})

# ---- libqrencode 4.1.1 (autotools, cross; no PNG, no command-line tool) -----------------------
ExternalProject_Add(companion_qrencode_external
    URL ${COMPANION_QRENCODE_URL}
    URL_HASH SHA256=${COMPANION_QRENCODE_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX ${_tp_prefix}/build/qrencode
    INSTALL_DIR ${_tp_prefix}
    CONFIGURE_COMMAND ${_tp_env} <SOURCE_DIR>/configure --host=${_tp_host} --prefix=<INSTALL_DIR>
        --disable-shared --enable-static --with-pic --without-tools --without-png
    BUILD_COMMAND ${COMPANION_MAKE_EXECUTABLE} -j4
    INSTALL_COMMAND ${COMPANION_MAKE_EXECUTABLE} install
    BUILD_BYPRODUCTS ${_tp_prefix}/lib/libqrencode.a)
add_library(PkgConfig::QRENCODE STATIC IMPORTED GLOBAL)
set_target_properties(PkgConfig::QRENCODE PROPERTIES
    IMPORTED_LOCATION ${_tp_prefix}/lib/libqrencode.a
    INTERFACE_INCLUDE_DIRECTORIES ${_tp_prefix}/include)
add_dependencies(PkgConfig::QRENCODE companion_qrencode_external)

# ---- zbar 0.23.92 (autotools from the tag archive: autoreconf on the host, then cross) --------
# Only the library and only the QR symbology: no video, no X, no ImageMagick, no language
# bindings, no D-Bus. The host needs autoconf, automake, libtool, gettext (autopoint), pkg-config.
set(_tp_zbar_patch_command "")
foreach(_tp_patch IN LISTS _tp_zbar_patches)
    list(APPEND _tp_zbar_patch_command COMMAND patch -p1 --forward -i ${_tp_patch})
endforeach()
list(POP_FRONT _tp_zbar_patch_command) # the first COMMAND keyword is PATCH_COMMAND itself
ExternalProject_Add(companion_zbar_external
    URL ${COMPANION_ZBAR_URL}
    URL_HASH SHA256=${COMPANION_ZBAR_SHA256}
    DOWNLOAD_EXTRACT_TIMESTAMP TRUE
    PREFIX ${_tp_prefix}/build/zbar
    INSTALL_DIR ${_tp_prefix}
    BUILD_IN_SOURCE TRUE
    PATCH_COMMAND ${_tp_zbar_patch_command}
        COMMAND autoreconf -vfi
    CONFIGURE_COMMAND ${_tp_env} <SOURCE_DIR>/configure --host=${_tp_host} --prefix=<INSTALL_DIR>
        --disable-shared --enable-static --with-pic --enable-codes=qrcode --disable-video
        --disable-doc --without-imagemagick --without-graphicsmagick --without-gtk --without-qt
        --without-python --without-java --without-x --without-xv --without-xshm --without-dbus
        --without-jpeg
    BUILD_COMMAND ${COMPANION_MAKE_EXECUTABLE} -j4
    INSTALL_COMMAND ${COMPANION_MAKE_EXECUTABLE} install
    BUILD_BYPRODUCTS ${_tp_prefix}/lib/libzbar.a)
add_library(PkgConfig::ZBAR STATIC IMPORTED GLOBAL)
set_target_properties(PkgConfig::ZBAR PROPERTIES
    IMPORTED_LOCATION ${_tp_prefix}/lib/libzbar.a
    INTERFACE_INCLUDE_DIRECTORIES ${_tp_prefix}/include)
if(IOS)
    # iconv is the system's libiconv on iOS; on Android it is in bionic (API 28+, checked above).
    set_target_properties(PkgConfig::ZBAR PROPERTIES INTERFACE_LINK_LIBRARIES iconv)
endif()
add_dependencies(PkgConfig::ZBAR companion_zbar_external)
