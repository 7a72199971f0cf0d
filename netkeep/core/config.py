"""The user's config file (TOML in the config dir), read once and handed around as a dict."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from netkeep.paths import config_dir


@dataclass(frozen=True)
class Config:
    """What the config file says; ``problems`` lists what in it could not be used."""

    path: Path
    data: dict = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def section(self, name: str) -> dict:
        value = self.data.get(name, {})
        return value if isinstance(value, dict) else {}

    @property
    def directory(self) -> Path:
        return self.path.parent


def load_config(directory: Path | None = None) -> Config:
    """Read ``config.toml``; a missing file is an empty config, a broken one is reported."""
    path = (directory or config_dir()) / "config.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeDecodeError) as error:
        return Config(path, problems=(f"cannot read {path}: {error}",))
    import tomllib  # only when there is a file: ~2 ms of the app's start-up otherwise

    try:
        return Config(path, tomllib.loads(text))
    except tomllib.TOMLDecodeError as error:
        return Config(path, problems=(f"{path} is not valid TOML ({error}); using the defaults",))
