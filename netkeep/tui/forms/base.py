"""The shape every modal form shares: Enter in a field or ctrl+s saves, Esc cancels."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button, Input

ResultT = TypeVar("ResultT")


class FormScreen(ModalScreen[ResultT | None]):
    """A modal form dismissed with its result, or None when cancelled.

    Subclasses compose their fields plus a ``.form-save`` and a ``.form-cancel`` button,
    bind their own keys (ids differ per form, for the keymap) and implement ``action_save``.
    """

    DEFAULT_CSS = """
    FormScreen {
        align: center middle;
    }
    FormScreen #form-box {
        width: 84;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    FormScreen #form-box.small-form {
        height: auto;
        max-height: 100%;
    }
    FormScreen .field-row {
        height: auto;
    }
    FormScreen .field-label {
        color: $text-muted;
    }
    FormScreen .field-row TextArea {
        height: 4;
    }
    FormScreen .field-error {
        color: $text-error;
        display: none;
        height: auto;
    }
    FormScreen .field-row.-invalid .field-error {
        display: block;
    }
    FormScreen .field-row.-invalid .field-label {
        color: $text-error;
    }
    FormScreen #form-error {
        color: $text-error;
        height: auto;
    }
    """

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, ".form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, ".form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
