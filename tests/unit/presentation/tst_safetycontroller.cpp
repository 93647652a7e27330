#include <catch2/catch.hpp>

#include "domain/crisisnumbers.h"
#include "presentation/profilecontroller.h"
#include "presentation/safetycontroller.h"
#include "support/tempdir.h"

using namespace companion;
using namespace Qt::StringLiterals;
using namespace companion::presentation;

namespace {

QStringList numbersOf(const SafetyController &safety)
{
    QStringList numbers;
    for (const QVariant &line : safety.numbers())
        numbers << line.toMap().value(u"number"_s).toString();
    return numbers;
}

} // namespace

TEST_CASE("Crisis numbers: clinic first, else the country's lines, else US defaults",
          "[presentation][safety]")
{
    testing::TempDir dir;
    ProfileController profile(dir.path());

    SafetyController us(profile, u"US"_s);
    CHECK(numbersOf(us) == QStringList{u"911"_s, u"988"_s}); // emergency first
    const QVariantMap lifeline = us.numbers().at(1).toMap();
    CHECK(lifeline.value(u"callUri"_s).toString() == u"tel:988"_s);
    CHECK(lifeline.value(u"textUri"_s).toString() == u"sms:988"_s);
    CHECK(us.numbers().at(0).toMap().value(u"emergency"_s).toBool());
    CHECK_FALSE(us.numbersFromClinic());
    CHECK(us.reviewWindowText().contains(u"not monitored around the clock"_s));

    SafetyController spain(profile, u"ES"_s);
    CHECK(numbersOf(spain) == QStringList{u"112"_s, u"024"_s});
    CHECK(spain.numbers().at(1).toMap().value(u"textUri"_s).toString().isEmpty());

    SafetyController unknown(profile, u"ZZ"_s);
    CHECK(numbersOf(unknown) == QStringList{u"911"_s, u"988"_s});

    // A clinic's own protocol decides, whatever the country.
    domain::ClinicProtocol clinic = spain.protocol();
    clinic.id = u"clinic-42"_s;
    clinic.crisisNumbers = {{u"clinic"_s, u"Our on-call nurse"_s, u"+1 (555) 010-2000"_s},
                            {u"emergency"_s, u"Emergency"_s, u"911"_s}};
    clinic.reviewWindowText = u"We read messages on weekdays, 9 to 5."_s;
    clinic.safetyFlagsStaffed = true;
    spain.setProtocol(clinic);
    CHECK(spain.numbersFromClinic());
    CHECK(numbersOf(spain) == QStringList{u"911"_s, u"+1 (555) 010-2000"_s});
    CHECK(spain.numbers().at(1).toMap().value(u"callUri"_s).toString() == u"tel:+15550102000"_s);
    CHECK(spain.reviewWindowText() == u"We read messages on weekdays, 9 to 5."_s);
    CHECK(spain.clinicAlertsOn());
}

TEST_CASE("Dial URIs keep digits and a leading plus only", "[domain][safety]")
{
    CHECK(domain::dialUri(u"116 123"_s) == u"tel:116123"_s);
    CHECK(domain::dialUri(u"+34 024"_s, u"sms"_s) == u"sms:+34024"_s);
    CHECK(domain::dialUri(u"1+2"_s) == u"tel:12"_s);
}
