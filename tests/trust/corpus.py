"""The hostile corpus: strings that have broken programs before, by name.

Each string carries a marker of its own (``NK…``) where it can, so a test can tell that it
was shown at all. ``SHORT`` is one of each kind, for the short form.
"""

from __future__ import annotations

import os
import re

CORPUS: dict[str, str] = {
    # Rich / Textual markup: must show as typed, never style or act.
    "markup": "[bold]NK-MARKUP[/bold] and [red]red[/]",
    "markup-click": "[@click=app.quit]NK-CLICK[/]",
    "markup-link": "[link=https://evil.example]NK-LINK[/link]",
    "emoji-code": ":warning: NK-RICHCODE :smile:",
    # Terminal escapes: must never reach the terminal.
    "ansi-sgr": "<\x1b[31mNK-RED\x1b[0m>",
    "ansi-clear": "<\x1b[2J\x1b[HNK-CLEAR>",
    "osc-title": "<\x1b]0;NK-TITLE\x07>",
    "osc-clipboard": "<\x1b]52;c;TksK\x07>NK-OSC52",
    "osc-hyperlink": "<\x1b]8;;https://evil.example\x1b\\NK-OSC8\x1b]8;;\x1b\\>",
    "dcs": "<\x1bPNK-DCS\x1b\\>",
    "c1-csi": "<\x9b31mNK-C1>",
    "nul": "<\x00>NK-NUL",
    "bel": "<\x07>NK-BEL",
    "backspace": "NK-BKSP<\x08\x08>",
    "cr": "NK-CR<\r>overwritten",
    "del": "<\x7f>NK-DEL",
    "newline": "NK-NL first\nsecond line",
    "tab": "NK-TAB\tafter a tab",
    # Unicode that is easy to lose or to misdraw.
    "rtl-override": "NK-RTL \u202eevil.exe\u202c txt",
    "bidi-isolate": "NK-ISO \u2067عربي\u2069 end",
    "zwj": "NK-ZWJ 👩🏽\u200d💻 coder",
    "zwnj": "NK-ZWNJ می\u200cخواهم",
    "combining": "NK-COMB Zoe\u0308 Mu\u0308ller Z\u0337\u0322a\u0334l\u0338g\u0335o",
    "emoji": "NK-EMOJI 🇫🇷 🏳️\u200d🌈 👍🏾 🤝",
    "wide": "NK-WIDE 李小龍 ｆｕｌｌ　width",
    "line-separator": "NK-LS one\u2028two\u2029three\x85four",
    "bom-inside": "NK-BOM \ufeffinside",
    "noncharacter": "NK-NONCHAR \uffff \ue000 \U0010fffd",
    # Sheer size.
    "long-line": "NK-LONG " + "lorem ipsum " * 416,
    "long-word": "NK-WORDY" + "x" * 4992,
    "many-words": "NK-WORDS " + " ".join(f"w{n}" for n in range(1200)),
    # Strings that mean something to code.
    "sql": "NK-SQL Robert'); DROP TABLE contact;--",
    "sql-or": "NK-ORSQL ' OR '1'='1",
    "format": "NK-FMT {0} {name} %s %d %(x)s {{}} ${HOME}",
    "backslash": "NK-BSL C:\\new\\table \\x1b \\u202e",
    "quotes": "NK-QUOTE \"double\" 'single' `tick`",
    "csv-formula": '=HYPERLINK("https://evil.example","NK-FORMULA")',
    "vcard-syntax": "NK-VCF Doe;John,Jr.:x\\nEND:VCARD",
    "json": 'NK-JSON {"format": "netkeep-backup", "a": [1, null]}',
    "path": "NK-PATH ../../etc/passwd",
    # Not UTF-8: an argument or file bytes that cannot be decoded (surrogate escapes).
    "invalid-utf8": os.fsdecode(b"NK-BADUTF8 \xff\xfe caf\xe9"),
}

#: One of each kind, for the short form.
SHORT = (
    "markup",
    "markup-click",
    "ansi-sgr",
    "osc-title",
    "c1-csi",
    "nul",
    "cr",
    "newline",
    "rtl-override",
    "zwj",
    "combining",
    "emoji",
    "long-line",
    "many-words",
    "sql",
    "format",
    "csv-formula",
    "invalid-utf8",
)

#: Control characters no stored text may hold (a newline and a tab may, where a field has lines).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")


def names(full: bool) -> tuple[str, ...]:
    return tuple(CORPUS) if full else SHORT


def has_controls(text: str) -> bool:
    return bool(CONTROL.search(text))


def without_controls(text: str) -> str:
    return CONTROL.sub("", text)
