"""The thank-you pane: a letter drafted from the meeting, edited and autosaved as you type."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static, TextArea

from netkeep.core import letters
from netkeep.core.errors import NetkeepError
from netkeep.core.text import visible
from netkeep.tui.forms.path import PathPrompt
from netkeep.tui.panes.handoff import edit_outside, editor_command, open_external, split_subject
from netkeep.tui.panes.letter_data import Letter, letters_day, local_time, read_letter
from netkeep.tui.panes.meetings import MeetingPane, app_config
from netkeep.tui.widgets.text_input import TextEditor, TextInput
from netkeep.tui.workers import in_worker, report_failure

#: Seconds between a change and its autosave: a killed terminal loses at most this much typing.
AUTOSAVE_SECONDS = 1.0


class ThanksPane(MeetingPane):
    """Write the thank-you for one of the contact's meetings."""

    BORDER_TITLE = "Thank-you"
    LOADS = "the thank-you letter"
    BINDINGS = [
        Binding(
            "ctrl+t",
            "next_tone",
            "Tone",
            id="thanks.tone",
            tooltip="Rebuild the letter in the next tone (ctrl+z undoes)",
        ),
        Binding(
            "ctrl+o",
            "external_editor",
            "$EDITOR",
            id="thanks.editor",
            tooltip="Edit the letter in your own editor",
        ),
        Binding(
            "ctrl+b", "copy_letter", "Copy", id="thanks.copy", tooltip="Copy the letter to the clipboard"
        ),
        Binding(
            "ctrl+g",
            "open_mail",
            "Mail app",
            id="thanks.mail",
            tooltip="Open the letter in your mail program (mailto link)",
        ),
        Binding(
            "ctrl+s", "save_eml", "Save .eml", id="thanks.eml", tooltip="Save the letter as an .eml file"
        ),
        Binding(
            "ctrl+f",
            "mark_sent",
            "Mark sent",
            id="thanks.sent",
            tooltip="Mark it sent and log the thank-you on the timeline",
        ),
        Binding(
            "ctrl+r",
            "reopen",
            "Reopen",
            id="thanks.reopen",
            tooltip="Edit a letter already sent (it stays marked sent)",
        ),
    ]
    #: What the keys need: a letter to work on, one that may change, one that is locked.
    NEEDS_LETTER = frozenset({"copy_letter", "open_mail", "save_eml"})
    NEEDS_OPEN = frozenset({"next_tone", "external_editor", "mark_sent"})

    @dataclass
    class Recomposed(Message):
        meeting_id: int
        composed: letters.Composed

    @dataclass
    class MailOpened(Message):
        opened: bool
        url: str
        email: str

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.letter: Letter | None = None
        self.tone = letters.DEFAULT_TONE
        self._saved: tuple[str, str, str] | None = None  # (subject, body, tone) as stored/shown
        self._timer: Timer | None = None
        #: Meetings whose sent letter was reopened with ctrl+r (the others stay read-only).
        self._reopened: set[int] = set()
        # Kept as attributes so the last save on unmount can still read them.
        self.subject = TextInput("", id="thanks-subject", placeholder="the letter's subject", compact=True)
        self.editor = TextEditor("", id="thanks-body", soft_wrap=True, show_line_numbers=False)

    def compose(self) -> ComposeResult:
        yield self.picker()
        yield self.empty()
        yield Static("", id="thanks-status", markup=False)
        yield Static("", id="thanks-problems", markup=False)
        with Horizontal(id="thanks-subject-row"):
            yield Label("Subject: ")
            yield self.subject
        yield self.editor

    def current(self) -> tuple[str, str, str]:
        return (self.subject.value, self.editor.text, self.tone)

    # -- loading (worker thread)
    def fetch(self, contact_id: int, meeting_id: int | None) -> Letter | None:
        return None if meeting_id is None else read_letter(app_config(self.app), contact_id, meeting_id)

    # -- showing (UI thread)
    def show(self, data: Letter | None) -> None:
        same = (
            data is not None
            and self.letter is not None
            and self._saved is not None
            and self.letter.meeting_id == data.meeting_id
        )
        self.letter = data
        if same:
            assert data is not None  # same says so
            # A reload of the letter being written (the app refreshes after any write):
            # keep what is in the editor, which may be newer than the database.
            self._saved = (data.subject, data.body, data.tone)
            self._edited_now()
            self._lock()
            self._status()
            return
        self._show_problems(())
        if data is None:
            self._saved = None
            self._lock()
            return
        self.tone = data.tone
        self._saved = (data.subject, data.body, data.tone)
        with self.subject.prevent(Input.Changed), self.editor.prevent(TextArea.Changed):
            self.subject.value = data.subject
            self.editor.load_text(data.body)
        self._show_problems(data.problems)
        self._lock()
        self._status()

    @property
    def locked(self) -> bool:
        """A letter marked sent is read-only until reopened (ctrl+r)."""
        letter = self.letter
        return letter is not None and letter.status == "sent" and letter.meeting_id not in self._reopened

    def _lock(self) -> None:
        """Make the editor read-only while the letter is locked, and the keys follow."""
        locked = self.locked
        self.editor.read_only = locked
        self.subject.disabled = locked
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.NEEDS_LETTER:
            return self.meeting_id is not None and self.letter is not None
        if action in self.NEEDS_OPEN:
            return self.meeting_id is not None and self.letter is not None and not self.locked
        if action == "reopen":
            return self.locked
        return super().check_action(action, parameters)

    def action_reopen(self) -> None:
        if self.letter is None or not self.locked:
            return
        self._reopened.add(self.letter.meeting_id)
        self._lock()
        self._status()
        self.editor.focus()

    def _show_problems(self, problems: tuple[str, ...]) -> None:
        text = "\n".join(problems)
        shown = self.query_one("#thanks-problems", Static)
        shown.update(visible(text))
        shown.set_class(bool(text), "-shown")
        for problem in problems:
            self.notify(problem, title="Thank-you template", severity="warning", markup=False, timeout=12)

    def _status(self, note: str = "") -> None:
        letter = self.letter
        status = self.query("#thanks-status")
        if letter is None or not status:
            return  # nothing shown, or the pane is being taken down
        parts = [f"tone: {self.tone}"]
        if letter.status == "sent" and letter.sent_at is not None:
            parts.append(f"sent {letters_day(letter.sent_at)}")
            parts.append("read-only: ctrl+r reopens it" if self.locked else "reopened: edits are saved")
        elif letter.saved_at is not None:
            parts.append(f"draft saved {local_time(letter.saved_at)}")
        else:
            parts.append("new, from your notes (saved once you edit it)")
        parts.append(f"to {letter.email}" if letter.email else "no email address on file")
        if note:
            parts.append(note)
        status.first(Static).update(visible(" · ".join(parts)))

    # -- autosave
    @on(Input.Changed, "#thanks-subject")
    @on(TextArea.Changed, "#thanks-body")
    def _edited(self, event) -> None:
        event.stop()
        if self.meeting_id is None or self._saved is None or self.current() == self._saved:
            return
        if self._timer is None:
            self._timer = self.set_timer(AUTOSAVE_SECONDS, self._autosave)

    def _autosave(self) -> None:
        self._timer = None
        self.flush()

    def flush(self, *, store: bool = False) -> bool:
        """Save the letter now if it changed since the last save (or, with ``store``, if it
        was never stored); False if saving failed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.meeting_id is None or self._saved is None or self.letter is None:
            return True
        now = self.current()
        first = self.letter.status == ""
        if now == self._saved and not (store and first):
            return True
        try:
            draft = letters.save_draft(self.meeting_id, *now, contact_id=self.contact_id)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "save the letter", error)
            return False
        self._saved = now
        self.letter = Letter.from_draft(draft, self.letter.email, self.letter.tones)
        self._status()
        if first:
            self.changed()  # the agenda shows that a draft exists
        return True

    def leave_meeting(self) -> None:
        self.flush()

    def focus_target(self) -> None:
        if self.meeting_id is not None:
            self.editor.focus()
        else:
            super().focus_target()

    def on_unmount(self) -> None:
        self.flush()

    # -- tone
    def action_next_tone(self) -> None:
        if self.meeting_id is None or self.letter is None:
            return
        tones = list(self.letter.tones) or list(letters.TONES)
        index = tones.index(self.tone) if self.tone in tones else -1
        self._recompose(self.meeting_id, tones[(index + 1) % len(tones)])

    @in_worker("rebuild the letter", group="thanks-compose")
    def _recompose(self, meeting_id: int, tone: str) -> Recomposed:
        return self.Recomposed(
            meeting_id, letters.compose(meeting_id, tone, app_config(self.app), contact_id=self.contact_id)
        )

    @on(Recomposed)
    def _recomposed(self, message: Recomposed) -> None:
        message.stop()
        if message.meeting_id != self.meeting_id:
            return
        composed = message.composed
        self.tone = composed.tone
        self.subject.value = composed.subject
        self.editor.replace(composed.body, (0, 0), self.editor.document.end)
        self._show_problems(composed.problems)
        self._status(f"rebuilt in the {composed.tone} tone (ctrl+z undoes)")
        self._edited_now()

    def _edited_now(self) -> None:
        if self._timer is None and self._saved is not None and self.current() != self._saved:
            self._timer = self.set_timer(AUTOSAVE_SECONDS, self._autosave)

    # -- your own editor
    def action_external_editor(self) -> None:
        if self.meeting_id is None:
            return
        try:
            command = editor_command()
        except NetkeepError as problem:  # said before the terminal is handed over
            self.notify(str(problem), severity="warning", markup=False)
            return
        self.flush()
        text = edit_outside(self.app, command, f"Subject: {self.subject.value}\n\n{self.editor.text}")
        if text is None:
            return
        subject, body = split_subject(text)
        if subject is not None:
            self.subject.value = subject
        self.editor.replace(body, (0, 0), self.editor.document.end)
        self.flush()

    # -- sending it the user's way
    def action_copy_letter(self) -> None:
        if self.meeting_id is None:
            return
        self.flush()
        self.app.copy_to_clipboard(self.editor.text)
        self.notify("The letter is on the clipboard (your terminal must allow it).")

    def action_open_mail(self) -> None:
        if self.meeting_id is None or not self.flush(store=True):
            return
        self._open_mail(self.meeting_id)

    @in_worker("open the letter in your mail program", group="thanks-mail")
    def _open_mail(self, meeting_id: int) -> MailOpened:
        draft = letters.get_draft(meeting_id, self.contact_id)
        email = letters.contact_email(draft.contact_id) if draft else ""
        url = letters.mailto_for(meeting_id, self.contact_id)
        return self.MailOpened(open_external(url), url, email)

    @on(MailOpened)
    def _mail_opened(self, message: MailOpened) -> None:
        message.stop()
        if not message.opened:
            self.app.copy_to_clipboard(message.url)
            self.notify("No mail program answered; the mailto link is on the clipboard.", severity="warning")
        elif not message.email:
            self.notify(
                f"Opened in your mail program, without an address: {self.contact_name} has no email on file.",
                markup=False,
            )
        else:
            self.notify("Opened in your mail program.")

    def action_save_eml(self) -> None:
        if self.meeting_id is None or not self.flush(store=True):
            return
        meeting_id = self.meeting_id

        def chosen(path: str | None) -> None:
            if path:
                self._save_eml(meeting_id, path)

        self.app.push_screen(PathPrompt("Save the thank-you as .eml", str(Path.cwd())), chosen)

    @in_worker("save the letter as .eml", group="thanks-eml")
    def _save_eml(self, meeting_id: int, path: str) -> None:
        written = letters.save_eml(meeting_id, path, app_config(self.app), contact_id=self.contact_id)
        self.app.call_from_thread(self.notify, f"Saved {written}", markup=False)

    def action_mark_sent(self) -> None:
        if self.meeting_id is None:
            return
        if not self.flush(store=True):
            return
        self._mark_sent(self.meeting_id)

    @in_worker("mark the letter sent", group="thanks-sent")
    def _mark_sent(self, meeting_id: int) -> None:
        letters.mark_sent(meeting_id, self.contact_id)
        self.app.call_from_thread(self._sent)

    def _sent(self) -> None:
        self.notify("Marked sent and logged on the timeline.")
        self.changed()
        self.reload()
