"""Time the rule-based tagger on a growing corpus (the five raw texts repeated).

    python tools/benchmark_tagger.py            # 1x, 2x, 5x, 10x and 40x the five texts
    python tools/benchmark_tagger.py --sizes 1 10 100 --repeat 5

For each size it tags every copy of every raw text with ``tag_text`` (the
sentence table) and prints:

* sentences per second by the wall clock and by CPU time (the process's own
  CPU seconds), and, for comparison, by the wall clock for ``tag`` (which
  also finds the spans and builds the span table).  On a shared machine other programs slow the wall clock down
  but hardly the CPU time, so a large gap between the two means the machine
  was busy; the load average is printed before and after.  Each size is timed
  ``--repeat`` times and the best run is shown.
* the peak memory that tagging allocated (tracemalloc, in a separate run,
  since tracing slows Python down);
* the time per sentence compared with the smallest size ("vs 1st"): staying
  near 1 means time grows linearly with the amount of text.

Not a test: timings depend on the machine.  The first call (lexicon loading,
regex compilation) is timed separately as "warm-up".
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medialit import corpus  # noqa: E402
from medialit.tagger import tag, tag_text  # noqa: E402


def tag_all(texts: list[str], with_spans: bool = False) -> int:
    """Tag every text (with ``tag`` if ``with_spans``, else ``tag_text``); return the number of sentences."""
    if with_spans:
        return sum(len(tag(text, f"copy-{i}")[0]) for i, text in enumerate(texts))
    return sum(len(tag_text(text, f"copy-{i}")) for i, text in enumerate(texts))


def timed(texts: list[str], with_spans: bool = False) -> tuple[int, float, float]:
    """(sentences, wall seconds, CPU seconds) for one pass over ``texts``."""
    wall, cpu = time.perf_counter(), time.process_time()
    n = tag_all(texts, with_spans)
    return n, time.perf_counter() - wall, time.process_time() - cpu


def peak_mib(texts: list[str]) -> float:
    """Peak memory (MiB) allocated while tagging ``texts``."""
    tracemalloc.start()
    tag_all(texts)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f} on {} CPUs".format(*os.getloadavg(), os.cpu_count())
    except OSError:  # not available on every system
        return f"load average unknown, {os.cpu_count()} CPUs"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 5, 10, 40])
    parser.add_argument("--repeat", type=int, default=3, help="time each size this many times, keep the best")
    parser.add_argument("--one-document", action="store_true",
                        help="join the copies into one long document instead of many articles")
    args = parser.parse_args(argv)
    raws = [corpus.load_raw(a) for a in corpus.article_ids()]
    print(f"before: {load()}")
    t0 = time.perf_counter()
    tag_text(raws[0], "warm-up")
    print(f"warm-up (load lexicons, compile patterns, first article): {time.perf_counter() - t0:.3f} s")
    print(f"{'copies':>6} {'sentences':>9} {'wall s':>7} {'sent/s':>8} {'CPU s':>7} {'sent/s CPU':>10} "
          f"{'peak MiB':>8} {'µs/sentence':>11} {'vs 1st':>6} {'tag() sent/s':>12}")
    base = None
    for size in args.sizes:
        texts = raws * size
        if args.one_document:
            texts = ["\n\n".join(texts)]
        runs = [timed(texts) for _ in range(max(1, args.repeat))]
        n = runs[0][0]
        wall = min(r[1] for r in runs)
        cpu = min(r[2] for r in runs)
        peak = peak_mib(texts)
        with_spans = min(timed(texts, with_spans=True)[1] for _ in range(max(1, args.repeat)))
        per = wall / n * 1e6
        base = base or per
        print(f"{size:>6} {n:>9} {wall:>7.3f} {n / wall:>8.0f} {cpu:>7.3f} {n / cpu:>10.0f} "
              f"{peak:>8.1f} {per:>11.1f} {per / base:>6.2f} {n / with_spans:>12.0f}")
    print(f"after: {load()}")
    print("sent/s: tag_text by the wall clock (best of --repeat runs); tag() sent/s: the same for tag(), "
          "sentences and spans.\nµs/sentence staying flat (vs 1st ≈ 1) means time grows linearly with corpus size.")


if __name__ == "__main__":
    main()
