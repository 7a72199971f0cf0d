"""Where the app's stylesheets are: ``.tcss`` files in this folder, theme variables only.

The main app reads ``APP``, ``VIEWS`` and ``PANES`` before its first frame; each modal
screen names its own (``FORMS``, ``TRANSFER``, ``HELP``) in ``CSS_PATH``, so Textual reads
it when the screen is first opened, not at start-up.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
#: The main screen: the contact list beside the views, the contact's card.
APP = HERE / "app.tcss"
#: The timeline and the job search.
VIEWS = HERE / "views.tcss"
#: The contact's tabs: follow-ups, thank-you, reflect, prep.
PANES = HERE / "panes.tcss"
#: Every form (quick capture too) and the confirm dialog.
FORMS = HERE / "forms.tcss"
#: What the import, export and merge dialogs add to the forms.
TRANSFER = HERE / "transfer.tcss"
#: The help screen.
HELP = HERE / "help.tcss"
