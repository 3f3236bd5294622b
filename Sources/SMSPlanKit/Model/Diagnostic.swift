/// One finding as the user sees it: which rule, how serious, where, and what is wrong.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public var rule: RuleID
    public var severity: Severity
    /// Path relative to the repository's top level, "/"-separated.
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The id of the document the finding is about, when the file has one.
    public var document: String?

    public init(
        rule: RuleID, severity: Severity, path: String, location: SourceLocation,
        message: String, document: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.line = location.line
        self.column = location.column
        self.message = message
        self.document = document
    }

    /// Equal when every field is, the path compared by its bytes as git compares paths, so
    /// findings about two files whose names differ only in Unicode normalization stay two.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.rule == rhs.rule && lhs.severity == rhs.severity && lhs.path.utf8.elementsEqual(rhs.path.utf8) && lhs.line == rhs.line
            && lhs.column == rhs.column && lhs.message == rhs.message && lhs.document == rhs.document
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(severity)
        hasher.combine(PathKey(path))
        hasher.combine(line)
        hasher.combine(column)
        hasher.combine(message)
        hasher.combine(document)
    }

    /// Sorted by file, then position, then rule id, then message: the order every report uses.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.rule.rawValue, lhs.message)
            < (rhs.path, rhs.line, rhs.column, rhs.rule.rawValue, rhs.message)
    }
}

/// A finding as a rule produces it, before the engine gives it a severity and a path.
public struct Finding: Sendable, Hashable, Codable {
    public var rule: RuleID
    public var location: SourceLocation
    public var message: String
    /// Set when the finding is about another file than the document being checked
    /// (for example `smsplan.yaml`, or the other copy of a duplicated id).
    public var path: String?
    /// The most serious the finding may be, below the rule's configured severity: a
    /// requirement of the current phase not covered yet is open work, a warning.
    public var ceiling: Severity?

    public init(_ rule: RuleID, at location: SourceLocation, _ message: String, path: String? = nil, ceiling: Severity? = nil) {
        self.rule = rule
        self.location = location
        self.message = message
        self.path = path
        self.ceiling = ceiling
    }
}

extension Diagnostic: Encodable {
    private enum CodingKeys: String, CodingKey { case rule, severity, path, line, column, message, document }

    /// The JSON shape of DESIGN.md; `document` is null when the file has no readable id.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule.rawValue, forKey: .rule)
        try container.encode(severity.rawValue, forKey: .severity)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encode(document, forKey: .document)
    }
}
