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


def test_extra_configuration_is_kept():
    from traitlets.config import Config

    client = notebook_client(_notebook(), config=Config({"NotebookClient": {"timeout": 7}}))
    assert client.timeout == 7
    assert client.config.KernelManager.transport_encryption == "auto"
