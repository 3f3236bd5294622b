"""The SARIF properties GitHub code scanning documents as required or used for an upload
("SARIF support for code scanning"), beyond the SARIF 2.1.0 schema.

usage: python sarif-github-rules.py LOG...   (exits 1 naming every problem)
"""
import json
import re
import sys


def problems(path):
    found = []
    log = json.load(open(path, encoding="utf-8"))
    if log.get("version") != "2.1.0":
        found.append("version is not 2.1.0")
    for run_index, run in enumerate(log.get("runs", [])):
        driver = run.get("tool", {}).get("driver", {})
        if not driver.get("name"):
            found.append(f"runs[{run_index}].tool.driver.name is missing")
        rules = driver.get("rules", [])
        ids = [rule.get("id") for rule in rules]
        for rule in rules:
            where = f"rule {rule.get('id')}"
            for key in ("id", "name"):
                if not rule.get(key):
                    found.append(f"{where}: {key} is missing")
            for key in ("shortDescription", "fullDescription"):
                if not rule.get(key, {}).get("text"):
                    found.append(f"{where}: {key}.text is missing")
            if len(rule.get("shortDescription", {}).get("text", "")) > 1024:
                found.append(f"{where}: shortDescription.text is longer than 1024 characters")
            help = rule.get("help", {})
            if not help.get("text") or not help.get("markdown"):
                found.append(f"{where}: help.text and help.markdown are required")
            if not re.match(r"^[a-z][a-z0-9+.-]*:", rule.get("helpUri", "")):
                found.append(f"{where}: helpUri is not an absolute URI")
            properties = rule.get("properties", {})
            if properties.get("precision") not in ("very-high", "high", "medium", "low"):
                found.append(f"{where}: properties.precision is missing or unknown")
            if properties.get("problem.severity") not in ("error", "warning", "recommendation"):
                found.append(f"{where}: properties.problem.severity is missing or unknown")
            if rule.get("defaultConfiguration", {}).get("level") not in ("error", "warning", "note", "none"):
                found.append(f"{where}: defaultConfiguration.level is missing")
        for index, result in enumerate(run.get("results", [])):
            where = f"result {index} ({result.get('ruleId')})"
            if result.get("ruleId") not in ids:
                found.append(f"{where}: ruleId names no rule of the driver")
            if "ruleIndex" in result and ids[result["ruleIndex"]] != result.get("ruleId"):
                found.append(f"{where}: ruleIndex points at another rule")
            text = result.get("message", {}).get("text")
            if not text:
                found.append(f"{where}: message.text is missing")
            elif any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in text):
                found.append(f"{where}: message.text holds a raw control character")
            if not result.get("partialFingerprints"):
                found.append(f"{where}: partialFingerprints is missing (uploads through the API duplicate alerts)")
            locations = result.get("locations", [])
            if not 1 <= len(locations) <= 10:
                found.append(f"{where}: needs between 1 and 10 locations")
            for location in locations:
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                if not uri or uri.startswith("/"):
                    found.append(f"{where}: artifactLocation.uri is missing or absolute")
                region = physical.get("region", {})
                for key in ("startLine", "startColumn", "endLine", "endColumn"):
                    if not isinstance(region.get(key), int) or region[key] < 1:
                        found.append(f"{where}: region.{key} is missing")
                if (region.get("endLine", 0), region.get("endColumn", 0)) <= (region.get("startLine", 0), region.get("startColumn", 0)) and region.get("endLine") == region.get("startLine"):
                    found.append(f"{where}: the region ends before it starts")
    return [f"{path}: {problem}" for problem in found]


all_problems = [problem for path in sys.argv[1:] for problem in problems(path)]
for problem in all_problems:
    print(f"check-sarif: {problem}", file=sys.stderr)
sys.exit(1 if all_problems else 0)
