"""Start and stop a classroom JupyterHub on this computer, on loopback only.

    python hub/run.py install           # requirements-hub.txt into .venv, the proxy from npm
    python hub/run.py start             # installs if needed, starts the hub, prints the links
    python hub/run.py link              # the nbgitpuller link that hands out the course
    python hub/run.py status
    python hub/run.py restart           # the hub alone: students' servers and kernels keep running
    python hub/run.py stop              # stops the hub, the proxy, every student server and kernel

Options (before or after the command): ``--port 8000`` (the hub uses this port and the next
two), ``--state DIR`` (where the hub keeps its database and the students' folders; default
``<temp>/medialit-hub``), ``--password`` (the shared class password, at least 8 characters),
``--cull-timeout SECONDS`` (stop a server after this long without activity; default 3600).

The hub listens on http://127.0.0.1:PORT only: it is for trying the course out and for the
class test (tools/class_load_test.py), not for real pupils; docs/deployment.md says how a
school runs one.  The configuration is hub/jupyterhub_config.py.

>>> free_port_block(3) > 1024
True
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

HUB_DIR = Path(__file__).resolve().parent
ROOT = HUB_DIR.parent
CONFIG = HUB_DIR / "jupyterhub_config.py"
REQUIREMENTS = ROOT / "requirements-hub.txt"
VENV = ROOT / ".venv"
VENV_PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
PROXY = HUB_DIR / "node_modules" / ".bin" / "configurable-http-proxy"
DEFAULT_STATE = Path(tempfile.gettempdir()) / "medialit-hub"
DEFAULT_PORT = 8000
DEFAULT_PASSWORD = "medialit-class"
HOST = "127.0.0.1"
COURSE_DIR = "medialit"
STATE_VAR = "MEDIALIT_HUB_STATE"


class HubError(RuntimeError):
    """Something a person can act on: the message says what went wrong and what to do."""


# ---------------------------------------------------------------------------
# install


def missing_parts() -> list[str]:
    """What is not installed yet, as short descriptions (empty when all is there)."""
    missing = []
    if not VENV_PYTHON.exists():
        missing.append("the project's .venv (python3 tasks.py setup)")
    elif not (VENV_PYTHON.parent / "jupyterhub").exists():
        missing.append("jupyterhub in .venv (pip install -r requirements-hub.txt)")
    if not PROXY.exists():
        missing.append("configurable-http-proxy (npm ci in hub/)")
    if shutil.which("node") is None:
        missing.append("Node.js (apt-get install nodejs npm)")
    return missing


def install() -> None:
    """Install requirements-hub.txt into .venv and the proxy from npm into hub/node_modules."""
    if not VENV_PYTHON.exists():
        subprocess.run([sys.executable, str(ROOT / "tasks.py"), "setup"], check=True, cwd=ROOT)
    subprocess.run([str(VENV_PYTHON), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)],
                   check=True, cwd=ROOT)
    npm = shutil.which("npm")
    if npm is None:
        raise HubError("npm is not installed; on Debian or Ubuntu: apt-get install nodejs npm")
    lock = HUB_DIR / "package-lock.json"
    args = ["ci"] if lock.exists() else ["install"]
    subprocess.run([npm, *args, "--no-audit", "--no-fund", "--loglevel=error"], check=True, cwd=HUB_DIR)


# ---------------------------------------------------------------------------
# start / stop


@dataclass
class Hub:
    """A running hub: where it listens and where it keeps its state."""

    state: Path
    port: int
    pid: int

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def home(self, user: str) -> Path:
        """A student's folder (their pulled course is in ``home / "medialit"``)."""
        return self.state / "home" / user


def free_port_block(count: int = 3) -> int:
    """A port on 127.0.0.1 such that it and the next ``count - 1`` ports are free."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            first = probe.getsockname()[1]
        if first + count > 65535:
            continue
        if all(_port_free(first + i) for i in range(count)):
            return first
    raise HubError("no block of free ports found on 127.0.0.1")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        # as the servers bind: a port whose old connections are still closing counts as free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def hub_env(state: Path, port: int, password: str, cull_timeout: int, extra: dict | None = None) -> dict:
    """The environment the hub process is started with (read by jupyterhub_config.py)."""
    env = dict(os.environ)
    env.update({
        STATE_VAR: str(state),
        "MEDIALIT_HUB_PORT": str(port),
        "MEDIALIT_HUB_PASSWORD": password,
        "MEDIALIT_HUB_CULL_TIMEOUT": str(cull_timeout),
        "MEDIALIT_HUB_COURSE_DIR": COURSE_DIR,
    })
    env.update(extra or {})
    return env


def start(state: Path = DEFAULT_STATE, port: int = DEFAULT_PORT, password: str = DEFAULT_PASSWORD,
          cull_timeout: int = 3600, extra_env: dict | None = None, timeout: float = 90,
          restarting: bool = False) -> Hub:
    """Start the hub in the background and wait until it answers; return where it is.

    ``restarting``: the proxy of the previous hub may still hold the port (it is left
    running on purpose, see jupyterhub_config.py); the new hub replaces it.
    """
    missing = missing_parts()
    if missing:
        raise HubError("not installed: " + "; ".join(missing) + ". Run: python hub/run.py install")
    if len(password) < 8:
        raise HubError("the class password must be at least 8 characters long")
    state = Path(state).resolve()
    state.mkdir(parents=True, exist_ok=True)
    running = read_pid(state / "jupyterhub.pid")
    if running and _alive(running):
        raise HubError(f"a hub is already running from {state} (pid {running}); stop it first")
    for p in (port + 1,) if restarting else (port, port + 1):
        if not _port_free(p):
            raise HubError(f"port {p} on {HOST} is in use; choose another with --port")
    log = open(state / "jupyterhub.log", "ab")
    proc = subprocess.Popen(
        [str(VENV_PYTHON.parent / "jupyterhub"), "-f", str(CONFIG)],
        cwd=state, env=hub_env(state, port, password, cull_timeout, extra_env),
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    log.close()
    hub = Hub(state=state, port=port, pid=proc.pid)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise HubError(f"the hub stopped while starting; see {state / 'jupyterhub.log'}:\n"
                           + tail(state / "jupyterhub.log"))
        if hub_answers(hub.url):
            return hub
        time.sleep(0.3)
    proc.terminate()
    raise HubError(f"the hub did not answer within {timeout:.0f} s; see {state / 'jupyterhub.log'}")


def hub_answers(url: str) -> bool:
    """True when the hub's REST API answers through the proxy."""
    try:
        with urllib.request.urlopen(f"{url}/hub/api/", timeout=3) as response:
            return "version" in json.loads(response.read())
    except (OSError, ValueError, urllib.error.URLError):
        return False


def read_pid(path: Path) -> int | None:
    try:
        return int(Path(path).read_text().strip())
    except (OSError, ValueError):
        return None


def _reap(pid: int) -> None:
    """Collect a killed child's exit status (when this process started it), so it is gone."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except (ChildProcessError, OSError):
        pass
    time.sleep(0.2)


def _alive(pid: int) -> bool:
    """Is ``pid`` running?  A child of this process that has ended is reaped, not counted."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    except (ChildProcessError, OSError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def hub_processes(state: Path) -> list:
    """Every process this hub started: the hub, its proxy, each student's server and kernels.

    They are found by the ``MEDIALIT_HUB_STATE`` variable they all carry (the config sets it
    for the students' servers, whose kernels inherit it).
    """
    import psutil

    state = str(Path(state).resolve())
    found = []
    for proc in psutil.process_iter(["pid"]):
        if proc.pid == os.getpid():
            continue
        try:
            if proc.environ().get(STATE_VAR) == state:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


def stop_hub_only(state: Path, timeout: float = 30) -> None:
    """Stop the hub process alone; students' servers (and the proxy) keep running."""
    pid_file = Path(state) / "jupyterhub.pid"
    pid = read_pid(pid_file)
    if pid and _alive(pid):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        cleaned = None
        while _alive(pid) and time.monotonic() < deadline:
            # JupyterHub removes its pid file when its cleanup is done; should the process
            # linger after that, give it 5 s, then end it.
            if cleaned is None and not pid_file.exists():
                cleaned = time.monotonic()
            if cleaned is not None and time.monotonic() - cleaned > 5:
                break
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            _reap(pid)


def restart(state: Path = DEFAULT_STATE, port: int = DEFAULT_PORT, password: str = DEFAULT_PASSWORD,
            cull_timeout: int = 3600, extra_env: dict | None = None) -> Hub:
    """Stop the hub process and start it again; students' servers and kernels keep running."""
    stop_hub_only(state)
    return start(state, port, password, cull_timeout, extra_env, restarting=True)


def stop(state: Path = DEFAULT_STATE, timeout: float = 20) -> int:
    """Stop the hub, then every process it left running; return how many processes were ended."""
    import psutil

    stop_hub_only(state, timeout)
    procs = hub_processes(state)
    proxy = read_pid(Path(state) / "proxy.pid")
    if proxy and _alive(proxy) and proxy not in {p.pid for p in procs}:
        try:
            procs.append(psutil.Process(proxy))
        except psutil.Error:
            pass
    for proc in procs:
        try:
            proc.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(procs, timeout=timeout)
    for proc in alive:
        try:
            proc.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=5)
    for name in ("jupyterhub.pid", "proxy.pid"):
        (Path(state) / name).unlink(missing_ok=True)
    return len(procs)


def tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# ---------------------------------------------------------------------------
# links


def pull_link(hub_url: str, repo: str, branch: str = "main",
              notebook: str = "notebooks/00_start_here.ipynb") -> str:
    """The nbgitpuller link that copies ``repo`` into a student's folder and opens ``notebook``.

    >>> pull_link("http://127.0.0.1:8000", "file:///srv/course.git")
    'http://127.0.0.1:8000/hub/user-redirect/git-pull?repo=file%3A%2F%2F%2Fsrv%2Fcourse.git&branch=main&targetpath=medialit&urlpath=lab%2Ftree%2Fmedialit%2Fnotebooks%2F00_start_here.ipynb'
    """
    query = urllib.parse.urlencode({
        "repo": repo,
        "branch": branch,
        "targetpath": COURSE_DIR,
        "urlpath": f"lab/tree/{COURSE_DIR}/{notebook}",
    }, quote_via=urllib.parse.quote, safe="")
    return f"{hub_url}/hub/user-redirect/git-pull?{query}"


def course_repository(state: Path, source: Path = ROOT, branch: str = "main") -> str:
    """A bare git clone of ``source``'s current commit inside the state folder, as a file:// URL.

    It stands for the school's published copy of the course: nbgitpuller clones it.
    """
    bare = Path(state).resolve() / "course.git"
    if not bare.exists():
        subprocess.run(["git", "init", "--quiet", "--bare", "--initial-branch", branch, str(bare)], check=True)
    subprocess.run(["git", "push", "--quiet", "--force", str(bare), f"HEAD:refs/heads/{branch}"],
                   check=True, cwd=source)
    return bare.as_uri()


# ---------------------------------------------------------------------------
# command line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["install", "start", "restart", "stop", "status", "link"])
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--state", type=Path, default=DEFAULT_STATE)
    parser.add_argument("--password", default=DEFAULT_PASSWORD)
    parser.add_argument("--cull-timeout", type=int, default=3600)
    return parser


def _same_hub(args: argparse.Namespace) -> str:
    """The options a later command needs to reach the hub these ``args`` started ("" for the defaults).

    >>> _same_hub(_parser().parse_args(["start"]))
    ''
    >>> _same_hub(_parser().parse_args(["start", "--state", "/srv/hub", "--port", "8740"]))
    ' --state /srv/hub --port 8740'
    """
    where = "" if args.state == DEFAULT_STATE else f" --state {args.state}"
    return where + ("" if args.port == DEFAULT_PORT else f" --port {args.port}")


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "install":
            install()
            print("Installed. Start the hub with: python hub/run.py start")
            return 0
        if args.command == "stop":
            ended = stop(args.state)
            print(f"Stopped the hub in {args.state} ({ended} processes ended).")
            if not ended:
                print("No hub was running there. A hub started with --state DIR is stopped with the same "
                      "--state DIR (its start printed the command).")
            return 0
        url = f"http://{HOST}:{args.port}"
        if args.command == "status":
            pid = read_pid(args.state / "jupyterhub.pid")
            running = bool(pid and _alive(pid))
            print(f"hub: {'running, pid ' + str(pid) if running else 'not running'} ({args.state})")
            if running:
                print(f"processes: {len(hub_processes(args.state))}")
            return 0 if running else 1
        if args.command == "start":
            if missing_parts():
                install()
            hub = start(args.state, args.port, args.password, args.cull_timeout)
            url = hub.url
        if args.command == "restart":
            hub = restart(args.state, args.port, args.password, args.cull_timeout)
            print(f"Restarted the hub at {hub.url}; students' servers kept running.")
            return 0
        repo = course_repository(args.state)
        print(f"Hub: {url}  (any user name, password: {args.password})")
        print(f"Course link for students:\n  {pull_link(url, repo)}")
        if args.command == "start":
            print(f"Stop everything with: python hub/run.py stop{_same_hub(args)}")
        return 0
    except HubError as error:
        print(f"hub: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"hub: a step failed: {' '.join(map(str, error.cmd))}", file=sys.stderr)
        return 1


def _in_project_venv() -> bool:
    return Path(sys.prefix).resolve() == VENV.resolve()


if __name__ == "__main__":
    if not _in_project_venv() and VENV_PYTHON.exists() and "install" not in sys.argv[1:]:
        # psutil and friends live in the project's environment: run there.
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    sys.exit(main(sys.argv[1:]))
