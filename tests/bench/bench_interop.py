"""Interop benchmark (not collected by pytest).

    uv run python tests/bench/bench_interop.py [--contacts 30000]

Targets: 30,000 LinkedIn rows imported ≤ 3 s, and imported again (nothing changes) ≤ 3 s;
30,000 vCards from a phone (phone numbers to normalise) imported ≤ 6 s; 30,000 contacts
exported as vCard ≤ 3 s; a JSON backup of 30,000 contacts and 300,000 interactions written
and restored ≤ 20 s each. Each import is read, planned and written, as `netkeep import` does.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from netkeep.demo import network as demo
from netkeep.interop import backup, dedupe
from netkeep.interop.readers import read_file
from netkeep.interop.writer import write_export
from netkeep.store.database import open_database
from netkeep.store.models import database

FIRST = ["Ana", "Ben", "Chloé", "Dev", "Emil", "Fatima", "Grace", "Hiro", "Ines", "Jon", "Kai", "Lena"]
LAST = ["Smith", "Okafor", "García", "Müller", "Tanaka", "Patel", "Nguyen", "Berg", "Rossi", "Kim"]
COMPANIES = [f"Company {n}" for n in range(2000)]


def linkedin_csv(rows: int, rng: random.Random) -> str:
    out = io.StringIO()
    out.write('Notes:\n"Some email addresses may be missing."\n\n')
    writer = csv.writer(out)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    day = pendulum.date(2015, 1, 1)
    for n in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        writer.writerow(
            [
                first,
                f"{last} {n}",
                f"https://www.linkedin.com/in/person-{n}",
                f"p{n}@example.org" if n % 3 == 0 else "",
                rng.choice(COMPANIES),
                "Engineer, Platform",
                day.add(days=n % 3000).format("DD MMM YYYY"),
            ]
        )
    return out.getvalue()


def phone_cards(count: int, rng: random.Random) -> str:
    """A phone's address book as Apple exports it: national numbers to normalise (region US)."""
    cards = []
    for n in range(count):
        first, last = rng.choice(FIRST), f"{rng.choice(LAST)}{n}"
        area = rng.choice((212, 312, 415, 617, 646, 718))
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.4//EN\r\n"
            f"N:{last};{first};;;\r\nFN:{first} {last}\r\nORG:{rng.choice(COMPANIES)};Sales\r\n"
            f"TITLE:Account Executive\r\nitem1.EMAIL;type=INTERNET;type=pref:p{n}@example.org\r\n"
            "item1.X-ABLabel:_$!<Other>!$_\r\n"
            f"TEL;type=CELL;type=VOICE;type=pref:({area}) {201 + n // 10000}-{n % 10000:04d}\r\n"
            + (f"TEL;type=WORK:+1 {area} 301 {n % 10000:04d} ext. {n % 90 + 10}\r\n" if n % 3 == 0 else "")
            + f"ADR;type=HOME:;;{n} Main St;Springfield;IL;62701;USA\r\nNOTE:Met at the {n % 7} fair.\r\n"
            f"CATEGORIES:Friends,Fair {n % 7}\r\nUID:{n:08d}-0000-4000-8000-000000000000\r\nEND:VCARD\r\n"
        )
    return "".join(cards)


def timed(label: str, target: float, fn):
    """Run ``fn`` and print its wall-clock time (and CPU time: the machine may be shared)."""
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    verdict = "" if seconds <= target else "  SLOW"
    print(f"{label:<50} {seconds:6.2f} s wall, {cpu:6.2f} s CPU  (target ≤ {target:g} s){verdict}")
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=30_000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        csv_path = folder / "Connections.csv"
        csv_path.write_text(linkedin_csv(args.contacts, rng), encoding="utf-8")
        open_database(folder / "bench.db")

        def import_linkedin():
            report = dedupe.apply(dedupe.plan(read_file("linkedin", str(csv_path))))
            assert report.added == args.contacts, report

        def import_linkedin_again():
            report = dedupe.apply(dedupe.plan(read_file("linkedin", str(csv_path))))
            assert (report.added, report.updated) == (0, 0), report

        timed(f"import {args.contacts} LinkedIn rows", 3, import_linkedin)
        timed(f"import the same {args.contacts} rows again (0 changes)", 3, import_linkedin_again)
        database.close()

        (folder / "config").mkdir()
        (folder / "config" / "config.toml").write_text('[import]\nregion = "US"\n')
        os.environ["NETKEEP_CONFIG"] = str(folder / "config")
        vcf_path = folder / "phone.vcf"
        vcf_path.write_text(phone_cards(args.contacts, rng), encoding="utf-8")
        open_database(folder / "phone.db")

        def import_vcards():
            report = dedupe.apply(dedupe.plan(read_file("vcard", str(vcf_path))))
            assert report.added == args.contacts, report

        timed(f"import {args.contacts} vCards (phone numbers to normalise)", 6, import_vcards)
        database.close()

        # The rest runs on the demo network: ~10 interactions per contact, reminders,
        # commitments, loops — the same generator as `netkeep demo`.
        stats = demo.generate(folder / "demo.db", contacts=args.contacts)
        open_database(folder / "demo.db")
        vcf = folder / "all.vcf"

        def export_vcard():
            with open(vcf, "w", encoding="utf-8", newline="") as out:
                return write_export("vcard", out)  # as `netkeep export vcard` does

        written = timed(f"export {args.contacts} contacts as vCard 4.0", 3, export_vcard)
        import vobject

        parsed = sum(1 for _ in vobject.readComponents(vcf.read_text(encoding="utf-8")))
        assert parsed == written, (parsed, written)
        print(f"  (vobject parsed all {parsed} exported cards)")
        backup_path = folder / "backup.json"

        def write_json():
            with open(backup_path, "w", encoding="utf-8") as out:
                return backup.write_backup(out)

        counts = timed(f"JSON backup: {counts_text(stats)}", 20, write_json)
        print(f"  (backup size {backup_path.stat().st_size / 2**20:.1f} MB, {sum(counts.values())} rows)")
        database.close()
        open_database(folder / "restored.db")
        restored = timed(
            "restore that backup into an empty database", 20, lambda: backup.restore(backup.load(backup_path))
        )
        assert restored == counts
    return 0


def counts_text(stats) -> str:
    return f"{stats.contacts} contacts + {stats.interactions} interactions"


if __name__ == "__main__":
    sys.exit(main())
