/// GitHub Actions workflow commands, one line per finding:
/// `::error file=PATH,line=L,col=C,title=RULE::MESSAGE` (`::warning` for warnings), which
/// GitHub shows as annotations on the pull request. Paths are relative to the
/// repository's top level, where a workflow's checkout lies.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ result: CheckResult) -> String {
        result.diagnostics.map { diagnostic in
            let properties = [("file", diagnostic.path), ("line", "\(diagnostic.line)"), ("col", "\(diagnostic.column)"),
                              ("title", diagnostic.rule.rawValue)]
                .map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            return "::\(diagnostic.severity.rawValue) \(properties)::\(Self.escapeData(diagnostic.message))\n"
        }.joined()
    }

    /// A command's message as GitHub reads it back: `%`, CR and LF percent-encoded.
    static func escapeData(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A command's property value: as a message, and `:` and `,` too, which would end it.
    static func escapeProperty(_ text: String) -> String {
        escape(text, ["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }

    /// Replaces scalar by scalar, so that CR LF (one Character in Swift) becomes %0D%0A.
    private static func escape(_ text: String, _ replacements: [Unicode.Scalar: String]) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] { escaped += replacement } else { escaped.unicodeScalars.append(scalar) }
        }
        return escaped
    }
}
