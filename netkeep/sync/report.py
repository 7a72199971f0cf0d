"""What a sync did to each side of one folder, in plain lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from netkeep.core.text import visible


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    deleted: int = 0

    def said(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.deleted} deleted"


@dataclass
class FolderReport:
    """One folder's sync: what changed in netkeep and in the folder, the conflicts and problems."""

    name: str  # "contacts"
    path: str
    netkeep: Counts = field(default_factory=Counts)
    folder: Counts = field(default_factory=Counts)
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    #: Set when the folder could not be synced at all.
    failed: str = ""

    def lines(self) -> list[str]:
        head = f"{self.name} ({visible(self.path, one_line=True)}):"
        if self.failed:
            return [f"{head} not synced: {visible(self.failed, one_line=True)}"]
        lines = [
            head,
            f"  in netkeep: {self.netkeep.said()}",
            f"  in the folder: {self.folder.said()}",
            f"  conflicts: {len(self.conflicts)}",
        ]
        lines += [f"    {visible(conflict, one_line=True)}" for conflict in self.conflicts]
        if self.problems:
            lines.append(f"  left as they are: {len(self.problems)}")
            lines += [f"    {visible(problem, one_line=True)}" for problem in self.problems]
        return lines

    def summary(self) -> str:
        """One line for the History screen."""
        text = f"Synced {self.name}: {self.netkeep.added} added, {self.netkeep.updated} updated"
        if self.conflicts:
            shown = "; ".join(self.conflicts[:3]) + ("; …" if len(self.conflicts) > 3 else "")
            text += f"; {len(self.conflicts)} conflict{'s' if len(self.conflicts) != 1 else ''}: {shown}"
        return text
