"""The app's actions on the selected contact: new, edit, log, log a meeting, archive (and
undo), delete. Each opens its form or asks first, writes through core and refreshes."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from netkeep.core import contacts
from netkeep.core.errors import NetkeepError

if TYPE_CHECKING:
    from netkeep.tui.forms.interaction import Logged


class ContactActions:
    """Mixed into ``NetkeepApp``: uses its ``selected_id``, ``last_archived``, contact list and
    view, ``data_changed`` and ``open_contact``. The forms are imported when first opened."""

    def _names(self) -> list[str]:
        return self.contact_list.names

    def action_new_contact(self) -> None:
        from netkeep.tui.forms.contact import ContactForm

        self.push_screen(ContactForm(None, self._names(), contacts.create_contact), self._after_save)

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

        def save(data) -> int:
            contacts.update_contact(contact_id, data)
            return contact_id

        self.push_screen(ContactForm(card, self._names(), save), self._after_save)

    def _after_save(self, contact_id: int | None) -> None:
        if contact_id is None:
            return
        self.data_changed(contact_id)
        self.open_contact(contact_id)

    def action_log_interaction(self) -> None:
        from netkeep.core.interactions import log_interaction
        from netkeep.tui.forms.interaction import InteractionForm

        contact_id = self.selected_id
        if contact_id is None:
            return
        name = self._selected_name()

        def save(logged: Logged) -> int:
            return log_interaction(logged.as_input((contact_id,)))

        def done(interaction_id: int | None) -> None:
            if interaction_id is not None:
                self.data_changed(contact_id)
                self.notify(f"Logged with {name}.", timeout=3, markup=False)

        self.push_screen(InteractionForm(name, save), done)

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

        self.push_screen(MeetingForm(contact_id, self._selected_name()), logged)

    def _selected_name(self) -> str:
        card = self.contact_view.card
        if card is not None and card.id == self.selected_id:
            return card.full_name
        return "this contact"

    def action_archive_contact(self) -> None:
        contact_id = self.selected_id
        if contact_id is None:
            return
        name = self._selected_name()
        try:
            contacts.set_archived(contact_id, True)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.last_archived = (contact_id, name)
        self.data_changed(contact_id, listed=False)
        self.refresh_bindings()
        self.notify(f"Archived {name} (u brings them back).", markup=False)

    def action_unarchive(self) -> None:
        if self.last_archived is None:
            return
        contact_id, name = self.last_archived
        self.last_archived = None
        try:
            contacts.set_archived(contact_id, False)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.data_changed(contact_id)
        self.refresh_bindings()
        self.notify(f"{name} is back.", markup=False)

    def action_delete_contact(self) -> None:
        from netkeep.tui.screens.confirm import ConfirmScreen

        contact_id = self.selected_id
        if contact_id is None:
            return
        name = self._selected_name()
        question = (
            f"Delete {name}? Their card and the conversations only they were part of are removed for good."
        )
        self.push_screen(ConfirmScreen(question), partial(self._delete, contact_id, name))

    def _delete(self, contact_id: int, name: str, confirmed: bool | None) -> None:
        if not confirmed:
            return
        try:
            contacts.delete_contact(contact_id)
        except NetkeepError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.data_changed(contact_id, listed=False)
        self.notify(f"Deleted {name}.", markup=False)
