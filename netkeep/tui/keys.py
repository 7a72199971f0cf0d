"""The main app's keys: each with an id (remapped by id in ``[keys]`` of config.toml), a
description and a tooltip. The views, panes and forms bind their own keys."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding, BindingType

#: What a notification after a change says, unless ``[keys]`` gives ``app.undo`` another key.
UNDO_HINT = "ctrl+z to undo"


def undo_hint(app: Any) -> str:
    """``ctrl+z to undo``, with the key the user has for undo (the app works it out)."""
    return getattr(app, "undo_hint", UNDO_HINT)


APP_BINDINGS: list[BindingType] = [
    Binding(
        "ctrl+n",
        "capture",
        "Capture",
        priority=True,
        id="app.capture",
        tooltip="Quick capture someone you just met, from anywhere",
    ),
    Binding("n", "new_contact", "New", id="app.new", tooltip="Add a contact with every detail"),
    Binding("e", "edit_contact", "Edit", id="app.edit", tooltip="Edit the selected contact"),
    Binding("l", "log_interaction", "Log", id="app.log", tooltip="Log a conversation, message or note"),
    Binding(
        "m",
        "log_meeting",
        "Meeting",
        show=False,
        id="app.log_meeting",
        tooltip="Log a meeting: points covered, advice, commitments",
    ),
    Binding(
        "slash",
        "focus_filter",
        "Filter",
        show=False,
        id="app.filter",
        tooltip="Type to filter the contact list",
    ),
    Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key"),
    Binding("q", "quit", "Quit", show=False, id="app.quit", tooltip="Leave netkeep"),
    Binding(
        "a",
        "archive_contact",
        "Archive",
        show=False,
        id="app.archive",
        tooltip="Archive the selected contact",
    ),
    Binding(
        "d",
        "delete_contact",
        "Delete",
        show=False,
        id="app.delete",
        tooltip="Delete the selected contact (asks first)",
    ),
    Binding(
        "ctrl+z",
        "undo",
        "Undo",
        id="app.undo",
        tooltip="Undo the last change (again: the one before it); a text box undoes its typing",
    ),
    Binding(
        "S",
        "sync",
        "Sync",
        show=False,
        id="app.sync",
        tooltip="Sync contacts with the folder vdirsyncer keeps in step with your phone (see docs/sync.md)",
    ),
    Binding(
        "H",
        "history",
        "History",
        show=False,
        id="app.history",
        tooltip="Recent changes, and undoing any of them (deleted contacts too)",
    ),
    Binding(
        "s",
        "cycle_sort",
        "Sort",
        show=False,
        id="app.sort",
        tooltip="Sort by name, last contact or next follow-up",
    ),
    Binding("1", "show_view('today')", "Today", show=False, id="app.view_today", tooltip="The agenda"),
    Binding(
        "2",
        "show_contact",
        "Contact",
        show=False,
        id="app.view_contact",
        tooltip="The selected contact (pressed again: back to the card)",
    ),
    Binding(
        "3",
        "show_view('timeline')",
        "Timeline",
        show=False,
        id="app.view_timeline",
        tooltip="Everyone's interactions, newest first",
    ),
    Binding(
        "4",
        "show_view('jobs')",
        "Jobs",
        show=False,
        id="app.view_jobs",
        tooltip="The job search: target employers and who you know there",
    ),
    Binding(
        "f",
        "show_tab('tab-followups')",
        "Follow-ups",
        show=False,
        id="app.tab_followups",
        tooltip="Needs, commitments, reminders and intros of the selected contact",
    ),
    Binding(
        "t",
        "show_tab('tab-thanks')",
        "Thank-you",
        show=False,
        id="app.tab_thanks",
        tooltip="Thank-you notes for the selected contact",
    ),
    Binding(
        "r",
        "show_tab('tab-reflect')",
        "Reflect",
        show=False,
        id="app.tab_reflect",
        tooltip="Reflect on the last conversation",
    ),
    Binding(
        "p",
        "show_tab('tab-prep')",
        "Prep",
        show=False,
        id="app.tab_prep",
        tooltip="Prepare the next meeting",
    ),
]
