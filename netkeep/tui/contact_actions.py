"""The app's actions on the selected contact: new, edit, log, log a meeting, archive (and
undo), delete. Each opens its form or asks first, writes through core and refreshes the
app; the app's ``action_*`` methods call them. The forms are imported when first opened."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from netkeep.core import contacts
from netkeep.core.errors import NetkeepError

if TYPE_CHECKING:
    from netkeep.tui.app import NetkeepApp
    from netkeep.tui.forms.interaction import Logged


def new_contact(app: NetkeepApp) -> None:
    from netkeep.tui.forms.contact import ContactForm

    app.push_screen(
        ContactForm(None, app.contact_list.names, contacts.create_contact), partial(after_save, app)
    )


def edit_contact(app: NetkeepApp) -> None:
    from netkeep.tui.forms.contact import ContactForm

    contact_id = app.selected_id
    if contact_id is None:
        return
    try:
        card = contacts.get_card(contact_id)
    except NetkeepError as error:
        app.notify(str(error), severity="error", markup=False)
        return

    def save(data) -> int:
        contacts.update_contact(contact_id, data)
        return contact_id

    app.push_screen(ContactForm(card, app.contact_list.names, save), partial(after_save, app))


def after_save(app: NetkeepApp, contact_id: int | None) -> None:
    """After a contact form or quick capture: show the saved contact (None: cancelled)."""
    if contact_id is None:
        return
    app.data_changed(contact_id)
    app.open_contact(contact_id)


def log_interaction(app: NetkeepApp) -> None:
    from netkeep.core import interactions
    from netkeep.tui.forms.interaction import InteractionForm

    contact_id = app.selected_id
    if contact_id is None:
        return
    name = selected_name(app)

    def save(logged: Logged) -> int:
        return interactions.log_interaction(logged.as_input((contact_id,)))

    def done(interaction_id: int | None) -> None:
        if interaction_id is not None:
            app.data_changed(contact_id)
            app.notify(f"Logged with {name}.", timeout=3, markup=False)

    app.push_screen(InteractionForm(name, save), done)


def log_meeting(app: NetkeepApp) -> None:
    from netkeep.tui.forms.meeting import MeetingForm

    contact_id = app.selected_id
    if contact_id is None:
        return

    def logged(meeting_id: int | None) -> None:
        if meeting_id is not None:
            app.data_changed(contact_id)
            app.notify("Meeting logged: thank-you, reflection and prep are in the contact's tabs.", timeout=4)

    app.push_screen(MeetingForm(contact_id, selected_name(app)), logged)


def selected_name(app: NetkeepApp) -> str:
    """The selected contact's name, once its card is shown."""
    card = app.contact_view.card
    if card is not None and card.id == app.selected_id:
        return card.full_name
    return "this contact"


def archive(app: NetkeepApp) -> None:
    contact_id = app.selected_id
    if contact_id is None:
        return
    name = selected_name(app)
    try:
        contacts.set_archived(contact_id, True)
    except NetkeepError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    app.last_archived = (contact_id, name)
    app.data_changed(contact_id, listed=False)
    app.refresh_bindings()
    app.notify(f"Archived {name} (u brings them back).", markup=False)


def unarchive(app: NetkeepApp) -> None:
    if app.last_archived is None:
        return
    contact_id, name = app.last_archived
    app.last_archived = None
    try:
        contacts.set_archived(contact_id, False)
    except NetkeepError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    app.data_changed(contact_id)
    app.refresh_bindings()
    app.notify(f"{name} is back.", markup=False)


def delete(app: NetkeepApp) -> None:
    from netkeep.tui.screens.confirm import ConfirmScreen

    contact_id = app.selected_id
    if contact_id is None:
        return
    name = selected_name(app)
    question = f"Delete {name}? Their card and the conversations only they were part of are removed for good."
    app.push_screen(ConfirmScreen(question), partial(_deleted, app, contact_id, name))


def _deleted(app: NetkeepApp, contact_id: int, name: str, confirmed: bool | None) -> None:
    if not confirmed:
        return
    try:
        contacts.delete_contact(contact_id)
    except NetkeepError as error:
        app.notify(str(error), severity="error", markup=False)
        return
    app.data_changed(contact_id, listed=False)
    app.notify(f"Deleted {name}.", markup=False)
