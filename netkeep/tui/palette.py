"""Command palette: the app's actions as namespaced commands, and "contact: Open <name>"."""

from __future__ import annotations

from functools import partial
from itertools import islice

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

#: (command, help, action) — shown only when the app's check_action allows the action.
ACTIONS = (
    ("contact: New", "Add a contact with every detail", "new_contact"),
    ("contact: Quick capture", "The small capture form", "capture"),
    ("contact: Edit", "Edit the selected contact", "edit_contact"),
    ("contact: Log interaction", "Log a conversation, message or note", "log_interaction"),
    ("contact: Log meeting", "A meeting with the points covered, advice and commitments", "log_meeting"),
    ("contact: Archive", "Archive the selected contact", "archive_contact"),
    ("contact: Delete", "Delete the selected contact (asks first)", "delete_contact"),
    ("view: Today", "The agenda", "show_view('today')"),
    ("view: Contact", "The selected contact's card and timeline", "show_view('contact')"),
    ("view: Timeline", "Everyone's interactions, newest first", "show_view('timeline')"),
    ("view: Job search", "Target employers and who you know at each", "show_view('jobs')"),
    ("contact: Follow-ups tab", "Needs, commitments, reminders and intros", "show_tab('tab-followups')"),
    ("contact: Thank-you tab", "Thank-you notes for the selected contact", "show_tab('tab-thanks')"),
    ("contact: Reflect tab", "Reflect on the last conversation", "show_tab('tab-reflect')"),
    ("contact: Prep tab", "Prepare the next meeting", "show_tab('tab-prep')"),
    ("list: Filter", "Type to filter the contact list", "focus_filter"),
    ("list: Cycle sort", "Sort by name, last contact or next follow-up", "cycle_sort"),
    ("app: Help", "Every key", "help"),
)
MAX_OPEN_HITS = 20


class NetkeepCommands(Provider):
    """Actions that apply right now, plus opening any contact by name."""

    def _actions(self):
        app = self.app
        for name, help_text, action in ACTIONS:
            action_name, _, arguments = action.partition("(")
            parameters = tuple(part.strip(" '\")") for part in arguments.split(",") if part.strip(" )"))
            if app.check_action(action_name, parameters):
                yield name, help_text, partial(app.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._actions():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        words = query.casefold().split()
        while words and words[0] in ("contact:", "contact", "open"):
            words.pop(0)
        if not words:
            return
        rows = (row for row in self.app.contact_rows if all(word in row.name.casefold() for word in words))
        for row in islice(rows, MAX_OPEN_HITS):
            label = Text("contact: Open ")
            label.append(row.name, style="bold")
            if row.company:
                label.append(f" ({row.company})", style="dim")
            yield Hit(
                0.9,
                label,
                partial(self.app.open_contact, row.id),
                text=f"contact: Open {row.name}",
                help="Show this contact",
            )
