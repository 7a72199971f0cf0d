"""scripts/screenshots.py: SVGs of the app on a demo network, with the clock held."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

import pendulum

from netkeep.demo.network import generate


def _load_script():
    path = Path(__file__).parents[2] / "scripts" / "screenshots.py"
    spec = importlib.util.spec_from_file_location("screenshots_script", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


screenshots = _load_script()


def test_capture_and_timeline_shots(tmp_path, monkeypatch):
    monkeypatch.setattr(
        screenshots,
        "SHOTS",
        tuple(shot for shot in screenshots.SHOTS if shot[0] in ("capture", "timeline", "prep")),
    )
    db = tmp_path / "demo.db"
    with pendulum.travel_to(pendulum.datetime(*screenshots.SHOT_DAY, tz="UTC"), freeze=True):
        generate(db, contacts=30, seed=screenshots.DEMO_SEED)
        (tmp_path / "out").mkdir()
        written = asyncio.run(screenshots._shoot_all(db, tmp_path / "config", tmp_path / "out"))
    assert [path.name for path in written] == ["timeline.svg", "prep.svg", "capture.svg"]
    capture = (tmp_path / "out" / "capture.svg").read_text()
    assert capture.startswith("<svg") and "Quick&#160;capture" in capture
    assert "does&#160;not&#160;look&#160;like&#160;an&#160;email" in capture
    assert "Week&#160;of" in (tmp_path / "out" / "timeline.svg").read_text()
