"""The app's stylesheets: ``.tcss`` files in this folder, theme variables only.

Only ``APP`` is parsed before the main screen's first frame (its ``CSS_PATH``). The parts
shown on demand read theirs when first used: each modal screen names its sheet in its
``CSS_PATH`` (Textual reads it when the screen first opens; the main app adds ``FORMS``
and ``HELP`` just after its first frame), and the timeline, the job search and the
contact's tabs are widgets, so whoever mounts them calls :func:`load` first.
``netkeep capture`` reads ``FORMS`` alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

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
#: The History screen.
HISTORY = HERE / "history.tcss"


def load(app: App, path: Path) -> None:
    """Add the stylesheet ``path`` to the running ``app``, unless it has it already.

    Call it before mounting what the sheet styles. Only this sheet is parsed, as when a
    widget's own CSS is added (Textual re-parses every sheet for a screen's CSS_PATH);
    nothing already on screen needs restyling. ``VIEWS`` and ``PANES`` parsed before the
    first frame would cost it ~6 ms.
    """
    if not app.stylesheet.has_source(str(path)):
        app.stylesheet.add_source(path.read_text(encoding="utf-8"), read_from=(str(path), ""))
