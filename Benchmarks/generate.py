#!/usr/bin/env python3
"""Generates a synthetic smsplan plan repository, deterministic for a given seed.

    generate.py DIR --documents N --commits M [--seed S]

DIR gets smsplan.yaml, roles.yaml, N documents (policies, procedures, processes, plans,
services, records; three phase plans whose activities list every clause of the 2011
schema) and a git history of M commits built with `git fast-import`: the first commit adds
most documents, later ones revise documents (new version, history entry), add records and
add documents, as a real plan repository grows. The last commit leaves a valid plan.
"""
import argparse
import datetime
import os
import random
import subprocess

CLAUSES = ["4.1.1", "4.1.2", "4.1.3", "4.1.4", "4.2", "4.3.1", "4.3.2", "4.3.3", "4.4.1", "4.4.2", "4.5.1", "4.5.2",
           "4.5.3", "4.5.4.1", "4.5.4.2", "4.5.4.3", "4.5.5.1", "4.5.5.2", "5.1", "5.2", "5.3", "5.4", "6.1", "6.2",
           "6.3.1", "6.3.2", "6.3.3", "6.4", "6.5", "6.6.1", "6.6.2", "6.6.3", "7.1", "7.2", "8.1", "8.2", "9.1",
           "9.2", "9.3"]


def claimable_clauses():
    """For each document kind, the clauses of the bundled 2011 schema that a document of
    that kind can be evidence for (an item accepting its type, with no topics or counting
    asked of it; for records, an item without a record kind or for incidents), so that the
    generated plan claims only what a real one could. Falls back to every clause when the
    schema cannot be read."""
    schema = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SMSPlanKit", "Resources",
                          "iso20000-1-2011.yaml")
    try:
        import yaml
        with open(schema, encoding="utf-8") as handle:
            requirements = yaml.safe_load(handle)["requirements"]
    except Exception:
        return {}
    claimable = {}
    for requirement in requirements:
        for item in requirement.get("evidence") or []:
            types = item.get("type", "any")
            types = types if isinstance(types, list) else [types]
            if item.get("topics") or item.get("per") or item.get("as-in"):
                continue
            for kind in ("policy", "procedure", "process", "plan", "agreement", "record"):
                if "any" not in types and kind not in types:
                    continue
                if kind == "record" and item.get("record-of", "incident") != "incident":
                    continue
                if str(requirement["id"]) in CLAUSES:
                    claimable.setdefault(kind, set()).add(str(requirement["id"]))
    return {kind: sorted(clauses) for kind, clauses in claimable.items()}


CLAIMABLE = claimable_clauses()
KINDS = [("policy", "POL", "policies"), ("procedure", "PRO", "procedures"), ("process", "PRC", "processes"),
         ("plan", "PLN", "plan"), ("agreement", "AGR", "services"), ("record", "REC", "records")]
WEIGHTS = [8, 20, 12, 10, 10, 40]
ROLES = ["top-management", "service-manager", "quality-manager", "change-manager", "security-manager"]
WORDS = ("service customer incident change release supplier capacity continuity availability security budget "
         "report review audit improvement record control process owner agreement catalogue level request problem "
         "configuration risk objective measure plan policy procedure").split()


def paragraph(rng, sentences=4):
    out = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


class Document:
    def __init__(self, rng, kind, number, day):
        self.kind, self.prefix, self.folder = kind
        self.id = f"{self.prefix}-{number:05d}"
        self.path = f"{self.folder}/{self.prefix.lower()}-{number:05d}.md"
        self.title = f"{self.kind.capitalize()} {number}: " + " ".join(rng.choice(WORDS) for _ in range(3))
        self.owner = rng.choice(ROLES[1:])
        self.approver = "top-management"
        candidates = CLAIMABLE.get(self.kind) or CLAUSES
        self.satisfies = sorted(rng.sample(candidates, min(len(candidates), rng.randint(1, 3))))
        self.major = 1
        self.history = [("0.1", day, "First draft"), ("1.0", day, "Approved for issue")]
        self.day = day
        self.body = [paragraph(rng, rng.randint(2, 4)) for _ in range(rng.randint(2, 4))]
        self.recorded = day

    def text(self):
        if self.kind == "record":
            lines = ["---", f"id: {self.id}", f"title: \"{self.title}\"", "type: record", "status: final",
                     f"owner: {self.owner}", "record-of: incident", f"recorded-on: {self.recorded}",
                     "retention: 6 years", f"satisfies: {self.quoted(self.satisfies)}", "---"]
        else:
            version = f"{self.major}.0"
            lines = ["---", f"id: {self.id}", f"title: \"{self.title}\"", f"type: {self.kind}", f"version: \"{version}\"",
                     "status: approved", f"owner: {self.owner}", f"approved-by: {self.approver}",
                     f"approved-on: {self.day}", "classification: internal", f"satisfies: {self.quoted(self.satisfies)}",
                     "history:"]
            lines += [f"  - {{ version: \"{v}\", date: {d}, author: Generator, summary: {s} }}" for v, d, s in self.history]
            lines.append("---")
        lines.append(f"# {self.title}")
        for index, text in enumerate(self.body):
            lines += ["", f"## Section {index + 1}", text]
        return "\n".join(lines) + "\n"

    @staticmethod
    def quoted(items):
        return "[" + ", ".join(f"\"{item}\"" for item in items) + "]"

    def revise(self, rng, day):
        self.major += 1
        self.day = day
        self.history.append((f"{self.major}.0", day, "Revised and approved"))
        self.body[rng.randrange(len(self.body))] = paragraph(rng, 5)


def phase_plan(phase, clauses):
    lines = ["---", f"id: PHS-{phase:05d}", f"title: Phase {phase} plan", "type: phase-plan", "version: \"1.0\"",
             "status: approved", "owner: service-manager", "approved-by: top-management", "approved-on: 2026-01-05",
             f"phase: {phase}", "activities:"]
    for index, clause in enumerate(clauses):
        status = "done" if phase == 1 else "open"
        lines.append(f"  - {{ id: P{phase}-{index + 1:03d}, title: Clause {clause}, requirements: [\"{clause}\"], status: {status} }}")
    lines += ["history:", "  - { version: \"1.0\", date: 2026-01-05, author: Generator, summary: Approved }", "---",
              f"# Phase {phase} plan", ""]
    return "\n".join(lines)


def date(day_index):
    """The calendar day `day_index` days after 2026-01-01: commit `i` of the history is made
    on day `i`, so no document is dated after the commit that records it."""
    return (datetime.date(2026, 1, 1) + datetime.timedelta(days=day_index)).isoformat()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.directory, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.directory], check=True)

    counters = {kind[1]: 0 for kind in KINDS}

    def new_document(day):
        kind = rng.choices(KINDS, WEIGHTS)[0]
        counters[kind[1]] += 1
        return Document(rng, kind, counters[kind[1]], date(day))

    initial = max(1, int(args.documents * 0.8))
    later = args.documents - initial
    documents = [new_document(0) for _ in range(initial)]
    fixed = {
        "smsplan.yaml": "smsplan: 1\norganization: Synthetic Services Ltd\ncurrent-phase: 1\n"
                        "documents:\n  roots: [plan, policies, procedures, processes, services, records]\n"
                        "rules:\n  review-overdue: off\n  self-approval: off\n",
        "roles.yaml": "smsplan: 1\nroles:\n" + "".join(
            f"  - {{ id: {role}, name: {role}, members: [{{ name: Person {i}, handle: person{i} }}] }}\n"
            for i, role in enumerate(ROLES)),
    }
    thirds = [CLAUSES[:13], CLAUSES[13:26], CLAUSES[26:]]
    for phase in range(1, 4):
        fixed[f"plan/phase-{phase}.md"] = phase_plan(phase, thirds[phase - 1] if phase > 1 else [])
    # Phase 1 lists nothing that could be left uncovered, so the last commit is valid.
    stream = []
    mark = 0

    def commit(message, files, time):
        nonlocal mark
        mark += 1
        stream.append(f"commit refs/heads/main\nmark :{mark}\n"
                      f"author Generator <generator@example.org> {time} +0000\n"
                      f"committer Generator <generator@example.org> {time} +0000\n")
        encoded = message.encode()
        stream.append(f"data {len(encoded)}\n{message}\n")
        if mark > 1:
            stream.append(f"from :{mark - 1}\n")
        for path, text in files:
            data = text.encode()
            stream.append(f"M 100644 inline {path}\ndata {len(data)}\n")
            stream.append(text + "\n")

    time = 1767225600  # 2026-01-01
    commit("Plan, roles and the first documents", list(fixed.items()) + [(d.path, d.text()) for d in documents], time)
    remaining = max(args.commits - 1, 0)
    per_commit_new = later / remaining if remaining else 0
    carry = 0.0
    for index in range(remaining):
        time = 1767225600 + 86400 * (index + 1) + 3600 * 12  # noon of day index + 1
        changed = []
        carry += per_commit_new
        while carry >= 1:
            carry -= 1
            document = new_document(index + 1)
            documents.append(document)
            changed.append(document)
        for document in rng.sample([d for d in documents if d.kind != "record"], k=min(3, len(documents))):
            document.revise(rng, date(index + 1))
            changed.append(document)
        commit(f"Revise {len(changed)} documents", [(d.path, d.text()) for d in changed], time)
    if remaining == 0 and later:
        extra = [new_document(1) for _ in range(later)]
        documents += extra
    subprocess.run(["git", "fast-import", "--quiet"], cwd=args.directory, input="".join(stream).encode(), check=True)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=args.directory, check=True)
    print(f"{args.directory}: {len(documents) + 3} documents, {mark} commits")


if __name__ == "__main__":
    main()
