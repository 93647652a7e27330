#include "cli/secretreader.h"

#include "support/tempdir.h"

#include <catch2/catch.hpp>

#include <QFile>

#include <string>
#include <unistd.h>

using namespace Qt::StringLiterals;
using companion::ErrorCode;
using companion::SecretBytes;
using companion::cli::SecretReader;

namespace {

std::string text(const SecretBytes &bytes)
{
    return {reinterpret_cast<const char *>(bytes.data()), bytes.size()};
}

// A pipe pre-filled with `input`, standing in for standard input.
class FakeStdin
{
public:
    explicit FakeStdin(const std::string &input)
    {
        REQUIRE(::pipe(m_fds) == 0);
        REQUIRE(::write(m_fds[1], input.data(), input.size()) ==
                static_cast<ssize_t>(input.size()));
        ::close(m_fds[1]);
    }
    ~FakeStdin() { ::close(m_fds[0]); }
    int fd() const { return m_fds[0]; }

private:
    int m_fds[2] = {-1, -1};
};

QString writeFile(const companion::testing::TempDir &dir, const QByteArray &content)
{
    const QString path = dir.file(u"secret.txt"_s);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

} // namespace

TEST_CASE("secrets from standard input are one line each without the line end", "[cli]")
{
    FakeStdin input("first secret\r\nsecond secret\nthird");
    SecretReader reader(input.fd(), -1);
    CHECK_FALSE(reader.inputIsTerminal());
    auto first = reader.readLine(u"unused: "_s, u"passphrase"_s);
    REQUIRE(first);
    CHECK(text(*first) == "first secret");
    auto second = reader.readLine(u"unused: "_s, u"passphrase"_s);
    REQUIRE(second);
    CHECK(text(*second) == "second secret");
    auto third = reader.readLine(u"unused: "_s, u"passphrase"_s);
    REQUIRE(third);
    CHECK(text(*third) == "third");
    auto none = reader.readLine(u"unused: "_s, u"passphrase"_s);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("readNew from a pipe reads a single line (no confirmation)", "[cli]")
{
    FakeStdin input("new one\nnext\n");
    SecretReader reader(input.fd(), -1);
    auto secret = reader.readNew({}, u"a"_s, u"b"_s, u"passphrase"_s);
    REQUIRE(secret);
    CHECK(text(*secret) == "new one");
}

TEST_CASE("empty and overlong stdin lines are refused", "[cli]")
{
    FakeStdin empty("\nafter\n");
    SecretReader reader(empty.fd(), -1);
    auto first = reader.readLine(u"p"_s, u"passphrase"_s);
    REQUIRE_FALSE(first);
    CHECK(first.error().code == ErrorCode::InvalidInput);

    const std::string longLine(SecretReader::kMaxSecretBytes + 1, 'a');
    FakeStdin overlong(longLine + "\nok\n");
    SecretReader longReader(overlong.fd(), -1);
    auto tooLong = longReader.readLine(u"p"_s, u"passphrase"_s);
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().message.contains(u"longer than"));
    // The rest of the overlong line was consumed; the next secret starts cleanly.
    auto next = longReader.readLine(u"p"_s, u"passphrase"_s);
    REQUIRE(next);
    CHECK(text(*next) == "ok");

    const std::string maximal(SecretReader::kMaxSecretBytes, 'b');
    FakeStdin exact(maximal + "\r\n");
    SecretReader exactReader(exact.fd(), -1);
    auto fits = exactReader.readLine(u"p"_s, u"passphrase"_s);
    REQUIRE(fits);
    CHECK(fits->size() == SecretReader::kMaxSecretBytes);
}

TEST_CASE("secrets from a file are its first line only", "[cli]")
{
    companion::testing::TempDir dir;
    auto crlf = SecretReader::readFromFile(writeFile(dir, "pass phrase\r\nignored\n"), u"x"_s);
    REQUIRE(crlf);
    CHECK(text(*crlf) == "pass phrase");

    auto noNewline = SecretReader::readFromFile(writeFile(dir, "no newline"), u"x"_s);
    REQUIRE(noNewline);
    CHECK(text(*noNewline) == "no newline");

    auto empty = SecretReader::readFromFile(writeFile(dir, "\nsecond"), u"x"_s);
    REQUIRE_FALSE(empty);
    CHECK(empty.error().code == ErrorCode::InvalidInput);

    auto huge = SecretReader::readFromFile(
        writeFile(dir, QByteArray(SecretReader::kMaxSecretBytes + 10, 'z')), u"x"_s);
    REQUIRE_FALSE(huge);
    CHECK(huge.error().code == ErrorCode::InvalidInput);

    auto missing = SecretReader::readFromFile(dir.file(u"missing"_s), u"passphrase"_s);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().code == ErrorCode::NotFound);
    CHECK(missing.error().message.contains(u"passphrase file"));
}
