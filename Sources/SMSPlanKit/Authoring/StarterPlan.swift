import Foundation
import Yams

/// The starting plan that `smsplan init --organization NAME` writes: the project's
/// `starter/` folder (common files, plus `editions/<standard>/` for what differs between
/// editions), the templates and CI files of plan-template, with `{{placeholders}}` filled in.
/// See docs/init.md.
public enum StarterPlan {
    /// The files of the starting plan, relative to the new plan's folder, sorted by path.
    static func files(starter: URL, template: URL, organization: String, standard: String, date: PlanDate)
        throws(SMSPlanError) -> [(path: String, data: Data)]
    {
        let edition = "editions/" + standard.replacingOccurrences(of: ":", with: "-")
        let starterFiles = TrackedFiles.list(in: starter)
        guard starterFiles.contains(where: { $0.hasPrefix(edition + "/") }) else {
            let known = Set(starterFiles.filter { $0.hasPrefix("editions/") }.compactMap { $0.split(separator: "/").dropFirst().first })
            throw .refused("no starting plan for the standard \"\(standard)\"; choose one of "
                           + known.sorted().map { "\"\($0.replacingOccurrences(of: "-", with: ":"))\"" }.joined(separator: ", "))
        }
        // In Markdown and comments the name is one line: a line break would end a heading or a comment.
        let oneLine = organization.unicodeScalars.split { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }
            .map { String(String.UnicodeScalarView($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        var values = [
            "organization": oneLine, "organization-yaml": YAMLText.quoted(organization), "standard": standard,
            "edition": "ISO/IEC " + standard.replacingOccurrences(of: "iso", with: ""), "date": date.description,
            "author": "smsplan init",
        ]
        let placeholders = try text(starter.appendingPathComponent(edition + "/placeholders.yaml"), shown: edition + "/placeholders.yaml")
        if let extra = (try? Yams.load(yaml: placeholders)) as? [String: String] {
            values.merge(extra) { _, new in new }
        }

        var result: [String: String] = [:]
        for path in starterFiles where !path.hasPrefix("editions/") {
            result[path] = fill(try text(starter.appendingPathComponent(path), shown: path), with: values)
        }
        for path in starterFiles where path.hasPrefix(edition + "/") && !path.hasSuffix("/placeholders.yaml") {
            result[String(path.dropFirst(edition.count + 1))] = fill(try text(starter.appendingPathComponent(path), shown: path), with: values)
        }
        // The CI files as they are (their own `${{ }}` expressions untouched); templates made drafts of this plan.
        for path in TrackedFiles.list(in: template) where path.hasPrefix("templates/") || path.hasPrefix(".github/") || path == ".gitlab-ci.yml" {
            let source = try text(template.appendingPathComponent(path), shown: path)
            result[path] = path.hasPrefix("templates/") ? fill(startingTemplate(source), with: values) : source
        }
        return result.keys.sorted().map { path in (path, Data((result[path] ?? "").utf8)) }
    }

    /// `text` with every `{{name}}` of `values` replaced, in one pass (a value that itself
    /// holds `{{...}}` stays as it is); other `{{...}}` are left alone.
    static func fill(_ text: String, with values: [String: String]) -> String {
        var result = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}"), let value = values[String(rest[open.upperBound..<close.lowerBound])] else {
                result += "{{"
                rest = rest[open.upperBound...]
                continue
            }
            result += value
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// An exemplar template made a draft of the new plan: its id, title, type, the type it is
    /// for, owner and classification kept; version, status, author and history its own.
    static func startingTemplate(_ source: String) -> String {
        let lines = source.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return source }
        let kept = ["id", "title", "type", "template-for", "owner", "classification"]
        var front: [String: String] = [:]
        for line in lines[1..<end] {
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
            let key = String(line[..<colon])
            if kept.contains(key) { front[key] = line }
        }
        let header = ["id", "title", "type", "template-for"].compactMap { front[$0] }
            + ["version: \"0.1\"", "status: draft"] + ["owner"].compactMap { front[$0] } + ["author: {{author}}"]
            + ["classification"].compactMap { front[$0] }
            + ["history:", "  - { version: \"0.1\", date: {{date}}, author: {{author}}, summary: Starting draft made by smsplan init }"]
        return (["---"] + header + lines[end...]).joined(separator: "\n")
    }

    private static func text(_ url: URL, shown: String) throws(SMSPlanError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: shown, reason: error.localizedDescription)
        }
    }
}
