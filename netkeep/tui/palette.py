"""The command palette: the app's actions as namespaced commands, "contact: Open <name>",
import, export and merging contacts."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from netkeep.core import contacts
from netkeep.tui.contact_actions import ContactActions

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
    ("history: Undo", "Undo the last change (again: the one before it)", "undo"),
    ("history: Show", "Recent changes, and undoing any of them (deleted contacts too)", "history"),
    ("sync: Contacts", "Sync contacts with the folder vdirsyncer keeps in step with your phone", "sync"),
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
        app = self.app
        assert isinstance(app, ContactActions)  # this provider is NetkeepApp's
        found = contacts.search(" ".join(words), limit=MAX_OPEN_HITS)  # the list's search, best first
        for position, row in enumerate(contacts.get_rows(found)):
            label = Text("contact: Open ")
            label.append(row.name, style="bold")
            if row.company:
                label.append(f" ({row.company})", style="dim")
            yield Hit(
                0.9 - position / 1000,  # the search's order
                label,
                partial(app.open_contact, row.id),
                text=f"contact: Open {row.name}",
                help="Show this contact",
            )


class TransferCommands(Provider):
    """``import: …``, ``export: …`` and ``contact: Merge two contacts…``."""

    def _commands(self):
        # Imported when the palette opens: ~12 ms less before the main screen's first frame.
        from netkeep.tui.screens.exports import ExportScreen
        from netkeep.tui.screens.imports import ImportScreen
        from netkeep.tui.screens.merge import start_merge

        app = self.app
        current = getattr(app, "selected_id", None)  # NetkeepApp's selected contact
        return [
            (
                "import: LinkedIn connections",
                "Connections.csv from LinkedIn's data export",
                partial(app.push_screen, ImportScreen("linkedin")),
            ),
            (
                "import: vCard",
                "a .vcf file or a folder of them (phone, Apple, khard)",
                partial(app.push_screen, ImportScreen("vcard")),
            ),
            (
                "import: Google contacts",
                "the Google CSV from contacts.google.com",
                partial(app.push_screen, ImportScreen("google")),
            ),
            (
                "import: Outlook contacts",
                "the CSV Outlook or Outlook.com exports",
                partial(app.push_screen, ImportScreen("outlook")),
            ),
            (
                "import: Restore a backup",
                "a netkeep JSON backup, into an empty database",
                partial(app.push_screen, ImportScreen("backup")),
            ),
            (
                "export: vCard",
                "every active contact, for phones and address books",
                partial(app.push_screen, ExportScreen("vcard-4.0")),
            ),
            (
                "export: vCard folder",
                "one card per file, for khard and vdirsyncer",
                partial(app.push_screen, ExportScreen("vdir")),
            ),
            ("export: CSV spreadsheet", "one row per contact", partial(app.push_screen, ExportScreen("csv"))),
            (
                "export: JSON backup",
                "everything, to restore later",
                partial(app.push_screen, ExportScreen("json")),
            ),
            (
                "export: Calendar of follow-ups",
                "an .ics file your calendar can subscribe to",
                partial(app.push_screen, ExportScreen("ics")),
            ),
            (
                "contact: Merge two contacts",
                "fold a duplicate into the contact you keep",
                partial(start_merge, app),
            ),
        ] + (
            [
                (
                    "contact: Merge a duplicate into this contact",
                    "choose the duplicate; you pick which values win",
                    partial(start_merge, app, current),
                )
            ]
            if isinstance(current, int)
            else []
        )

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, help=help_text)
