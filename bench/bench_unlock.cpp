// bench_unlock: a full Profile::unlock (read the key file, Argon2id, unwrap, open SQLCipher,
// verify every page, migrate check) against a bare crypto_pwhash with the same parameters, read
// from the same key file. The goal: unlock costs at most 10% more than the KDF it cannot avoid.
#include "benchutil.h"

#include "crypto/sodium.h"
#include "storage/keyfile.h"
#include "storage/profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sodium.h>

#include <cstdio>
#include <string_view>

using namespace Qt::StringLiterals;
using namespace companion;
using namespace companion::bench;

namespace {

constexpr int kRecords = 3'000;
constexpr int kRuns = 5;
constexpr std::string_view kPassphrase = "bench violet-quasar Mendel harbour";

double timeUnlock(const QString &directory, const SecretBytes &passphrase)
{
    const auto start = SteadyClock::now();
    auto profile = storage::Profile::unlock(directory, passphrase);
    const double seconds = secondsSince(start);
    if (!profile)
        fail("Profile::unlock", profile.error());
    return seconds; // closing (lock) is not part of unlocking
}

double timeBarePwhash(const crypto::KdfParameters &kdf, const SecretBytes &passphrase)
{
    SecretBytes key(32);
    const auto start = SteadyClock::now();
    const int rc = crypto_pwhash(
        key.data(), key.size(), reinterpret_cast<const char *>(passphrase.data()),
        passphrase.size(), reinterpret_cast<const unsigned char *>(kdf.salt.constData()),
        kdf.opsLimit, static_cast<std::size_t>(kdf.memLimit), crypto_pwhash_ALG_ARGON2ID13);
    const double seconds = secondsSince(start);
    if (rc != 0)
        fail("crypto_pwhash", makeError(ErrorCode::Io, u"out of memory"_s));
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"companion.*.info=false"_s);
    if (auto ready = crypto::initialize(); !ready)
        fail("libsodium", ready.error());

    QTemporaryDir root(benchRoot() + u"/companion-bench-XXXXXX"_s);
    const QString directory = root.filePath(u"profile"_s);
    const SecretBytes passphrase = SecretBytes::fromUtf8(kPassphrase);
    {
        auto created = storage::Profile::create(directory, passphrase);
        if (!created)
            fail("Profile::create", created.error());
        auto records =
            created->profile->records().createMany(u"diary.checkin"_s, diaryBodies(kRecords));
        if (!records)
            fail("createMany", records.error());
    }
    auto keyFile = storage::readKeyFile(QDir(directory).filePath(u"profile.key"_s));
    if (!keyFile)
        fail("readKeyFile", keyFile.error());
    const crypto::KdfParameters &kdf = keyFile->kdf;
    std::printf("bench_unlock: profile with %d records (%lld bytes), Argon2id ops %llu, "
                "mem %llu MiB; median of %d\n",
                kRecords,
                static_cast<long long>(QFileInfo(QDir(directory).filePath(u"profile.db"_s)).size()),
                static_cast<unsigned long long>(kdf.opsLimit),
                static_cast<unsigned long long>(kdf.memLimit >> 20), kRuns);

    // One untimed run of each: first-touch page faults of the 64 MiB and a cold file cache.
    (void)timeUnlock(directory, passphrase);
    (void)timeBarePwhash(kdf, passphrase);

    std::vector<double> ours, bare;
    for (int run = 0; run < kRuns; ++run) {
        // Alternate the order so neither side always runs on a warmer machine.
        if (run % 2 == 0) {
            ours.push_back(timeUnlock(directory, passphrase));
            bare.push_back(timeBarePwhash(kdf, passphrase));
        } else {
            bare.push_back(timeBarePwhash(kdf, passphrase));
            ours.push_back(timeUnlock(directory, passphrase));
        }
        std::printf("  run %d: unlock %.1f ms, crypto_pwhash %.1f ms\n", run + 1,
                    ours.back() * 1000, bare.back() * 1000);
    }
    const double ratio = median(ours) / median(bare);
    std::vector<double> overheadMs;
    for (int run = 0; run < kRuns; ++run)
        overheadMs.push_back(
            (ours[static_cast<std::size_t>(run)] - bare[static_cast<std::size_t>(run)]) * 1000);
    // The part of unlock that is not the KDF: key file, unwrap, SQLCipher open, the HMAC check
    // of every page (quick_check), migration check. It grows with the database; the KDF does not.
    std::printf("  unlock minus KDF: median %.1f ms\n", median(overheadMs));
    printResult("unlock, 3k records (ms)", QString::number(median(ours) * 1000, 'f', 1),
                QString::number(median(bare) * 1000, 'f', 1), ratio, "<= 1.10", true, ratio <= 1.1);
    return 0;
}
