/// JUnit XML for CI test reports, valid against the Jenkins xunit schema (junit-10.xsd):
/// a `<testsuite>` per file (`file` names it) holding a passing test case when the file
/// has no findings, else one test case per finding, each with at most one `<failure>`, so
/// that GitLab never sees several failures in one case. Errors fail their test case;
/// warnings fail it under `--strict` and are otherwise a passing case with the warning in
/// its `<system-out>`. `failures` counts the failed test cases. Paths are relative to the
/// repository's top level. The GitLab flavour writes `file` on every test case too (GitLab
/// links the file from it), which junit-10.xsd does not allow.
public struct JUnitReporter: Reporter {
    /// Warnings fail their test case, as they fail the run.
    public var strict: Bool
    /// `file` on each `<testcase>`, as GitLab reads it.
    public var fileOnTestCases: Bool

    public init(strict: Bool = false, fileOnTestCases: Bool = false) {
        self.strict = strict
        self.fileOnTestCases = fileOnTestCases
    }

    private func fails(_ diagnostic: Diagnostic) -> Bool { diagnostic.severity == .error || strict }

    public func render(_ result: CheckResult) -> String {
        let findings = Dictionary(grouping: result.diagnostics, by: \.path)
        let paths = Set(result.checkedPaths).union(findings.keys).sorted()
        let tests = paths.reduce(0) { $0 + max(1, findings[$1, default: []].count) }
        let failed = result.diagnostics.count(where: fails)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"smsplan\" tests=\"\(tests)\" failures=\"\(failed)\" errors=\"0\">\n"
        for path in paths {
            xml += testSuite(path, findings[path, default: []])
        }
        xml += "</testsuites>\n"
        return xml
    }

    private func testSuite(_ path: String, _ diagnostics: [Diagnostic]) -> String {
        let failed = diagnostics.count(where: fails)
        var xml = "  <testsuite name=\"\(Self.escape(path))\" file=\"\(Self.escape(path))\" tests=\"\(max(1, diagnostics.count))\" "
            + "failures=\"\(failed)\" errors=\"0\" skipped=\"0\">\n"
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let classname = Self.escape(folder.isEmpty ? "." : folder)
        let file = fileOnTestCases ? " file=\"\(Self.escape(path))\"" : ""
        if diagnostics.isEmpty {
            xml += "    <testcase classname=\"\(classname)\" name=\"\(Self.escape(path))\"\(file)/>\n"
        }
        for diagnostic in diagnostics {
            let line = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule)]"
            let name = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column) \(diagnostic.rule)"
            xml += "    <testcase classname=\"\(classname)\" name=\"\(Self.escape(name))\"\(file)>\n"
            if fails(diagnostic) {
                xml += "      <failure message=\"\(Self.escape(diagnostic.message))\" type=\"\(Self.escape(diagnostic.rule.rawValue))\">"
                xml += Self.escape(line, attribute: false) + "</failure>\n"
            } else {
                xml += "      <system-out>" + Self.escape(line, attribute: false) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        return xml + "  </testsuite>\n"
    }

    /// Text made safe for XML 1.0: markup characters as entities, and the control
    /// characters XML cannot hold as U+FFFD. In attributes, quotes and line breaks are
    /// written as references too, so that a parser reads them back unchanged.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where attribute: escaped += "&quot;"
            case "'" where attribute: escaped += "&apos;"
            case "\n" where attribute: escaped += "&#10;"
            case "\t" where attribute: escaped += "&#9;"
            case "\r": escaped += "&#13;"
            case "\t", "\n": escaped.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
