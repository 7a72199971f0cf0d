"""Start the app from the command line (``netkeep``, ``netkeep demo``)."""

from __future__ import annotations

import sys
from pathlib import Path


def run_app(db_path: str | Path, config_dir: Path | None = None) -> int:
    """Open the database and run the app; a database that cannot be opened is one line on stderr."""
    from netkeep.tui.startup import collector_paused

    with collector_paused():  # until NetkeepApp.on_ready
        from netkeep.core.session import DatabaseError
        from netkeep.tui.app import NetkeepApp  # Textual: ~300 ms, paid only when a screen opens

        try:
            app = NetkeepApp(db_path, config_dir)
        except DatabaseError as error:
            print(f"netkeep: {error}", file=sys.stderr)
            return 1
        app.run()
        return app.return_code or 0
