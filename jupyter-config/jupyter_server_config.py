"""Settings for the JupyterLab that ``python tasks.py lab`` starts (it puts this folder on
JUPYTER_CONFIG_PATH; nothing here is read by a Jupyter started any other way).

- Kernels talk to the server over CurveZMQ-encrypted sockets, so ipykernel no longer warns
  "Kernel is running over TCP without encryption" on every start (the kernelspec declares
  support; ``medialit.kernel`` does the same for notebooks run from scripts and tests).
- Terminals open the user's own shell in the project folder (where every command the notebooks
  print is written from; JupyterLab would start in the folder its file browser shows), and not
  as a login shell, whose /etc/profile would reset PATH: the project's .venv, which tasks.py
  puts first on the server's PATH, stays first, so ``pytest``, ``python`` and ``medialit`` typed
  in a terminal are the project's.  For bash, ``terminal_bashrc.sh`` reads ~/.bashrc and then
  puts .venv back in front (a conda setup in ~/.bashrc would otherwise win).

The lab side (no "official Jupyter news?" pop-up) is ``labconfig/default_setting_overrides.json``.
"""

import os
import shutil
from pathlib import Path

c = get_config()  # noqa: F821 -- provided by traitlets when it reads this file

c.KernelManager.transport_encryption = "auto"

if os.name != "nt":
    project = Path(__file__).resolve().parent.parent
    shell = os.environ.get("SHELL") or shutil.which("bash") or "/bin/sh"
    command = [shell]
    if Path(shell).name == "bash":
        command += ["--rcfile", str(Path(__file__).resolve().with_name("terminal_bashrc.sh"))]
    c.ServerApp.terminado_settings = {
        "shell_command": ["/bin/sh", "-c", 'cd "$0" && exec "$@"', str(project), *command]}
