"""The one modal form: Enter in a field or ctrl+s saves, Esc cancels, messages under the fields.

Every form in the app is a :class:`FormScreen`. A form lists its fields in ``fields``
(mostly :class:`FieldRow`: a label, the widget and the line for its message) and reads
them in ``collect``, raising :class:`ValidationError` keyed by field name for what is
wrong. The ``save`` it is given writes what ``collect`` returned, through core, while
the form is still open: a problem core finds is shown in the form too, and a storage
failure as "Not saved: the disk is full", with what was typed kept. The form is
dismissed with what ``save`` returned (or with what ``collect`` returned when there is
no ``save``), and with ``None`` when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from netkeep.core.errors import NetkeepError, ValidationError
from netkeep.core.text import visible
from netkeep.tui.styles import FORMS
from netkeep.tui.terminal import shown
from netkeep.tui.workers import failure_reason

ResultT = TypeVar("ResultT")


class FieldRow(Vertical):
    """A label, a field and, once there is one, the message that belongs to it (the line is
    mounted when first needed: a form opens faster with fewer widgets)."""

    def __init__(self, name: str, label: str, field: Widget, hint: str = "") -> None:
        super().__init__(id=f"row-{name}", classes="field-row")
        self.field_name = name
        self.label = label
        self.field = field
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Label(self.label + (f"  ({self.hint})" if self.hint else ""), classes="field-label")
        yield self.field

    def set_error(self, message: str) -> None:
        errors = self.query(".field-error")
        if errors:
            errors.first(Static).update(message)
        elif message:
            self.mount(Static(message, id=f"error-{self.field_name}", classes="field-error", markup=False))
        self.set_class(bool(message), "-invalid")


def context_line(text: str) -> Label:
    """A muted line at the top of a form naming whom or what it is about (wraps; user text as
    is, escape codes as symbols)."""
    return Label(Text(visible(text)), classes="form-context")


class FormScreen(ModalScreen[ResultT | None]):
    """A modal form dismissed with its result, or ``None`` when cancelled."""

    CSS_PATH = [FORMS]
    AUTO_FOCUS = ""  # on_mount below focuses the first field
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save", tooltip="Save and close the form"),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close the form without saving"),
    ]
    #: The title on the form's border (``form_title`` may build it from the form's data).
    FORM_TITLE = ""
    #: Classes of the form's box: ``small-form`` for a form of a few fields.
    BOX_CLASSES = ""
    SAVE_LABEL = "Save (ctrl+s)"
    CANCEL_LABEL = "Cancel (esc)"
    #: Error keys core may raise that belong to another field of this form.
    FIELD_ALIASES: ClassVar[dict[str, str]] = {}

    def __init__(self, save: Callable[[Any], Any] | None = None) -> None:
        super().__init__()
        self.save_form = save

    # -- composing
    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes=self.BOX_CLASSES) as box:
            title = self.form_title()  # often names someone: shown safely
            box.border_title = shown(title) if isinstance(title, Text) else visible(title)
            with VerticalScroll(id="form-fields", can_focus=False):
                yield from self.fields()
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield from self.buttons()

    def form_title(self) -> str | Text:
        return self.FORM_TITLE

    def fields(self) -> ComposeResult:
        """The form's fields, in the order Tab visits them."""
        yield from ()

    def buttons(self) -> ComposeResult:
        """The buttons row: ``.form-save`` saves, ``.form-cancel`` cancels."""
        yield Button(self.SAVE_LABEL, variant="primary", id="save", classes="form-save")
        yield Button(self.CANCEL_LABEL, id="cancel", classes="form-cancel")

    def first_field(self) -> str:
        """The selector of the field the keyboard is in when the form opens ("": the first)."""
        return ""

    def on_mount(self) -> None:
        # Focused now, not after the next refresh (Widget.focus): the first frame shows the
        # form ready to type in (quick capture's start-up is timed to that frame).
        selector = self.first_field()
        fields = self.query(selector) if selector else self.query("#form-fields *")
        for widget in fields:
            if widget.focusable:
                self.set_focus(widget, scroll_visible=False)
                break

    # -- reading and saving
    def collect(self) -> Any:
        """What the fields hold, for ``save``; raise :class:`ValidationError` for what is wrong."""
        raise NotImplementedError

    def value(self, name: str) -> str:
        """The text of field ``name`` (the widget ``#f-NAME``: an Input or a TextArea)."""
        widget = self.query_one(f"#f-{name}")
        if isinstance(widget, Input):
            return widget.value
        from textual.widgets import TextArea  # not up front: quick capture has none

        assert isinstance(widget, TextArea), f"#f-{name} is an Input or a TextArea"
        return widget.text

    def choice(self, selector: str) -> str:
        """The value of the Select at ``selector``, made with ``allow_blank=False``: it has one."""
        from textual.widgets import Select
        from textual.widgets.select import NoSelection

        value = self.query_one(selector, Select).value
        assert not isinstance(value, NoSelection), f"{selector} allows no blank"
        return value

    def action_save(self) -> None:
        try:
            collected = self.collect()
            result = collected if self.save_form is None else self.save_form(collected)
        except ValidationError as error:
            self.show_errors(error.errors)
            return
        except NetkeepError as error:
            self.show_errors({"": str(error)})
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk): keep the edit
            self.show_error(f"Not saved: {failure_reason(error)}")
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    # -- messages
    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Put each message under its field, the others under the form; focus the first field
        with a message. An empty mapping clears every message."""
        placed: dict[str, str] = {}
        unplaced = []
        for key, message in errors.items():
            key = self.FIELD_ALIASES.get(key, key)
            if key and self.query(f"#row-{key}"):
                placed[key] = message
            else:
                unplaced.append(message)
        rows = list(self.query(FieldRow))
        for row in rows:
            row.set_error(placed.get(row.field_name, ""))
        self.show_error("\n".join(unplaced))
        for row in rows:
            if row.field_name in placed:
                row.field.focus()
                row.scroll_visible(animate=False)
                break

    def refuse_input(self, widget: Widget, message: str) -> None:
        """Say under ``widget``'s field (else under the form) why what came in was refused."""
        row = next((node for node in widget.ancestors if isinstance(node, FieldRow)), None)
        self.show_errors({row.field_name if row is not None else "": message})

    def show_error(self, message: str) -> None:
        """A message that belongs to no one field (empty: none)."""
        self.query_one("#form-error", Static).update(message)

    # -- keys and buttons
    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, ".form-save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, ".form-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
