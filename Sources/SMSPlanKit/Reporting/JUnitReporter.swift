/// JUnit XML for CI test reports: one `<testsuite name="smsplan">` holding a test case per
/// Markdown file checked and per other file with findings (`smsplan.yaml`, `roles.yaml`,
/// a schema file). Each error is a `<failure>` of its file's test case; warnings are
/// lines of its `<system-out>` and do not fail it. `failures` counts the test cases that
/// failed, so it never exceeds `tests`. Paths are relative to the repository's top level.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ result: CheckResult) -> String {
        let findings = Dictionary(grouping: result.diagnostics, by: \.path)
        let paths = Set(result.checkedPaths).union(findings.keys).sorted()
        let failed = paths.count { path in findings[path, default: []].contains { $0.severity == .error } }
        let counts = "tests=\"\(paths.count)\" failures=\"\(failed)\" errors=\"0\" skipped=\"0\""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"smsplan\" \(counts)>\n"
        xml += "  <testsuite name=\"smsplan\" \(counts)>\n"
        for path in paths {
            xml += testCase(path, findings[path, default: []])
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private func testCase(_ path: String, _ diagnostics: [Diagnostic]) -> String {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let opening = "    <testcase classname=\"\(Self.escape(folder.isEmpty ? "." : folder))\" name=\"\(Self.escape(path))\""
        guard !diagnostics.isEmpty else { return opening + "/>\n" }
        var xml = opening + ">\n"
        for diagnostic in diagnostics where diagnostic.severity == .error {
            let line = "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): \(diagnostic.message) [\(diagnostic.rule)]"
            xml += "      <failure message=\"\(Self.escape(diagnostic.message))\" type=\"\(Self.escape(diagnostic.rule.rawValue))\">"
            xml += Self.escape(line, attribute: false) + "</failure>\n"
        }
        let warnings = diagnostics.filter { $0.severity == .warning }.map { diagnostic in
            "\(diagnostic.path):\(diagnostic.line):\(diagnostic.column): warning: \(diagnostic.message) [\(diagnostic.rule)]"
        }
        if !warnings.isEmpty {
            xml += "      <system-out>" + Self.escape(warnings.joined(separator: "\n"), attribute: false) + "</system-out>\n"
        }
        return xml + "    </testcase>\n"
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
