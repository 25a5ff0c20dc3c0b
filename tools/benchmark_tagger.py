"""Time the rule-based tagger on a growing corpus (the five raw texts repeated).

    python tools/benchmark_tagger.py            # 1x, 2x, 5x, 10x and 40x the five texts
    python tools/benchmark_tagger.py --sizes 1 10 100

For each size it tags every copy of every raw text with ``tag`` (sentences and
spans), prints sentences per second and the peak memory that tagging
allocated (tracemalloc), and compares the time per sentence with the smallest
size so you can see whether time grows linearly.  Not a test: timings depend
on the machine.  The first call (lexicon loading, regex compilation) is timed
separately as "warm-up".
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medialit import corpus  # noqa: E402
from medialit.tagger import tag  # noqa: E402


def run(texts: list[str]) -> tuple[int, float, float]:
    """Tag every text; return (sentences, seconds, peak MiB allocated while tagging)."""
    tracemalloc.start()
    t0 = time.perf_counter()
    n = 0
    for i, text in enumerate(texts):
        sentences, _ = tag(text, f"copy-{i}")
        n += len(sentences)
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return n, seconds, peak / 2**20


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 5, 10, 40])
    parser.add_argument("--one-document", action="store_true",
                        help="join the copies into one long document instead of many articles")
    args = parser.parse_args(argv)
    raws = [corpus.load_raw(a) for a in corpus.article_ids()]
    t0 = time.perf_counter()
    tag(raws[0], "warm-up")
    print(f"warm-up (load lexicons, compile patterns, first article): {time.perf_counter() - t0:.3f} s")
    # time without tracemalloc too, since tracing slows Python down
    print(f"{'copies':>6} {'sentences':>9} {'seconds':>8} {'sent/s':>9} {'sent/s (traced)':>15} "
          f"{'peak MiB':>8} {'µs/sentence':>11} {'vs 1st':>6}")
    base = None
    for size in args.sizes:
        texts = raws * size
        if args.one_document:
            texts = ["\n\n".join(texts)]
        t0 = time.perf_counter()
        n = sum(len(tag(text, f"copy-{i}")[0]) for i, text in enumerate(texts))
        seconds = time.perf_counter() - t0
        n_traced, traced_seconds, peak = run(texts)
        per = seconds / n * 1e6
        base = base or per
        print(f"{size:>6} {n:>9} {seconds:>8.3f} {n / seconds:>9.0f} {n_traced / traced_seconds:>15.0f} "
              f"{peak:>8.1f} {per:>11.1f} {per / base:>6.2f}")
    print("µs/sentence staying flat (vs 1st ≈ 1) means time grows linearly with corpus size.")


if __name__ == "__main__":
    main()
