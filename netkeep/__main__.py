"""``python -m netkeep``: the same as the ``netkeep`` command."""

import sys

from netkeep.cli import main

sys.exit(main())
