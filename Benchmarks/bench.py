#!/usr/bin/env python3
"""smsplan's benchmark: median wall time and peak memory of the main commands on
synthetic plan repositories, beside the floor of reading the same files.

    bench.py SMSPLAN-BINARY [--sizes 1000,10000,30000] [--runs 9] [--large-runs N] [--work DIR]

For each size it generates a repository (generate.py, seed 1, 120 commits) and times:
the read floor (`git ls-files`, then `cat` of every document), full `check` with a cold
and a warm decode cache, `check --staged` with 1 and 50 staged documents, `check --range`
over 100 commits, `baseline create 1 --dry-run`, and `status`. Peak memory is the largest
resident set of any run of that command (from wait4); CPU is the median of user plus
system seconds (from wait4), which other work on a shared machine disturbs less than wall
time. Sizes above 10,000 documents are run `--large-runs` times (default: as many as
the others).

The sizes are measured in turn, run by run (a run at 1,000, one at 10,000, one at 30,000,
then the next), so that a slower spell of a shared machine falls on every size alike and
the ratios of larger plans to 10,000 documents, printed last, compare the code rather than
two moments. Each repository sees the same commands in the same order as if measured alone.
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


class Plan:
    """One generated repository and the runs measured on it, by figure."""

    def __init__(self, size, repo, runs, total):
        self.size, self.repo, self.runs, self.total = size, repo, runs, total
        self.results = {}

    def record(self, name, result):
        self.results.setdefault(name, []).append(result)

    def figure(self, name):
        """Median wall seconds, peak MB, exit codes and median CPU seconds of the figure's runs."""
        results = self.results[name]
        return (statistics.median(r[0] for r in results), max(r[1] for r in results), {r[2] for r in results},
                statistics.median(r[3] for r in results))

    def floor(self):
        """The read floor: median wall and CPU seconds of `git ls-files` plus those of `cat`."""
        ls, cat = self.figure("git ls-files"), self.figure("cat")
        return ls[0] + cat[0], ls[3] + cat[3]

    def commands(self):
        return [name for name in self.results if name not in ("git ls-files", "cat")]


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
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--large-runs", type=int, help="runs per figure above 10,000 documents (default: --runs)")
    parser.add_argument("--work", default=os.path.join(os.getcwd(), ".build", "bench"))
    args = parser.parse_args()
    smsplan = os.path.abspath(args.smsplan)
    os.makedirs(args.work, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; {args.runs} runs per figure, median; smsplan {smsplan}")
    plans = []
    for size in [int(s) for s in args.sizes.split(",")]:
        repo = os.path.join(args.work, f"plan-{size}")
        if not os.path.isdir(os.path.join(repo, ".git")):
            shutil.rmtree(repo, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), repo, "--documents", str(size), "--commits", "120"],
                           check=True, stdout=subprocess.DEVNULL)
        reset(repo)
        total = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(repo) if "/.git" not in root
                    for name in names)
        plans.append(Plan(size, repo, args.runs if size <= 10000 or args.large_runs is None else args.large_runs, total))

    def clear(plan):
        shutil.rmtree(os.path.join(plan.repo, ".git", "smsplan"), ignore_errors=True)

    def staged(count):
        return dict(setup=lambda plan: (stage(plan.repo, count), run([smsplan, "check", "--staged"], plan.repo)),
                    teardown=lambda plan: reset(plan.repo))

    figures = [
        ("git ls-files", ["git", "ls-files"], {}),
        ("cat", "git ls-files -z '*.md' | xargs -0 cat > /dev/null", dict(shell=True)),
        ("check, cold cache", [smsplan, "check"], dict(before=clear)),
        ("check, warm cache", [smsplan, "check"], dict(setup=lambda plan: run([smsplan, "check"], plan.repo))),
        ("check --staged, 1 staged", [smsplan, "check", "--staged"], staged(1)),
        ("check --staged, 50 staged", [smsplan, "check", "--staged"], staged(50)),
        ("check --range over 100 commits", [smsplan, "check", "--range", "HEAD~100..HEAD"],
         dict(setup=lambda plan: run([smsplan, "check", "--range", "HEAD~100..HEAD"], plan.repo))),
        # No run before these two: their first run, which finds no report kept, is measured.
        ("baseline create 1 --dry-run", [smsplan, "baseline", "create", "1", "--dry-run"], {}),
        ("status", [smsplan, "status"], {}),
    ]
    for name, command, how in figures:
        for plan in plans:
            if "setup" in how:
                how["setup"](plan)
        for index in range(max(plan.runs for plan in plans)):
            for plan in plans:
                if index < plan.runs:
                    if "before" in how:
                        how["before"](plan)
                    plan.record(name, run(command, plan.repo, how.get("shell", False)))
        for plan in plans:
            if "teardown" in how:
                how["teardown"](plan)

    for plan in plans:
        print(f"\n{plan.size} documents, {plan.total / 1e6:.1f} MB, 120 commits, {plan.runs} runs ({plan.repo})")
        print(f"  {'command':34} {'median':>9} {'x floor':>8} {'CPU':>9} {'peak MB':>8}  exit")
        floor, floor_cpu = plan.floor()
        print(f"  {'read floor (git ls-files + cat)':34} {floor * 1000:7.0f} ms {'':>8} {floor_cpu * 1000:6.0f} ms {'':>8}  0")
        for name in plan.commands():
            seconds, peak, codes, cpu = plan.figure(name)
            print(f"  {name:34} {seconds * 1000:7.0f} ms {seconds / floor:7.1f}x {cpu * 1000:6.0f} ms {peak:8.0f}  "
                  f"{','.join(map(str, sorted(codes)))}")
    base = next((plan for plan in plans if plan.size == 10000), None)
    larger = [plan for plan in plans if base and plan.size > base.size]
    if larger:
        print(f"\nlarger plans against {base.size} documents (median wall time, the sizes measured run by run in turn)")
        print(f"  {'command':34} " + " ".join(f"{f'{plan.size}/{base.size}':>13}" for plan in larger))
        print(f"  {'read floor (git ls-files + cat)':34} " + " ".join(f"{plan.floor()[0] / base.floor()[0]:12.2f}x" for plan in larger))
        for name in base.commands():
            print(f"  {name:34} " + " ".join(f"{plan.figure(name)[0] / base.figure(name)[0]:12.2f}x" for plan in larger))


if __name__ == "__main__":
    main()
