"""vCard 2.1, 3.0 and 4.0 import (one file of many cards, or a folder of .vcf files).

Cards are cut apart here, so a card cut short is reported by its line number and the
others still import; a line that is not a property is kept in the card's notes.
"""

from __future__ import annotations

from pathlib import Path

from netkeep.interop.parsed import Odd, ParseResult
from netkeep.interop.records import Problem, clean
from netkeep.interop.sniff import read_contacts, wrong_file
from netkeep.interop.textfile import BadFile
from netkeep.interop.vcard_lines import logical_lines, parse_line, split_cards
from netkeep.interop.vcard_read import card_input

WHAT = "a vCard file"


def parse(path: str | Path) -> ParseResult:
    """Read a .vcf file, or every .vcf/.vcard file in a folder."""
    path = Path(path).expanduser()
    result = ParseResult(source="vcard")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".vcf", ".vcard") and p.is_file())
        if not files:
            raise BadFile(f"{path} holds no .vcf files")
        for file in files:
            try:
                _parse_into(result, read_contacts(file, "vcard"), file.name, str(file))
            except BadFile as error:
                result.problems.append(Problem(1, str(error), file.name))
        return result
    _parse_into(result, read_contacts(path, "vcard"), "", str(path))
    if not result.candidates and not result.problems:
        raise BadFile(f"{path} holds no contacts")
    return result


def parse_text(text: str, file: str = "", name: str = "contacts.vcf") -> ParseResult:
    result = ParseResult(source="vcard")
    _parse_into(result, text, file, name)
    return result


def _parse_into(result: ParseResult, text: str, file: str, name: str) -> None:
    blocks = list(split_cards(text))
    if not blocks:
        raise BadFile(wrong_file(name, text, "vcard"))
    for start, lines, closed in blocks:
        if not closed:
            result.problems.append(
                Problem(start, "this card has no END:VCARD (is the file cut short?)", file)
            )
            continue
        props, odd = [], []
        for number, logical in logical_lines(lines):
            prop = parse_line(logical, start + number)
            if prop is None:
                odd.append(Odd(f"line {start + number}", clean(logical)[:200], "is not a vCard property"))
            else:
                props.append(prop)
        data, introducer, more = card_input(props)
        if data is None:
            result.problems.append(Problem(start, "this card has no name, company, email or phone", file))
            continue
        result.add(start, data, file, odd=odd + more, **introducer)
