"""Run the trust suite and print its figures as one table.

    uv run python tests/trust/run.py           # the short form (what CI runs inside pytest)
    uv run python tests/trust/run.py --long    # 500+ kills, a minute of concurrent writers,
                                               # the whole corpus through every surface
    uv run python tests/trust/run.py --long -k crash   # extra arguments go to pytest

The long form takes about a quarter of an hour on two busy cores.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--long", action="store_true", help="the long form (run by hand)")
    args, pytest_args = parser.parse_known_args()
    os.environ["NETKEEP_TRUST_LONG"] = "1" if args.long else "0"
    import pytest  # after the environment says which form this is

    here = Path(__file__).resolve().parent
    return pytest.main([str(here), "-p", "no:cacheprovider", "-p", "no:xdist", "-rxXs", *pytest_args])


if __name__ == "__main__":
    sys.exit(main())
