"""Start Jupyter kernels for the project's notebook scripts without a false alarm.

``notebook_client`` is nbclient's ``NotebookClient`` with one setting added: the kernel
manager gives the kernel CurveZMQ keys (``transport_encryption = "auto"``, used because
the ipykernel kernelspec declares ``supported_encryption: curve``).  Messages between the
runner and the kernel are then encrypted, and ipykernel no longer prints "Kernel is running
over TCP without encryption" on every start, a warning a teacher or student running a
notebook from a terminal would take for an error.

Who uses it: ``tools/execute_notebooks.py`` (which stores every notebook's outputs) and
``tools/time_notebooks.py``; ``tests/test_kernel.py`` checks that no other module or tool
builds a ``NotebookClient``.  Two runners do not go through it: nbval (strict ``--nbval`` in
``python tasks.py test``, a student's ``pytest --nbval-lax exercises/...``) starts its own
kernel, and the class check and the self-check (``medialit check-class``, ``medialit
check``) start no Jupyter kernel at all: each notebook's cells run in an IPython shell inside
a sandbox (:mod:`medialit.exercises.worker`).  JupyterLab started by ``python tasks.py lab``
gets the same setting from ``jupyter-config/jupyter_server_config.py``.

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
