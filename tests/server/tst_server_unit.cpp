#include <catch2/catch.hpp>

#include "server/api.h"
#include "server/auditlog.h"
#include "server/database.h"
#include "server/ratelimiter.h"
#include "server/secrets.h"
#include "support/tempdir.h"

#include <QSet>

using namespace companion;
using namespace companion::server;

TEST_CASE("Every route is unique, matched, and has a body cap when it takes a body",
          "[server][routes]")
{
    QSet<QByteArray> seen;
    for (const RouteInfo &route : routeTable()) {
        INFO(route.method.toStdString() << " " << route.pattern.toStdString());
        CHECK_FALSE(seen.contains(route.method + ' ' + route.pattern));
        seen.insert(route.method + ' ' + route.pattern);
        QByteArray target = route.pattern;
        target.replace("{", "").replace("}", "");
        const RouteMatch match = matchRoute(route.method, QByteArray(target + "?x=1"));
        REQUIRE(match.index >= 0);
        CHECK(routeTable()[static_cast<std::size_t>(match.index)].pattern == route.pattern);
        if (route.method == "POST" || route.method == "PUT")
            CHECK(route.bodyLimit > 0);
        else
            CHECK(route.bodyLimit == 0);
        if (route.pattern.startsWith("/v1/vault") || route.pattern.startsWith("/v1/sync"))
            CHECK(route.access == Access::Device);
        // The therapist's enrolment is the one public care-team route, rate-limited like the
        // patient's (ADR 0013).
        if (route.pattern == "/v1/careteam/enrol") {
            CHECK(route.access == Access::Public);
            CHECK(route.rate == RateClass::Enrol);
        } else if (route.pattern.startsWith("/v1/careteam")) {
            CHECK(route.access == Access::Therapist);
        }
    }
    CHECK(matchRoute("GET", "/v1/nothing").index == -1);
    CHECK(matchRoute("DELETE", "/v1/sync/push").wrongMethod);
    CHECK(matchRoute("GET", "/v1/vault/devices/").index == -1); // empty segment
}

TEST_CASE("The rate limiter allows a burst, then refills over a minute", "[server][limits]")
{
    RateLimiter limiter(3);
    const auto start = RateLimiter::Clock::now();
    CHECK(limiter.allow(QStringLiteral("1.2.3.4"), start));
    CHECK(limiter.allow(QStringLiteral("1.2.3.4"), start));
    CHECK(limiter.allow(QStringLiteral("1.2.3.4"), start));
    CHECK_FALSE(limiter.allow(QStringLiteral("1.2.3.4"), start));
    CHECK(limiter.allow(QStringLiteral("5.6.7.8"), start)); // per address
    CHECK(limiter.allow(QStringLiteral("1.2.3.4"), start + std::chrono::seconds(21)));
    CHECK_FALSE(limiter.allow(QStringLiteral("1.2.3.4"), start + std::chrono::seconds(22)));
}

TEST_CASE("Codes and tokens: normalised, random, stored only as hashes", "[server][secrets]")
{
    const QString code = newEnrolmentCode();
    CHECK(code.size() == 24);
    CHECK(normaliseCode(code.toLower()) == normaliseCode(code));
    CHECK(normaliseCode(QStringLiteral("oIl-0 11")) == QStringLiteral("011011"));
    CHECK(newEnrolmentCode() != code);
    CHECK(newAccessToken().size() == 43);
    CHECK(hashSecret("a") != hashSecret("b"));
    CHECK(hashSecret("a").size() == 64);
}

TEST_CASE("Database URLs", "[server][db]")
{
    auto pg = DatabaseUrl::parse(QStringLiteral("postgresql://clinic@db.local:5433/companion"));
    REQUIRE(pg);
    CHECK(pg->kind == DatabaseUrl::Kind::Postgres);
    CHECK(pg->user == QStringLiteral("clinic"));
    CHECK(pg->port == 5433);
    CHECK(pg->name == QStringLiteral("companion"));
    auto file = DatabaseUrl::parse(QStringLiteral("/var/lib/companion/server.db"));
    REQUIRE(file);
    CHECK(file->kind == DatabaseUrl::Kind::Sqlite);
    CHECK(DatabaseUrl::parse(QStringLiteral("sqlite:x.db"))->path == QStringLiteral("x.db"));
    CHECK_FALSE(DatabaseUrl::parse(QStringLiteral("mysql://x/y")));
    CHECK_FALSE(DatabaseUrl::parse(QStringLiteral("postgresql://host-only")));
}

TEST_CASE("Migrations: every step not recorded runs, even one below the highest recorded",
          "[server][db]")
{
    // Branches number their steps in parallel (ADR 0013): a database that recorded step 3 before
    // a lower step was merged must still get that step.
    testing::TempDir dir;
    auto db = Database::open(*DatabaseUrl::parse(dir.file(QStringLiteral("gap.db"))));
    REQUIRE(db);
    REQUIRE((*db)->exec("setup", QStringLiteral("CREATE TABLE schema_migrations (version INTEGER "
                                                "PRIMARY KEY, applied_at BIGINT NOT NULL)")));
    REQUIRE((*db)->exec("setup", QStringLiteral("INSERT INTO schema_migrations VALUES (3, 0)")));
    REQUIRE((*db)->exec("setup", QStringLiteral("CREATE TABLE therapist_codes (x INTEGER)")));
    REQUIRE((*db)->migrate());
    // Steps 1 and 2 ran although 3 was recorded first (and 4, the newest, after it).
    CHECK((*db)->exec("read", QStringLiteral("SELECT COUNT(*) FROM clinic")));
    CHECK((*db)->exec("read", QStringLiteral("SELECT COUNT(*) FROM vault_messages")));
    CHECK((*db)->exec("read",
                      QStringLiteral("SELECT COUNT(*) FROM vaults WHERE deleted_at IS NULL")));
    auto steps = (*db)->one("count", QStringLiteral("SELECT COUNT(*) FROM schema_migrations"));
    REQUIRE(steps);
    CHECK(steps->value(0).toInt() == 4);
    CHECK(*(*db)->schemaVersion() == 4);
}

TEST_CASE("Only routes that write nothing are answered on the read-only connections",
          "[server][routes]")
{
    // ADR 0026: readsOnly routes go to connections that refuse writes. A GET that writes (the
    // care team's record read appends its audit row) must stay on the writer.
    int readRoutes = 0;
    for (const RouteInfo &route : routeTable()) {
        INFO(route.method.toStdString() << " " << route.pattern.toStdString());
        if (route.readsOnly) {
            CHECK(route.method == "GET");
            ++readRoutes;
        }
        if (route.summary.contains(QStringLiteral("audited")))
            CHECK_FALSE(route.readsOnly);
    }
    CHECK(readRoutes >= 10);
}

TEST_CASE("A read-only connection refuses writes and sees each commit of the writer at once",
          "[server][db]")
{
    testing::TempDir dir;
    const auto url = *DatabaseUrl::parse(dir.file(QStringLiteral("readers.db")));
    auto writer = Database::open(url);
    REQUIRE(writer);
    REQUIRE((*writer)->migrate());
    auto reader = Database::open(url, Database::Mode::ReadOnly);
    REQUIRE(reader);

    const QString insert = QStringLiteral(
        "INSERT INTO vaults (id, label, last_seq, created_at) VALUES (?, 'x', 0, 0)");
    CHECK_FALSE((*reader)->exec("write on a reader", insert, {QStringLiteral("r")}));

    const auto countVaults = [&] {
        qint64 count = -1;
        REQUIRE((*reader)->readPrepared("count", QStringLiteral("SELECT COUNT(*) FROM vaults"), {},
                                        [&count](QSqlQuery &row) {
                                            if (row.next())
                                                count = row.value(0).toLongLong();
                                        }));
        return count;
    };
    REQUIRE((*writer)->exec("write", insert, {QStringLiteral("a")}));
    REQUIRE((*writer)->exec("write", insert, {QStringLiteral("b")}));
    CHECK(countVaults() == 2);
    // A read that stops after its first row (as a pull with more: true does) must not leave
    // the reader on that snapshot.
    REQUIRE((*reader)->readPrepared("first", QStringLiteral("SELECT id FROM vaults ORDER BY id"),
                                    {}, [](QSqlQuery &row) { row.next(); }));
    REQUIRE((*writer)->exec("write", insert, {QStringLiteral("c")}));
    CHECK(countVaults() == 3);
}

TEST_CASE("Audit chain: appends link, edits and deletions are found", "[server][audit]")
{
    testing::TempDir dir;
    auto db = Database::open(*DatabaseUrl::parse(dir.file(QStringLiteral("audit.db"))));
    REQUIRE(db);
    REQUIRE((*db)->migrate());
    CHECK(*(*db)->schemaVersion() == Database::latestSchemaVersion());
    REQUIRE((*db)->migrate()); // idempotent
    for (int i = 0; i < 5; ++i) {
        REQUIRE((*db)->begin());
        REQUIRE(appendAudit(**db,
                            {QStringLiteral("device"), QStringLiteral("d"), QStringLiteral("x"),
                             QStringLiteral("v"), QString::number(i)},
                            1000 + i));
        REQUIRE((*db)->commit());
    }
    auto intact = verifyAuditLog(**db);
    REQUIRE(intact);
    CHECK(intact->intact);
    CHECK(intact->rows == 5);
    auto entries = readAuditLog(**db, QStringLiteral("v"), 2, 10);
    REQUIRE(entries);
    CHECK(entries->size() == 3);
    CHECK(entries->front().prevHash == readAuditLog(**db, QString(), 1, 1)->front().hash);

    REQUIRE((*db)->exec("tamper", QStringLiteral("UPDATE audit_log SET at = 1 WHERE seq = 4")));
    auto edited = verifyAuditLog(**db);
    CHECK_FALSE(edited->intact);
    CHECK(edited->firstBadSeq == 4);
    // A forger who recomputes row 4's own hash still breaks row 5's link.
    AuditEntry row4 = readAuditLog(**db, QString(), 3, 1)->front();
    REQUIRE((*db)->exec("forge", QStringLiteral("UPDATE audit_log SET hash = ? WHERE seq = 4"),
                        {auditRowHash(row4.prevHash, row4)}));
    auto forged = verifyAuditLog(**db);
    CHECK_FALSE(forged->intact);
    CHECK(forged->firstBadSeq == 5);
}
