"""What the plan-template's CI files must do beyond what actionlint and the schemas check.

usage: python ci-template-rules.py WORKFLOW GITLAB-CI  (exits 1 naming every problem)
"""
import re
import sys

from ruamel.yaml import YAML


def load(path):
    with open(path, encoding="utf-8") as file:
        return YAML(typ="safe").load(file)

# The oldest major version of each action that runs on a supported Node runtime.
CURRENT = {
    "actions/checkout": 5,
    "actions/upload-artifact": 5,
    "actions/download-artifact": 5,
    "github/codeql-action/upload-sarif": 4,
}


def workflow_problems(path):
    problems = []
    workflow = load(path)
    triggers = workflow.get(True) or workflow.get("on") or {}
    steps = [(name, job, step) for name, job in workflow["jobs"].items() for step in job.get("steps", [])]
    for name, job, step in steps:
        uses = step.get("uses", "")
        action, _, version = uses.partition("@")
        if action in CURRENT:
            major = re.match(r"v(\d+)", version)
            if not major or int(major.group(1)) < CURRENT[action]:
                problems.append(f"{path}: job {name} uses {uses}; use {action}@v{CURRENT[action]} or later")
        run = step.get("run", "")
        if re.search(r"\bgh\b", run):
            if "container" in job:
                problems.append(f"{path}: job {name} runs gh in the container {job['container']}, which has no gh")
            if "|| true" in run:
                problems.append(f"{path}: job {name} hides a failure of gh with || true")
    sarif = [(name, job, step) for name, job, step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif")]
    if not sarif:
        problems.append(f"{path}: no step uploads SARIF")
    for name, job, step in sarif:
        condition = str(step.get("if", ""))
        if "pull_request" in condition:
            problems.append(f"{path}: SARIF is uploaded only on pull requests ({condition}); upload on pushes to main too")
        if "hashFiles" not in condition:
            problems.append(f"{path}: the SARIF upload runs when no SARIF file was written; guard it with hashFiles")
    if "push" not in triggers:
        problems.append(f"{path}: the workflow does not run on pushes")
    posts = [step for _, _, step in steps if re.search(r"\bgh pr comment\b|/issues/.*/comments", step.get("run", ""))]
    if not posts:
        problems.append(f"{path}: no step posts the review")
    if not any("GITHUB_STEP_SUMMARY" in step.get("run", "") and "review" in step.get("run", "") for _, _, step in steps):
        problems.append(f"{path}: the review is not written to $GITHUB_STEP_SUMMARY")
    return problems


def gitlab_problems(path):
    problems = []
    pipeline = load(path)
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    scripts = {name: "\n".join(job["script"]) for name, job in jobs.items()}
    if not any("/notes" in script for script in scripts.values()):
        problems.append(f"{path}: no job posts the review on the merge request")
    for name, script in scripts.items():
        for line in script.splitlines():
            if "/notes" in line and "|| true" in line:
                problems.append(f"{path}: job {name} hides a failure to post the review")
        if "--format junit" in script:
            if "junit-gitlab" not in script:
                problems.append(f"{path}: job {name} writes JUnit without the file attribute GitLab links files by (--format junit-gitlab)")
            reports = jobs[name].get("artifacts", {}).get("reports", {})
            if "junit" not in reports:
                problems.append(f"{path}: job {name} writes JUnit that no artifacts:reports:junit collects")
            if "status=$?" in script and 'exit "$status"' not in script:
                problems.append(f"{path}: job {name} keeps the check's exit status but never exits with it")
    return problems


problems = workflow_problems(sys.argv[1]) + gitlab_problems(sys.argv[2])
for problem in problems:
    print(f"check-ci-templates: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
