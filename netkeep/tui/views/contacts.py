"""The contact list pane: a filter box over a virtual list that draws only the visible rows."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import date

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input

from netkeep.core import contacts
from netkeep.core.dates import humanize_date
from netkeep.core.records import ContactRow
from netkeep.core.text import visible
from netkeep.tui.widgets.cursor_list import CursorList
from netkeep.tui.widgets.text_input import TextInput
from netkeep.tui.workers import end_at_startup, in_worker

SORT_ORDERS = ("name", "last contact", "next follow-up")
#: Rows read first at start-up (a screenful), before the whole list.
FIRST_PAGE = 100
EMPTY_TEXT = "No contacts yet — press n to add one, ctrl+n to capture."


def _fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` terminal cells, shown
    safely (escape codes as symbols)."""
    if width <= 0:
        return ""
    text = visible(text, one_line=True)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def _date_column(row: ContactRow, order: str) -> str:
    """The short date shown beside a row when the list is sorted by a date."""
    import pendulum

    if order == "last contact":
        return humanize_date(pendulum.parse(row.last_contact)) if row.last_contact else "never"
    if order == "next follow-up":
        return humanize_date(date.fromisoformat(row.next_follow_up)) if row.next_follow_up else ""
    return ""


class ContactRows(CursorList):
    """The contact rows under the filter; cost is per visible row, not per contact."""

    COMPONENT_CLASSES = {"contact-rows--empty"}

    @dataclass
    class CursorMoved(Message):
        """The cursor is on another row (None when the list is empty)."""

        contact_id: int | None

    @dataclass
    class Chosen(Message):
        """Enter (or a double click) on a row."""

        contact_id: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[ContactRow] = []
        self.order = "name"
        #: Shown (wrapped, below a blank line) when there are no rows.
        self.empty_text = EMPTY_TEXT

    def set_rows(self, rows: list[ContactRow], keep_id: int | None = None) -> None:
        """Show ``rows``; keep the cursor on ``keep_id`` if it is still there, else the first row."""
        self.rows = rows
        index = 0
        if keep_id is not None:
            for position, row in enumerate(rows):
                if row.id == keep_id:
                    index = position
                    break
        self.show_rows(index)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def current_id(self) -> int | None:
        if 0 <= self.cursor < len(self.rows):
            return self.rows[self.cursor].id
        return None

    def cursor_moved(self) -> None:
        self.post_message(self.CursorMoved(self.current_id))

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Letters are typed into the filter (``ContactList.on_key``), so the app's letter keys
        never act here: typing a name on the list cannot sort, archive or open anything."""
        return character is not None and character.isalpha()

    def chosen(self) -> None:
        self.post_message(self.Chosen(self.rows[self.cursor].id))

    def render_row(self, index: int, width: int, base: Style, secondary: Style) -> Strip:
        row = self.rows[index]
        extra = _date_column(row, self.order) if self.order != "name" else ""
        extra_width = 13 if self.order != "name" else 0
        available = width - 2 - extra_width
        name_width = available * 3 // 5 if row.company else available
        company_width = max(available - name_width - 1, 0)
        segments = [
            Segment(" " + _fit(row.name, name_width), base),
            Segment(" " + _fit(row.company, company_width) if company_width else "", secondary),
        ]
        if extra_width:
            segments.append(Segment(_fit(extra, extra_width - 1).rjust(extra_width), secondary))
        segments.append(Segment(" ", base))
        return Strip(segments).adjust_cell_length(width, base)

    def render_blank(self, y: int, width: int, base: Style) -> Strip:
        """Below the rows; with none at all, line ``y`` of the empty-list message."""
        if self.rows or width <= 2:
            return Strip.blank(width, base)
        lines = Text(visible(self.empty_text)).wrap(self.app.console, width - 2)
        if not 1 <= y <= len(lines):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("contact-rows--empty")
        return Strip([Segment(" " + lines[y - 1].plain, style)]).adjust_cell_length(width, base)


class ContactList(Vertical):
    """Filter-as-you-type over every contact, sorted by name, last contact or next follow-up."""

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False, id="filter.down"),
        Binding("up", "move(-1)", "Up", show=False, id="filter.up"),
        Binding("escape", "leave_filter", "Clear filter", show=False, id="filter.clear"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor moved to this contact (None: the list is empty)."""

        contact_id: int | None

    @dataclass
    class Selected(Message):
        """The user chose this contact (Enter)."""

        contact_id: int

    @dataclass
    class Searched(Message):
        text: str  # the search index's answer for this filter text: ids, best first
        ids: list[int]
        generation: int

    @dataclass
    class Loaded(Message):
        """Rows read by the loader worker."""

        rows: list[ContactRow]
        keep_id: int | None
        complete: bool = True

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.all_rows: list[ContactRow] = []
        self.order = "name"
        self._filter_text = ""
        #: Matches of each filter text, the rows by id, and which reading of the rows they are of.
        self._matches: dict[str, list[ContactRow]] = {}
        self._by_id: dict[int, ContactRow] | None = None
        self._generation = 0
        self._complete = False

    def compose(self) -> ComposeResult:
        # Not selected on focus: a letter typed on the list starts the filter (on_key), and the
        # next letter must follow it, not replace it.
        yield TextInput(placeholder="type a name to filter", id="filter", compact=True, select_on_focus=False)
        yield ContactRows(id="rows")

    def on_mount(self) -> None:
        self.border_title = "Contacts"
        # The first screenful is read and shown here (one small query), so the first frame
        # shows it and the app can read the first card before that frame too; the whole list
        # follows from a worker.
        try:
            first = contacts.list_rows(limit=FIRST_PAGE)
        except Exception as error:  # a damaged database: one line on stderr, not a traceback
            end_at_startup(self, error)
            return
        self._take_rows(first, None, complete=len(first) < FIRST_PAGE)
        if len(first) == FIRST_PAGE:
            self.call_after_refresh(self._load, None)  # after the first frame, not competing with it

    @property
    def rows_view(self) -> ContactRows:
        return self.query_one(ContactRows)

    @property
    def current_id(self) -> int | None:
        return self.rows_view.current_id

    @property
    def names(self) -> list[str]:
        """Every listed contact's name (for completions)."""
        return [row.name for row in self.all_rows]

    def reload(self, keep_id: int | None = None) -> None:
        """Read every row again (in a worker) and keep the cursor where it was."""
        self._load(self.current_id if keep_id is None else keep_id)

    @in_worker("load the contacts", group="contact-list")
    def _load(self, keep_id: int | None) -> Loaded:
        return self.Loaded(contacts.list_rows(), keep_id)

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        message.stop()
        self._take_rows(message.rows, message.keep_id, complete=message.complete)

    @property
    def complete(self) -> bool:
        """Every contact is loaded (not just the first screenful)."""
        return self._complete

    def _take_rows(self, rows: list[ContactRow], keep_id: int | None, *, complete: bool) -> None:
        keep_id = keep_id if keep_id is not None else self.current_id
        self._complete = complete
        self.all_rows = contacts.sort_rows(rows, self.order) if self.order != "name" else rows
        self._show(keep_id=keep_id, same_rows=False)
        if complete:
            # Move the (acyclic) rows out of the cyclic collector's way: at 30,000 contacts a
            # full collection otherwise stalls a keystroke for ~100 ms. Refcounting still frees
            # them; the collection first keeps garbage cycles from being frozen with them.
            gc.collect()
            gc.freeze()
        else:
            self.border_title = "Contacts (loading…)"

    def refresh_contact(self, contact_id: int, *, listed: bool = True) -> None:
        """Re-read one contact's row after a write; ``listed=False`` drops it (archived, deleted)."""
        row = contacts.get_row(contact_id) if listed else None
        keep: int | None = contact_id
        if row is None:  # the cursor stays in place: on the next row, or the one before at the end
            shown = self.rows_view.rows
            index = self.rows_view.cursor
            after = shown[index + 1 : index + 2]
            before = shown[index - 1 : index] if index > 0 else []
            neighbour = next(iter(after or before), None)
            keep = neighbour.id if neighbour else None
        rows = [r for r in self.all_rows if r.id != contact_id]
        if row is not None:
            rows.append(row)
        self.all_rows = contacts.sort_rows(rows, self.order)
        self._show(keep_id=keep, same_rows=False)

    def cycle_sort(self) -> str:
        """Sort by the next order (name → last contact → next follow-up); return its name."""
        self.order = SORT_ORDERS[(SORT_ORDERS.index(self.order) + 1) % len(SORT_ORDERS)]
        self.all_rows = contacts.sort_rows(self.all_rows, self.order)
        self.rows_view.order = self.order
        self._show(keep_id=self.current_id, same_rows=False)
        return self.order

    def select_contact(self, contact_id: int) -> None:
        """Put the cursor on this contact (clearing a filter that hides it)."""
        view = self.rows_view
        if any(row.id == contact_id for row in view.rows):
            view.set_rows(view.rows, keep_id=contact_id)
            return
        self.query_one("#filter", Input).value = ""
        self._filter_text = ""
        self._show(keep_id=contact_id, same_rows=False)

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter_text = event.value
        self._show(keep_id=self.current_id, same_rows=True)

    def _matching(self, text: str) -> list[ContactRow] | None:
        """The rows matching ``text`` (everyone for no text), or None while a worker asks the
        search index; the matches of each text are kept, so a backspace finds them ready."""
        if not text.split():
            return self.all_rows
        if text not in self._matches:
            self._search(text, self._generation)
            return None
        return self._matches[text]

    @in_worker("search the contacts", group="contact-filter")
    def _search(self, text: str, generation: int) -> Searched:
        return self.Searched(text, contacts.search(text, include_archived=True), generation)

    @on(Searched)
    def _searched(self, message: Searched) -> None:
        message.stop()
        if message.generation != self._generation:  # the rows changed since: asked again
            return
        if self._by_id is None:
            self._by_id = {row.id: row for row in self.all_rows}
        rows = [self._by_id[i] for i in message.ids if i in self._by_id]
        self._matches[message.text] = rows if self.order == "name" else contacts.sort_rows(rows, self.order)
        if message.text == self._filter_text:
            self._show(keep_id=self.current_id, same_rows=True)

    def _show(self, *, keep_id: int | None, same_rows: bool) -> None:
        """Show the rows matching the filter; ``same_rows=False`` after ``all_rows`` changed."""
        if not same_rows:
            self._matches = {}
            self._by_id = None
            self._generation += 1
        view = self.rows_view
        rows = self._matching(self._filter_text)
        if rows is None:  # shown when the search answers (``_searched``)
            return
        view.order = self.order
        view.set_rows(rows, keep_id=keep_id)
        view.empty_text = (
            EMPTY_TEXT if not self.all_rows else f"No contact matches “{self._filter_text.strip()}”."
        )
        shown = (
            f"{len(rows):,}"
            if len(rows) == len(self.all_rows)
            else f"{len(rows):,} of {len(self.all_rows):,}"
        )
        self.border_title = f"Contacts ({shown})"
        self.border_subtitle = f"by {self.order}"

    @on(ContactRows.CursorMoved)
    def _cursor_moved(self, message: ContactRows.CursorMoved) -> None:
        message.stop()
        self.post_message(self.Highlighted(message.contact_id))

    @on(ContactRows.Chosen)
    def _chosen(self, message: ContactRows.Chosen) -> None:
        message.stop()
        self.post_message(self.Selected(message.contact_id))

    @on(Input.Submitted, "#filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.current_id is not None:
            self.rows_view.focus()
            self.post_message(self.Selected(self.current_id))

    def on_key(self, event: events.Key) -> None:
        """A letter on the list, other than the list's own keys (j, k), starts the filter with it."""
        character = event.character
        field = self.query_one("#filter", Input)
        if self.screen.focused is field:
            # Typed on the list before the first letter had moved the keyboard to the filter.
            if character and character.isprintable():
                event.stop()
                field.insert_text_at_cursor(character)
            return
        if not character or not character.isalpha():
            return
        active = self.screen.active_bindings.get(event.key)
        if active is not None and active.node is self.rows_view:
            return
        event.stop()
        event.prevent_default()
        self.screen.set_focus(field)  # at once: the next letters land in the filter too
        field.value = character
        field.cursor_position = len(character)

    def action_move(self, delta: int) -> None:
        self.rows_view.cursor += delta

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_filter":  # Esc: only where there is a filter to clear or to leave
            field = self.query_one("#filter", Input)
            return bool(field.value) or field.has_focus
        return True

    def action_leave_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
            self.refresh_bindings()  # from the list, Esc has nothing left to do
        else:
            self.rows_view.focus()

    def focus_filter(self) -> None:
        # At once, not on the next idle: keys typed right after "/" must land in the filter.
        field = self.query_one("#filter", Input)
        self.screen.set_focus(field)
        field.select_all()  # what is typed next replaces the old filter
