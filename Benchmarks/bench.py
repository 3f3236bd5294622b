#!/usr/bin/env python3
"""smsplan's benchmark: median wall time and peak memory of the main commands on
synthetic plan repositories, beside the floor of reading the same files.

    bench.py SMSPLAN-BINARY [--sizes 1000,10000,30000] [--runs 5] [--large-runs 1] [--work DIR]

For each size it generates a repository (generate.py, seed 1, 120 commits) and times:
the read floor (`git ls-files`, then `cat` of every document), full `check` with a cold
and a warm decode cache, `check --staged` with 1 and 50 staged documents, `check --range`
over 100 commits, `baseline create 1 --dry-run`, and `status`. Peak memory is the largest
resident set of any run of that command (from wait4); CPU is the median of user plus
system seconds (from wait4), which other work on a shared machine disturbs less than wall
time. Sizes above 10,000 documents are run `--large-runs` times (default once).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def run(command, cwd, shell=False):
    """Wall seconds, peak resident MB, exit code and CPU seconds of one run; stdout discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def measure(command, cwd, runs, before=None, shell=False):
    """Median wall seconds, peak MB, exit codes and median CPU seconds of `runs` runs."""
    times, peak, codes, cpu = [], 0.0, set(), []
    for _ in range(runs):
        if before:
            before()
        elapsed, rss, code, seconds = run(command, cwd, shell)
        times.append(elapsed)
        peak = max(peak, rss)
        codes.add(code)
        cpu.append(seconds)
    return statistics.median(times), peak, codes, statistics.median(cpu)


def stage(repo, count):
    """Appends a line to `count` approved documents and stages them."""
    files = subprocess.run(["git", "ls-files", "policies", "procedures"], cwd=repo, capture_output=True, text=True).stdout.split()
    for path in files[:count]:
        with open(os.path.join(repo, path), "a") as handle:
            handle.write("\nA staged change.\n")
    subprocess.run(["git", "add"] + files[:count], cwd=repo, check=True)


def reset(repo):
    subprocess.run(["git", "reset", "-q", "--hard"], cwd=repo, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("smsplan")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large-runs", type=int, default=1, help="runs per figure above 10,000 documents")
    parser.add_argument("--work", default=os.path.join(os.getcwd(), ".build", "bench"))
    args = parser.parse_args()
    smsplan = os.path.abspath(args.smsplan)
    os.makedirs(args.work, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; {args.runs} runs per figure, median; smsplan {smsplan}")
    for size in [int(s) for s in args.sizes.split(",")]:
        runs = args.runs if size <= 10000 else args.large_runs
        repo = os.path.join(args.work, f"plan-{size}")
        if not os.path.isdir(os.path.join(repo, ".git")):
            shutil.rmtree(repo, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), repo, "--documents", str(size), "--commits", "120"],
                           check=True, stdout=subprocess.DEVNULL)
        reset(repo)
        cache = os.path.join(repo, ".git", "smsplan")
        total = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(repo) if "/.git" not in root
                    for name in names)
        print(f"\n{size} documents, {total / 1e6:.1f} MB, 120 commits, {runs} runs ({repo})")
        floor_ls, _, _, cpu_ls = measure(["git", "ls-files"], repo, runs)
        floor_cat, _, _, cpu_cat = measure("git ls-files -z '*.md' | xargs -0 cat > /dev/null", repo, runs, shell=True)
        floor = floor_ls + floor_cat
        rows = [("read floor (git ls-files + cat)", floor, 0.0, {0}, cpu_ls + cpu_cat)]

        def clear():
            shutil.rmtree(cache, ignore_errors=True)

        rows.append(("check, cold cache", *measure([smsplan, "check"], repo, runs, before=clear)))
        run([smsplan, "check"], repo)
        rows.append(("check, warm cache", *measure([smsplan, "check"], repo, runs)))
        for count in (1, 50):
            stage(repo, count)
            run([smsplan, "check", "--staged"], repo)
            rows.append((f"check --staged, {count} staged", *measure([smsplan, "check", "--staged"], repo, runs)))
            reset(repo)
        run([smsplan, "check", "--range", "HEAD~100..HEAD"], repo)
        rows.append(("check --range over 100 commits", *measure([smsplan, "check", "--range", "HEAD~100..HEAD"], repo, runs)))
        rows.append(("baseline create 1 --dry-run", *measure([smsplan, "baseline", "create", "1", "--dry-run"], repo, runs)))
        rows.append(("status", *measure([smsplan, "status"], repo, runs)))
        print(f"  {'command':34} {'median':>9} {'x floor':>8} {'CPU':>9} {'peak MB':>8}  exit")
        for name, seconds, peak, codes, cpu in rows:
            ratio = "" if name.startswith("read floor") else f"{seconds / floor:.1f}x"
            memory = "" if not peak else f"{peak:.0f}"
            print(f"  {name:34} {seconds * 1000:7.0f} ms {ratio:>8} {cpu * 1000:6.0f} ms {memory:>8}  {','.join(map(str, sorted(codes)))}")


if __name__ == "__main__":
    main()
