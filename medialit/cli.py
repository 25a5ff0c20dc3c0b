"""The ``medialit`` command.

    medialit make-exercises [--check]
    medialit check NOTEBOOK [--timeout 60]
    medialit check-class FOLDER --exercise 02_attribution --out report.csv [--timeout 60] [--jobs N]
    medialit add-article FILE --id ID --headline "..." [--byline ... --outlet ... --date ...] [--html | --text]
    medialit remove-article ID

Each subcommand is a function ``_cmd_<name>(args) -> int`` registered in
:data:`COMMANDS` with a function that adds its arguments; to add a command,
write both and add one line to :data:`COMMANDS`.

>>> main(["--help"])  # doctest: +ELLIPSIS +NORMALIZE_WHITESPACE
usage: medialit [-h]...add-article,remove-article} ...
...
0
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable

__all__ = ["COMMANDS", "build_parser", "main"]


def _add_make_exercises(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit with 1 if a student notebook is out of date")


def _cmd_make_exercises(args: argparse.Namespace) -> int:
    from .exercises import generate

    if args.check:
        stale = generate.outdated_exercises()
        for path in stale:
            print(f"out of date: {path.relative_to(generate.ROOT).as_posix()}")
        if stale:
            print("Run `medialit make-exercises` to regenerate them.")
            return 1
        print("All student notebooks match their solutions.")
        return 0
    for path in generate.make_exercises():
        print(f"wrote {path.relative_to(generate.ROOT).as_posix()}")
    return 0


def _add_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("notebook", type=Path, help="your exercise notebook, like exercises/02_attribution.ipynb")
    parser.add_argument("--timeout", type=int, default=60, help="seconds allowed per cell (default: %(default)s)")


def _cmd_check(args: argparse.Namespace) -> int:
    from .exercises import selfcheck

    try:
        report = selfcheck.self_check(args.notebook, timeout=args.timeout)
    except selfcheck.SelfCheckError as problem:
        print(f"medialit: {problem}", file=sys.stderr)
        return 2
    print(report.text)
    return 0 if report.all_right else 1


def _add_check_class(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="folder with the students' .ipynb files")
    parser.add_argument("--exercise", required=True, help='exercise name, like "02_attribution" (or "02")')
    parser.add_argument("--out", type=Path, default=Path("class-report.csv"),
                        help="report CSV: one row per notebook, one column per task (default: %(default)s)")
    parser.add_argument("--summary", type=Path, default=None,
                        help="per-task summary CSV (default: the report's name with -summary)")
    parser.add_argument("--timeout", type=int, default=60, help="seconds allowed per cell (default: %(default)s)")
    parser.add_argument("--notebook-timeout", type=int, default=300,
                        help="seconds allowed per notebook in total (default: %(default)s)")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run at a time (default: one per CPU)")
    parser.add_argument("--run-as", default=None, metavar="ACCOUNT",
                        help="run the notebooks as this account (needs root; see the teacher guide)")


def _cmd_check_class(args: argparse.Namespace) -> int:
    from .exercises import classcheck

    return classcheck.main(args)


def _add_add_article(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="a plain-text file (.txt) holding the article")
    parser.add_argument("--id", required=True, dest="article_id", help='a short id, like "dam-dispute"')
    parser.add_argument("--headline", required=True, help="the headline as printed")
    parser.add_argument("--byline", default="", help="the author or agency as printed")
    parser.add_argument("--outlet", default="", help="the publisher, if the page names it")
    parser.add_argument("--date", default="", help="the date printed on the page")
    parser.add_argument("--user-dir", type=Path, default=None, help="folder for your articles (default: data/user)")
    markup = parser.add_mutually_exclusive_group()
    markup.add_argument("--html", dest="markup", action="store_const", const="extract",
                        help="the file is a web page, a piece of one or a feed item: extract its text")
    markup.add_argument("--text", dest="markup", action="store_const", const="text",
                        help="the file is plain text: keep anything that looks like a tag as text")
    parser.set_defaults(markup="auto")


def _cmd_add_article(args: argparse.Namespace) -> int:
    from . import user

    try:
        added = user.add_article(args.file, args.article_id, args.headline, byline=args.byline,
                                 outlet=args.outlet, date=args.date, user_dir=args.user_dir, html=args.markup)
    except user.UserArticleError as problem:
        print(f"medialit: {problem}", file=sys.stderr)
        return 2
    print(added.summary())
    print(f"Stored in {added.folder}. Load it with ml.user.load_user_article({added.article_id!r}).")
    return 0


def _add_remove_article(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article_id", metavar="ID", help="the id of an article you added")
    parser.add_argument("--user-dir", type=Path, default=None, help="folder for your articles (default: data/user)")


def _cmd_remove_article(args: argparse.Namespace) -> int:
    from . import user

    try:
        user.remove_article(args.article_id, user_dir=args.user_dir)
    except user.UserArticleError as problem:
        print(f"medialit: {problem}", file=sys.stderr)
        return 2
    print(f"Removed your article {args.article_id!r}.")
    return 0


#: name -> (help, add arguments, run)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {
    "make-exercises": ("write exercises/NN_topic.ipynb from exercises/solutions/",
                       _add_make_exercises, _cmd_make_exercises),
    "check": ("run your exercise notebook and print one line per task (✓ right, ✗ not yet, – not answered)",
              _add_check, _cmd_check),
    "check-class": ("run a folder of student notebooks and write a report CSV",
                    _add_check_class, _cmd_check_class),
    "add-article": ("tag a text of your own and store it next to the five pieces (data/user/)",
                    _add_add_article, _cmd_add_article),
    "remove-article": ("delete an article you added", _add_remove_article, _cmd_remove_article),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medialit", description="Tools for the media-literacy notebook set.")
    sub = parser.add_subparsers(dest="command", metavar="{" + ",".join(COMMANDS) + "}")
    for name, (help_text, add_arguments, run) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        add_arguments(command)
        command.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # --help and usage errors
        return int(stop.code or 0)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 2
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
