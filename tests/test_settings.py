from pathlib import Path

import pytest

from partnerdash import settings


def test_environment_wins_over_the_file_and_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "partnerdash.toml"
    monkeypatch.setattr(settings, "CONFIG_FILE", config)
    monkeypatch.delenv("PARTNERDASH_MAX_UPLOAD_MB", raising=False)
    assert settings.get("max_upload_mb") == "50"
    config.write_text('max_upload_mb = "20"\n')
    assert settings.get("max_upload_mb") == "20"
    monkeypatch.setenv("PARTNERDASH_MAX_UPLOAD_MB", "5")
    assert settings.get("max_upload_mb") == "5"


def test_every_setting_has_help() -> None:
    assert all(s.help and s.env_var.startswith("PARTNERDASH_") for s in settings.SETTINGS)
