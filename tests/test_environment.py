"""The environment check speaks plain words, even when a package is missing."""

import subprocess
import sys
from pathlib import Path

import medialit as ml

ROOT = Path(__file__).resolve().parent.parent


def test_a_complete_setup_is_reported_ready(capsys):
    assert ml.environment_check() == []
    assert capsys.readouterr().out.startswith("✓ Your setup has everything")


def test_a_missing_package_is_explained_not_raised():
    # A child Python in which pandas cannot be imported: `import medialit` must still work,
    # and the check must name the package and the fix instead of raising.
    code = ("import sys; sys.modules['pandas'] = None; import medialit as ml; "
            "problems = ml.environment_check(); print('PROBLEMS', problems)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "✗ Your setup is missing something:" in run.stdout
    assert "The package 'pandas' is not installed." in run.stdout
    assert "python tasks.py lab" in run.stdout


def test_an_old_package_is_reported_as_too_old(monkeypatch, capsys):
    from medialit import environment

    monkeypatch.setattr(environment, "version", lambda name: "0.1" if name == "pandas" else "99.0")
    problems = environment.environment_check()
    assert problems == ["The package 'pandas' is too old (0.1); version 2.2 or newer is needed."]
    assert "✗" in capsys.readouterr().out
