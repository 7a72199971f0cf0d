"""Letter templates: the tones (built in, or ``<config dir>/templates/<tone>.txt``), the
placeholders they may use, checking a user's template, and filling one in.

A tone is a ``string.Template`` text whose first line may be ``Subject: ...``.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from string import Template

from netkeep.core.config import Config, load_config

TONES = ("formal", "warm", "brief")
DEFAULT_TONE = "warm"

#: Every placeholder a template may use, with what it becomes.
PLACEHOLDERS = {
    "first_name": "their first name",
    "full_name": "their full name",
    "company": "their company",
    "kind": "what the meeting was: coffee, call, informational interview, …",
    "date": "the day you met, such as 4 March",
    "place": "where you met (empty when not noted)",
    "points": "two or three points they covered, one '- ' line each",
    "first_point": "the first point they covered",
    "advice": "the advice they gave you",
    "resume_line": "a sentence about your enclosed updated resume (empty unless they advised on it)",
    "follow_through": "what you promised to do (empty when you promised nothing)",
    "my_name": "your name, from [me] name in config.toml",
}
BUILT_IN = {
    "formal": """Subject: Thank you for your time, $full_name

Dear $full_name,

Thank you for meeting with me on $date. I am grateful for the time you set aside, and I learned a great deal from our $kind.

Several things you explained have stayed with me:
$points

Your advice ($advice) gives me a concrete direction, and I intend to act on it.

$resume_line

$follow_through

I will keep you informed of how things develop. Thank you again for your generosity.

Sincerely,
$my_name
""",
    "warm": """Subject: Thanks for the $kind, $first_name!

Hi $first_name,

Thank you so much for making time for me on $date. I really enjoyed our $kind.

I keep coming back to what you said about:
$points

Your advice ($advice) is exactly the kind of guidance I was hoping for, and it has already changed how I think about my next steps.

$resume_line

$follow_through

I'll let you know how it goes. Thanks again!

All the best,
$my_name
""",
    "brief": """Subject: Thank you, $first_name

Hi $first_name,

Thanks again for your time on $date. I especially valued your thoughts on $first_point, and your advice ($advice) will make a real difference.

$resume_line

$follow_through

Best,
$my_name
""",
}


def templates_dir(config: Config) -> Path:
    return config.directory / "templates"


def available_tones(config: Config | None = None) -> list[str]:
    """The built-in tones, then any extra ``<tone>.txt`` in the templates dir."""
    config = config or load_config()
    tones = list(TONES)
    try:
        extra = sorted(p.stem for p in templates_dir(config).glob("*.txt"))
    except OSError:
        extra = []
    tones += [name for name in extra if name not in tones and re.fullmatch(r"[\w-]{1,40}", name)]
    return tones


def template_problems(text: str) -> list[str]:
    """What is wrong with a template: unknown placeholders (named) and stray ``$`` signs."""
    problems = []
    for match in Template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if match.group("invalid") is not None:
            line = text.count("\n", 0, match.start()) + 1
            problems.append(
                f"a '$' on line {line} is not followed by a placeholder name (write $$ for a dollar sign)"
            )
        elif name and name not in PLACEHOLDERS:
            hint = difflib.get_close_matches(name, PLACEHOLDERS, n=1)
            problems.append(f"unknown placeholder ${name}" + (f" (did you mean ${hint[0]}?)" if hint else ""))
    return problems


def load_template(tone: str, config: Config | None = None) -> tuple[str, tuple[str, ...]]:
    """The template for ``tone`` and any problems; a broken user file falls back to the built-in."""
    config = config or load_config()
    path = templates_dir(config) / f"{tone}.txt"
    built_in = BUILT_IN.get(tone, BUILT_IN[DEFAULT_TONE])
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        if tone not in BUILT_IN:
            return built_in, (f"there is no '{tone}' tone; using the built-in {DEFAULT_TONE} one",)
        return built_in, ()
    except (OSError, UnicodeDecodeError) as error:
        return built_in, (f"cannot read {path}: {error}; using the built-in template",)
    problems = template_problems(text)
    if problems:
        fallback = tone if tone in BUILT_IN else DEFAULT_TONE
        return built_in, (
            f"{path}: {'; '.join(problems)}. Using the built-in {fallback} "
            f"template until this is fixed. Placeholders: " + ", ".join(f"${name}" for name in PLACEHOLDERS),
        )
    return text, ()


def render(template: str, values: dict[str, str]) -> tuple[str, str]:
    """Fill a template; return ``(subject, body)`` with runs of blank lines folded."""
    text = Template(template).safe_substitute(values)
    subject = ""
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        subject, text = first[len("subject:") :].strip(), rest
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return subject, text
