import Foundation

/// The hostile-input corpus: the files under `Tests/SMSPlanKitTests/Fixtures/hostile/` with
/// the findings `expected.txt` gives each, and the cases the tests make themselves (a
/// 50 MB file, 10,000-deep nesting, symbolic links, file names with spaces, Unicode and
/// newlines). Every case is a file at `policies/<name>` of a small valid plan.
public enum HostileCorpus {
    /// A finding a case must give: `rule line:column`, and a part of its message.
    public struct Expectation: Hashable, Sendable, CustomStringConvertible {
        public let rule: String
        public let line: Int
        public let column: Int
        public let fragment: String

        public var description: String { "\(rule) \(line):\(column) \(fragment)" }
        /// The part compared exactly: `rule line:column`.
        public var place: String { "\(rule) \(line):\(column)" }
    }

    /// One hostile file: its bytes, or the target of a symbolic link, and what it must give.
    public struct Case: Sendable {
        public let name: String
        public let contents: Data?
        public let linkTarget: String?
        public let expected: [Expectation]

        /// Repository-relative path of the case in the plan.
        public var path: String { "policies/" + name }
    }

    public static let folder = ProjectFiles.root.appendingPathComponent("Tests/SMSPlanKitTests/Fixtures/hostile")

    /// The plan around the cases; review-overdue is off so that the wall clock never matters.
    public static let config = "smsplan: 1\norganization: Hostile Inputs Ltd\nrules: { review-overdue: off }\n"

    public static let roles = """
        smsplan: 1
        roles:
          - id: top-management
            name: Top management
            members: [{ name: Dana Lee, email: dana@example.org, handle: dlee }]
          - id: service-manager
            name: Service manager
            members: [{ name: Sam Okafor, email: sam@example.org, handle: sokafor }]

        """

    /// A valid approved policy with the given id; `owner` replaces its owner role.
    public static func policy(id: String, owner: String = "service-manager") -> String {
        """
        ---
        id: \(id)
        title: Service management policy
        type: policy
        version: "1.0"
        status: approved
        owner: \(owner)
        approved-by: top-management
        approved-on: 2026-03-01
        satisfies: ["4.1.2"]
        history:
          - { version: "0.1", date: 2026-01-10, author: A. Writer, summary: First draft }
          - { version: "1.0", date: 2026-03-01, author: A. Writer, summary: Approved for issue }
        ---
        # Service management policy

        ## Purpose
        Why the policy exists.

        """
    }

    /// Every case: the fixtures, then the generated ones.
    public static func all() throws -> [Case] {
        try fixtures() + generated
    }

    /// The files under Fixtures/hostile with their expectations from `expected.txt`.
    public static func fixtures() throws -> [Case] {
        let manifest = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        var cases: [Case] = []
        var name: String?
        var expected: [Expectation] = []
        func flush() throws {
            guard let name else { return }
            cases.append(Case(name: name, contents: try Data(contentsOf: folder.appendingPathComponent(name)), linkTarget: nil, expected: expected))
        }
        for line in manifest.split(separator: "\n") where !line.hasPrefix("#") {
            if !line.hasPrefix(" ") {
                try flush()
                name = String(line)
                expected = []
            } else if line.trimmingCharacters(in: .whitespaces) != "none" {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 2).map(String.init)
                let place = parts[1].split(separator: ":").compactMap { Int($0) }
                expected.append(Expectation(rule: parts[0], line: place[0], column: place[1], fragment: parts.count > 2 ? parts[2] : ""))
            }
        }
        try flush()
        return cases
    }

    /// The cases made here rather than kept in git.
    public static let generated: [Case] = {
        func text(_ name: String, _ text: String, _ expected: [Expectation]) -> Case {
            Case(name: name, contents: Data(text.utf8), linkTarget: nil, expected: expected)
        }
        func link(_ name: String, _ target: String, _ fragment: String) -> Case {
            Case(name: name, contents: nil, linkTarget: target,
                 expected: [Expectation(rule: "file-unreadable", line: 1, column: 1, fragment: fragment)])
        }
        let nested = "front matter is nested deeper than 64 levels"
        var indented = "---\nid: POL-404\n"
        for level in 0..<100 { indented += String(repeating: " ", count: level) + "k\(level):\n" }
        indented += String(repeating: " ", count: 100) + "x\n---\n"
        let wrongOwner = { (id: String) in policy(id: id, owner: "nobody") }
        return [
            Case(name: "large.md", contents: Data(repeating: UInt8(ascii: "a"), count: 50 << 20), linkTarget: nil,
                 expected: [Expectation(rule: "file-too-large", line: 1, column: 1, fragment: "file is 50 MB (52428800 bytes), more than documents.max-file-size (5 MB)")]),
            text("deep-block.md", "---\nid: POL-401\nk:\n" + String(repeating: "- ", count: 10_000) + "x\n---\n",
                 [Expectation(rule: "front-matter-invalid", line: 4, column: 127, fragment: nested)]),
            text("deep-flow.md", "---\nid: POL-402\nk: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n---\n",
                 [Expectation(rule: "front-matter-invalid", line: 3, column: 5, fragment: nested)]),
            text("deep-flow-mapping.md", "---\nid: POL-403\nk: " + String(repeating: "{a: ", count: 10_000) + "x" + String(repeating: "}", count: 10_000) + "\n---\n",
                 [Expectation(rule: "front-matter-invalid", line: 3, column: 256, fragment: nested)]),
            text("deep-indent.md", indented, [Expectation(rule: "front-matter-invalid", line: 67, column: 65, fragment: nested)]),
            link("link-outside.md", "../../outside/secret.md", "symbolic link to \"../../outside/secret.md\", which leads outside the repository"),
            link("link-absolute.md", "/etc/passwd", "symbolic link to \"/etc/passwd\", which leads outside the repository"),
            link("link-inside.md", "crlf.md", "symbolic link to \"crlf.md\" (policies/crlf.md)"),
            text("with space.md", wrongOwner("POL-501"), [Expectation(rule: "owner-unknown", line: 7, column: 8, fragment: "\"nobody\"")]),
            text("ünïcødé 名前.md", wrongOwner("POL-502"), [Expectation(rule: "owner-unknown", line: 7, column: 8, fragment: "\"nobody\"")]),
            text("new\nline.md", wrongOwner("POL-503"), [Expectation(rule: "owner-unknown", line: 7, column: 8, fragment: "\"nobody\"")]),
            text("tab\tand \"quote\".md", wrongOwner("POL-504"), [Expectation(rule: "owner-unknown", line: 7, column: 8, fragment: "\"nobody\"")]),
        ]
    }()
}
