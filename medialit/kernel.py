"""Run notebooks in a fresh Jupyter kernel the way the project's scripts and tests do.

``notebook_client`` is nbclient's ``NotebookClient`` with one setting added: the kernel
manager gives the kernel CurveZMQ keys (``transport_encryption = "auto"``, used because
the ipykernel kernelspec declares ``supported_encryption: curve``).  Messages between the
runner and the kernel are then encrypted, and ipykernel no longer prints "Kernel is running
over TCP without encryption" on every start, a warning a teacher or student running a
notebook from a terminal would take for an error.  ``tools/execute_notebooks.py``,
``tools/time_notebooks.py`` and the tests that run notebooks use it.  The class check and
the student's self-check (``medialit check-class``, ``medialit check``) start no Jupyter
kernel: each notebook's cells run in an IPython shell inside a sandbox
(:mod:`medialit.exercises.worker`).  JupyterLab started by ``python tasks.py lab`` gets the
same setting from ``jupyter-config/jupyter_server_config.py``.

>>> KERNEL_CONFIG["KernelManager"]["transport_encryption"]
'auto'
"""

from __future__ import annotations

#: Jupyter configuration for the kernel manager of every notebook run.
KERNEL_CONFIG = {"KernelManager": {"transport_encryption": "auto"}}


def notebook_client(notebook, **kwargs):
    """An ``nbclient.NotebookClient`` for ``notebook`` whose kernel talks over encrypted sockets.

    Keyword arguments go to ``NotebookClient`` (``timeout``, ``kernel_name``, ``resources`` …).
    """
    from nbclient import NotebookClient

    client = NotebookClient(notebook, **kwargs)
    for section, values in KERNEL_CONFIG.items():  # the kernel manager is made later, from this config
        for name, value in values.items():
            setattr(client.config[section], name, value)
    return client
