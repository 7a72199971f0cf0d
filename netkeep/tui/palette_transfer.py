"""Command palette entries for import, export and merging contacts."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class TransferCommands(Provider):
    """``import: …``, ``export: …`` and ``contact: Merge two contacts…``."""

    def _commands(self):
        # Imported when the palette opens: ~12 ms less before the main screen's first frame.
        from netkeep.tui.screens.transfer import ExportScreen, ImportScreen, start_merge

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
