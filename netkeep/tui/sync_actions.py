"""The app's sync with the phone (``S``, and ``sync: Contacts`` in the palette): ``netkeep
sync`` in a worker, its progress and its report in notifications."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message

from netkeep.tui.terminal import TerminalSafeApp
from netkeep.tui.workers import in_worker

NOT_SET_UP = (
    "Nothing to sync yet: name your contacts folder in config.toml "
    '([sync] contacts = "~/.local/share/contacts/netkeep"); docs/sync.md shows how.'
)


@dataclass
class SyncDone(Message):
    """A sync finished: one line per folder, and whether anything came into netkeep."""

    lines: list[str]
    changed: bool
    ok: bool


class SyncActions(TerminalSafeApp):
    """The sync key's action (a base of the app, beside its contact actions)."""

    def action_sync(self) -> None:
        from netkeep.sync.run import configured

        folders, problems = configured(self.config)  # type: ignore[attr-defined]
        if not folders:
            self.notify(" ".join([*problems, NOT_SET_UP]), severity="warning", markup=False, timeout=10)
            return
        self.notify("Syncing contacts…", markup=False, timeout=3)
        self._sync(folders)

    @in_worker("sync", group="sync")
    def _sync(self, folders) -> SyncDone:
        from netkeep.sync.run import sync_folders

        def progress(text: str) -> None:
            self.notify(text, markup=False, timeout=3)

        reports = sync_folders(folders, progress)
        lines = [line for report in reports for line in report.lines()]
        changed = any(r.netkeep.added or r.netkeep.updated or r.netkeep.deleted for r in reports)
        return SyncDone(lines, changed, not any(r.failed or r.problems for r in reports))

    @on(SyncDone)
    def _sync_done(self, message: SyncDone) -> None:
        self.notify(
            "\n".join(message.lines), title="Sync", severity="information" if message.ok else "warning",
            markup=False, timeout=15,
        )  # fmt: skip
        if message.changed:
            self.data_changed(None)  # type: ignore[attr-defined]
