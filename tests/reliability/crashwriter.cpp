// The child of the kill -9 test (tst_reliability, "kill -9 during diary writes…"): unlocks a real
// profile with its recovery key (read from standard input, so it is not in `ps`), then writes
// diary entries through DiaryRepository as fast as it can and prints one acknowledgement line per
// committed change, until the parent kills it with SIGKILL:
//   A <id> <version>   a new entry, committed
//   E <id> <version>   an edit of an earlier entry, committed
// Each line is printed with one write(2) after add()/edit() returned, so a line the parent has
// read in full is a change the storage had acknowledged. The note text is synthetic filler of
// varying length (0 to 4,000 characters, the limit, so some rows spill into overflow pages); it is
// not patient text.
#include "crypto/recoverykey.h"
#include "storage/diaryrepository.h"
#include "storage/profile.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <cstdio>
#include <iostream>
#include <random>
#include <string>

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace companion;

namespace {

bool writeLine(const std::string &line)
{
    // One write(2) of less than PIPE_BUF bytes: the parent reads the whole line or none of it.
    return ::write(STDOUT_FILENO, line.data(), line.size()) == static_cast<ssize_t>(line.size());
}

domain::CheckIn makeCheckIn(std::mt19937 &random, int sequence)
{
    domain::CheckIn entry;
    entry.occurredAt = QDateTime(QDate(2026, 1, 1), QTime(9, 0), Qt::UTC).addSecs(sequence * 60LL);
    entry.mood = static_cast<int>(random() % 11);
    entry.anxiety = static_cast<int>(random() % 11);
    entry.pain = static_cast<int>(random() % 11);
    const int noteLength = static_cast<int>(random() % 4 == 0 ? random() % 4000 : random() % 200);
    entry.note = QString(noteLength, QLatin1Char('a' + static_cast<char>(sequence % 26)));
    return entry;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s PROFILE_DIR SEED < recovery-key\n", argv[0]);
        return 2;
    }
    // Die with the parent: a crashed test run must not leave a writer running.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    std::string keyText;
    std::getline(std::cin, keyText);
    auto key = crypto::RecoveryKey::parse(QString::fromStdString(keyText));
    if (!key) {
        std::fprintf(stderr, "bad recovery key\n");
        return 2;
    }
    auto profile = storage::Profile::unlockWithRecoveryKey(QString::fromLocal8Bit(argv[1]), *key);
    if (!profile) {
        std::fprintf(stderr, "unlock failed: %s\n",
                     qPrintable(profile.error().message)); // generic text, no patient data
        return 3;
    }
    storage::DiaryRepository diary((*profile)->records());
    std::mt19937 random(static_cast<unsigned>(std::stoul(argv[2])));
    std::vector<RecordId> written;

    // Bounded so a writer whose parent forgot it stops on its own (the parent kills far sooner).
    for (int sequence = 0; sequence < 200000; ++sequence) {
        if (!written.empty() && random() % 3 == 0) {
            const RecordId &id = written[random() % written.size()];
            auto edited = diary.edit(id, makeCheckIn(random, sequence));
            if (!edited) {
                std::fprintf(stderr, "edit failed: %s\n", qPrintable(edited.error().message));
                return 4;
            }
            if (!writeLine("E " + id.toString().toStdString() + ' ' +
                           std::to_string(edited->version) + '\n'))
                return 5;
        } else {
            auto added = diary.add(makeCheckIn(random, sequence));
            if (!added) {
                std::fprintf(stderr, "add failed: %s\n", qPrintable(added.error().message));
                return 4;
            }
            written.push_back(added->id);
            if (!writeLine("A " + added->id.toString().toStdString() + " 1\n"))
                return 5;
        }
    }
    return 0;
}
