"""JupyterHub configuration for a local classroom hub: the tested setup.

Start and stop it with ``python hub/run.py start`` / ``python hub/run.py stop``; the
script sets the environment variables read below.  docs/deployment.md explains every
setting and gives the Zero to JupyterHub and The Littlest JupyterHub equivalents.

What this hub is:

- **Loopback only.**  The proxy, the hub and every student's server listen on 127.0.0.1;
  nothing is reachable from another computer.  For a real school, put a hub behind HTTPS
  with your school's login instead (see docs/deployment.md).
- **Shared-password login** for local trials: any user name with the class password.
- **One folder per student** under ``<state>/home/<name>``, one process per student, all
  running as the user who started the hub (``SimpleLocalProcessSpawner``: no isolation
  between students, so for trials and tests, never for real pupils' data).
- **The project's pinned environment** (``.venv``) runs every student's server and kernel;
  ``PYTHONPATH`` points at the student's own pulled copy, so the helper package, the data and
  the notebooks always come from the same version of the course.
- **Idle culling**: a server with no activity for ``MEDIALIT_HUB_CULL_TIMEOUT`` seconds
  (default one hour) is stopped; the student's files stay, and the next link restarts it.
- **Servers outlive a hub restart** (``cleanup_servers = False``): restarting the hub does not
  stop any student's kernel.
"""

import os
import sys
import tempfile
from pathlib import Path

c = get_config()  # noqa: F821  (provided by JupyterHub when it loads this file)

HUB_DIR = Path(__file__).resolve().parent
ROOT = HUB_DIR.parent
STATE = Path(os.environ.get("MEDIALIT_HUB_STATE", Path(tempfile.gettempdir()) / "medialit-hub")).resolve()
PORT = int(os.environ.get("MEDIALIT_HUB_PORT", "8000"))
HOST = "127.0.0.1"
COURSE_DIR = os.environ.get("MEDIALIT_HUB_COURSE_DIR", "medialit")
VENV_BIN = Path(os.environ.get("MEDIALIT_HUB_VENV", ROOT / ".venv")) / "bin"
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"

STATE.mkdir(parents=True, exist_ok=True)

# --- network: loopback only ------------------------------------------------
c.JupyterHub.bind_url = f"http://{HOST}:{PORT}"
c.JupyterHub.hub_ip = HOST
c.JupyterHub.hub_port = PORT + 1
c.ConfigurableHTTPProxy.api_url = f"http://{HOST}:{PORT + 2}"
c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.Spawner.ip = HOST

# --- state: everything the hub keeps lives in one folder --------------------
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = False  # a hub restart leaves students' servers and kernels running
c.JupyterHub.cleanup_proxy = False    # ... and the proxy, so open tabs keep their connection

# --- login: one shared class password (local trials only) -------------------
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ.get("MEDIALIT_HUB_PASSWORD", "medialit-class")
c.Authenticator.allow_all = True

# --- students' servers ------------------------------------------------------
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
if hasattr(os, "geteuid") and os.geteuid() == 0:
    # SimpleLocalProcessSpawner runs every server as the hub's own user; as root
    # (containers, CI) Jupyter Server refuses to start without this.
    c.Spawner.args = ["--ServerApp.allow_root=True"]
c.Spawner.environment = {
    # the helper package from the student's own pulled copy of the course
    "PYTHONPATH": lambda spawner: str(Path(spawner.home_dir) / COURSE_DIR),
    "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
    # marks every student's server and kernel as this hub's, so `hub/run.py stop` finds them all
    "MEDIALIT_HUB_STATE": str(STATE),
}
# Passed on from the hub's own environment (locale, and the machine's numeric-library settings).
c.Spawner.env_keep = ["JUPYTERHUB_SINGLEUSER_APP", "LANG", "LC_ALL", "TZ", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"]
# A 2-core machine starting many servers at once needs more than the 60 s / 30 s defaults.
c.Spawner.start_timeout = int(os.environ.get("MEDIALIT_HUB_START_TIMEOUT", "180"))
c.Spawner.http_timeout = int(os.environ.get("MEDIALIT_HUB_START_TIMEOUT", "180"))
# A student who follows a link while their server is stopped gets it started without a click.
c.JupyterHub.implicit_spawn_seconds = 0.5

# --- idle culling -----------------------------------------------------------
CULL_TIMEOUT = int(os.environ.get("MEDIALIT_HUB_CULL_TIMEOUT", "3600"))
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable, "-m", "jupyterhub_idle_culler",
            f"--timeout={CULL_TIMEOUT}",
            f"--cull-every={max(10, min(300, CULL_TIMEOUT // 2))}",
        ],
    },
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
]
# The class test (tools/class_load_test.py) watches the servers through this service's token.
if os.environ.get("MEDIALIT_HUB_OBSERVER_TOKEN"):
    c.JupyterHub.services.append(
        {"name": "class-test", "api_token": os.environ["MEDIALIT_HUB_OBSERVER_TOKEN"]}
    )
    c.JupyterHub.load_roles.append(
        {
            "name": "class-test",
            "scopes": ["list:users", "read:users", "read:servers", "admin:servers"],
            "services": ["class-test"],
        }
    )
