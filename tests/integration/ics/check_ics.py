#!/usr/bin/python3
"""The calendar export of the real companion-cli, parsed back by a real iCalendar parser.

Usage: check_ics.py COMPANION_CLI WORKDIR

Creates a profile, plans two appointments (one cancelled) with an unconfirmed ride, exports
twice and after a move, and checks the files with Debian's python3-icalendar: UIDs stable across
exports, DTSTART/DTEND, VALARM triggers, the no-driving event, CRLF line ends and folding.
"""
import datetime
import os
import subprocess
import sys

import icalendar

UTC = datetime.timezone.utc
PASSPHRASE = "violet-quasar Mendel harbour 91 ferrous"


def main():
    cli, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    for name in os.listdir(work):
        path = os.path.join(work, name)
        if os.path.isfile(path):
            os.remove(path)
    profile = os.path.join(work, "profile")
    if os.path.isdir(profile):
        subprocess.run(["rm", "-rf", profile], check=True)
    secret = os.path.join(work, "pass")
    with open(secret, "w") as f:
        f.write(PASSPHRASE + "\n")
    os.chmod(secret, 0o600)
    common = ["--profile", profile, "--passphrase-file", secret]
    zone = ["--time-zone", "Europe/Berlin"]

    def run(*args, extra=()):
        result = subprocess.run([cli, *args, *common, *extra], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"companion-cli {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result.stdout.strip()

    run("init", extra=["--recovery-key-out", os.path.join(work, "recovery")])
    first = run("appointment", "add", "--at", "2030-03-12T09:00:00Z")
    second = run("appointment", "add", "--at", "2030-03-19T09:00:00Z", "--duration-min", "90")
    run("appointment", "cancel", second)
    run("ride", "set", first, "--driver", "Sam Rivera", "--phone", "+1 555 0101")

    def export(name):
        path = os.path.join(work, name)
        run("export", "--format", "ics", "--out", path, extra=zone)
        with open(path, "rb") as f:
            raw = f.read()
        if oct(os.stat(path).st_mode & 0o777) != "0o600":
            sys.exit(f"{name}: not created with mode 0600")
        return raw, icalendar.Calendar.from_ical(raw)

    raw1, cal1 = export("one.ics")
    raw2, cal2 = export("two.ics")

    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    # RFC 5545 framing: CRLF only, lines of at most 75 octets.
    for raw, name in ((raw1, "one.ics"), (raw2, "two.ics")):
        check(raw.endswith(b"\r\n"), f"{name}: does not end with CRLF")
        check(raw.count(b"\n") == raw.count(b"\r\n"), f"{name}: a line ends without CR")
        for line in raw.split(b"\r\n"):
            check(len(line) <= 75, f"{name}: line longer than 75 octets: {line[:30]!r}")
        # The whole number: "555" alone turns up by chance inside random UIDs.
        check(b"Sam" not in raw and b"555 0101" not in raw, f"{name}: the driver is in the calendar")

    def events(cal):
        return {str(e["UID"]): e for e in cal.walk("VEVENT")}

    ev1, ev2 = events(cal1), events(cal2)
    check(set(ev1) == set(ev2), f"UIDs differ between exports: {set(ev1) ^ set(ev2)}")
    expected = {f"{first}@companion", f"{first}-no-driving@companion",
                f"{second}@companion", f"{second}-no-driving@companion"}
    check(set(ev1) == expected, f"unexpected UIDs: {sorted(ev1)}")

    appointment = ev1[f"{first}@companion"]
    check(appointment.decoded("DTSTART") == datetime.datetime(2030, 3, 12, 9, 0, tzinfo=UTC),
          f"DTSTART is {appointment.decoded('DTSTART')}")
    check(appointment.decoded("DTEND") == datetime.datetime(2030, 3, 12, 10, 0, tzinfo=UTC),
          f"DTEND is {appointment.decoded('DTEND')}")
    check(str(appointment["STATUS"]) == "CONFIRMED", "the appointment is not CONFIRMED")
    triggers = sorted(a.decoded("TRIGGER") for a in appointment.walk("VALARM"))
    # Fasting: 60 min before the 4 h cut-off. Ride (unconfirmed): 18:00 CET the day before and
    # 07:00 CET that morning.
    check(triggers == [datetime.datetime(2030, 3, 11, 17, 0, tzinfo=UTC),
                       datetime.datetime(2030, 3, 12, 4, 0, tzinfo=UTC),
                       datetime.datetime(2030, 3, 12, 6, 0, tzinfo=UTC)],
          f"VALARM triggers are {triggers}")
    for alarm in appointment.walk("VALARM"):
        check(str(alarm["ACTION"]) == "DISPLAY" and str(alarm.get("DESCRIPTION", "")),
              "a VALARM lacks ACTION:DISPLAY or a DESCRIPTION")

    window = ev1[f"{first}-no-driving@companion"]
    check(window.decoded("DTSTART") == datetime.datetime(2030, 3, 12, 10, 0, tzinfo=UTC),
          f"no-driving DTSTART is {window.decoded('DTSTART')}")
    # Later of 12 h (22:00 UTC) and 08:00 CET the next morning (07:00 UTC on the 13th).
    check(window.decoded("DTEND") == datetime.datetime(2030, 3, 13, 7, 0, tzinfo=UTC),
          f"no-driving DTEND is {window.decoded('DTEND')}")
    check(str(window["TRANSP"]) == "TRANSPARENT", "the no-driving event makes the person busy")
    description = str(window["DESCRIPTION"]).lower()
    check("you may drive" not in description and "safe to drive" not in description,
          "the no-driving text reads as permission")

    check(str(ev1[f"{second}@companion"]["STATUS"]) == "CANCELLED",
          "the cancelled appointment is not CANCELLED")
    check(not list(ev1[f"{second}@companion"].walk("VALARM")), "a cancelled appointment alarms")

    # A move keeps the UID, raises SEQUENCE, and moves the times.
    run("appointment", "move", first, "--at", "2030-03-13T13:00:00Z")
    _, cal3 = export("three.ics")
    ev3 = events(cal3)
    check(set(ev3) == set(ev1), "the move changed the UIDs")
    moved = ev3[f"{first}@companion"]
    check(int(moved["SEQUENCE"]) > int(appointment["SEQUENCE"]), "SEQUENCE did not increase")
    check(moved.decoded("DTSTART") == datetime.datetime(2030, 3, 13, 13, 0, tzinfo=UTC),
          f"moved DTSTART is {moved.decoded('DTSTART')}")

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ok: {len(ev1)} events, {len(triggers)} alarms, UIDs stable across exports")


if __name__ == "__main__":
    main()
