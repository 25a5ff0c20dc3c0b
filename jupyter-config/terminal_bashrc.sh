# Read by bash in terminals opened from `python tasks.py lab` (see jupyter_server_config.py):
# the usual ~/.bashrc, then the project's .venv first on PATH again, marked in the prompt.
if [ -f "$HOME/.bashrc" ]; then . "$HOME/.bashrc"; fi
if [ -n "${VIRTUAL_ENV:-}" ] && [ -d "$VIRTUAL_ENV/bin" ]; then
  PATH="$VIRTUAL_ENV/bin:$PATH"
  export PATH
  PS1="(.venv) ${PS1:-\$ }"
fi
