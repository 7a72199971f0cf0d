"""The work behind each `netkeep` subcommand (imported lazily by `netkeep.cli`)."""
