"""Notebooks run from scripts and tests start kernels that raise no false alarm (medialit.kernel)."""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from medialit.kernel import notebook_client

WARNING = "Kernel is running over TCP without encryption"


def _notebook():
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])


def test_notebook_client_runs_code_over_encrypted_sockets_without_the_warning(capfd):
    notebook = _notebook()
    client = notebook_client(notebook, timeout=60, kernel_name="python3")
    client.execute()
    assert notebook.cells[0].outputs[0]["text"] == "42\n"
    assert client.config.KernelManager.transport_encryption == "auto"
    assert WARNING not in capfd.readouterr().err


def test_a_plain_notebook_client_shows_the_warning_it_removes(capfd):
    """The warning is real without the setting, so the test above can fail."""
    notebook = _notebook()
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute()
    assert WARNING in capfd.readouterr().err


def test_arguments_reach_the_client_and_the_setting_its_kernel_manager():
    client = notebook_client(_notebook(), timeout=7, kernel_name="python3", allow_errors=True)
    assert (client.timeout, client.kernel_name, client.allow_errors) == (7, "python3", True)
    assert client.create_kernel_manager().transport_encryption == "auto"


def test_every_notebook_run_goes_through_notebook_client():
    """One place decides how kernels are started: no other module or tool builds a NotebookClient."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    direct = [p.relative_to(root).as_posix() for folder in ("medialit", "tools")
              for p in sorted((root / folder).rglob("*.py"))
              if "NotebookClient(" in p.read_text(encoding="utf-8") and p.name != "kernel.py"]
    assert not direct, f"use medialit.kernel.notebook_client in {direct}"
