"""The app's actions on the selected contact: new, edit, log, log a meeting, archive and
delete (ctrl+z undoes any of them: the app's undo). Each opens its form or asks first
(archive and delete), writes through core and refreshes the app. The forms are imported
when first opened."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from netkeep.core import contacts
from netkeep.core.errors import NetkeepError
from netkeep.tui.keys import UNDO_HINT
from netkeep.tui.sync_actions import SyncActions
from netkeep.tui.workers import report_failure

if TYPE_CHECKING:
    from netkeep.core.records import ContactRow
    from netkeep.tui.forms.interaction import Logged
    from netkeep.tui.views.contact import ContactView
    from netkeep.tui.views.contacts import ContactList


class ContactActions(SyncActions):
    """The base of ``NetkeepApp``, which provides the selection, the list, the contact view,
    ``contact_rows``, ``data_changed`` and ``open_contact``."""

    selected_id: int | None = None
    #: "ctrl+z to undo", with the key the user has for it.
    undo_hint = UNDO_HINT

    @property
    def contact_list(self) -> ContactList:
        raise NotImplementedError

    @property
    def contact_view(self) -> ContactView:
        raise NotImplementedError

    @property
    def contact_rows(self) -> list[ContactRow]:
        raise NotImplementedError

    def data_changed(self, contact_id: int | None, *, listed: bool = True) -> None:
        raise NotImplementedError

    def open_contact(self, contact_id: int) -> None:
        raise NotImplementedError

    def action_new_contact(self) -> None:
        from netkeep.tui.forms.contact import ContactForm

        self.push_screen(ContactForm(None, self.contact_list.names, contacts.create_contact), self.after_save)

    def action_edit_contact(self) -> None:
        from netkeep.tui.forms.contact import ContactForm

        contact_id = self.selected_id
        if contact_id is None:
            return
        try:
            card = contacts.get_card(contact_id)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, "load the contact", error)
            return

        def save(data) -> int:
            contacts.update_contact(contact_id, data)
            return contact_id

        self.push_screen(ContactForm(card, self.contact_list.names, save), self.after_save)

    def after_save(self, contact_id: int | None) -> None:
        """After a contact form or quick capture: show the saved contact (None: cancelled)."""
        if contact_id is None:
            return
        self.data_changed(contact_id)
        self.open_contact(contact_id)

    def action_log_interaction(self) -> None:
        from netkeep.core.contact_card import who
        from netkeep.tui.forms.interaction import InteractionForm

        contact_id = self.selected_id
        if contact_id is None:
            return
        name = self.selected_name()

        def save(logged: Logged) -> tuple[int, str]:
            interaction_id = logged.write(logged.as_input(logged.contact_ids))
            return interaction_id, who(logged.contact_ids)

        def done(result: tuple[int, str] | None) -> None:
            if result is not None:
                self.data_changed(contact_id)
                self.notify(f"Logged with {result[1]}.", timeout=3, markup=False)

        self.push_screen(InteractionForm(name, save, contact_id=contact_id), done)

    def action_log_meeting(self) -> None:
        from netkeep.tui.forms.meeting import MeetingForm

        contact_id = self.selected_id
        if contact_id is None:
            return

        def logged(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.data_changed(contact_id)
                self.notify(
                    "Meeting logged: thank-you, reflection and prep are in the contact's tabs.", timeout=4
                )

        self.push_screen(MeetingForm(contact_id, self.selected_name()), logged)

    def selected_name(self) -> str:
        """The selected contact's name, once its card is shown."""
        card = self.contact_view.card
        if card is not None and card.id == self.selected_id:
            return card.full_name
        return "this contact"

    def action_archive_contact(self) -> None:
        from netkeep.tui.screens.confirm import ConfirmScreen

        contact_id = self.selected_id
        if contact_id is None:
            return
        name = self.selected_name()
        question = f"Archive {name}? They leave the list and the agenda ({self.undo_hint})."
        self.push_screen(ConfirmScreen(question, "Archive"), partial(self._archive, contact_id, name))

    def _archive(self, contact_id: int, name: str, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            contacts.set_archived(contact_id, True)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, f"archive {name}", error)
            return
        self.data_changed(contact_id, listed=False)
        self.notify(f"Archived {name} — {self.undo_hint}.", markup=False)

    def action_delete_contact(self) -> None:
        from netkeep.tui.screens.confirm import ConfirmScreen

        contact_id = self.selected_id
        if contact_id is None:
            return
        from netkeep.core.trash import delete_effects

        name = self.selected_name()
        try:
            effects = delete_effects(contact_id)
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, f"delete {name}", error)
            return
        question = "\n".join(
            [
                f"Delete {name}? Their card and the conversations only they were part of go to the "
                "trash (restorable for 30 days from History).",
                *effects,
            ]
        )
        self.push_screen(ConfirmScreen(question), partial(self._deleted, contact_id, name))

    def _deleted(self, contact_id: int, name: str, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            contacts.delete_contact(contact_id)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        except Exception as error:  # a storage failure (locked, read-only, full disk)
            report_failure(self, f"delete {name}", error)
            return
        self.data_changed(contact_id, listed=False)
        self.notify(f"Deleted {name} — {self.undo_hint}.", markup=False)
