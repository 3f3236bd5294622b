/// Reads typed values out of positioned YAML nodes, recording a finding for each value
/// of the wrong shape. Documents report under `field-invalid`, configuration files under
/// `config-invalid`; `path` is set for findings about another file than the one checked.
struct NodeReader {
    let invalidRule: RuleID
    let path: String?
    var findings: [Finding] = []

    init(invalidRule: RuleID, path: String? = nil) {
        self.invalidRule = invalidRule
        self.path = path
    }

    mutating func report(_ rule: RuleID, at location: SourceLocation, _ message: String) {
        findings.append(Finding(rule, at: location, message, path: path))
    }

    mutating func invalid(at location: SourceLocation, _ message: String) {
        report(invalidRule, at: location, message)
    }

    /// A non-empty scalar's text.
    mutating func text(_ node: YAMLNode, _ field: String) -> Located<String>? {
        guard let scalar = node.scalar else {
            invalid(at: node.location, "\"\(field)\" must be a single value, found \(node.kindDescription)")
            return nil
        }
        guard !scalar.isNull, !scalar.text.trimmingSpaces().isEmpty else {
            invalid(at: node.location, "\"\(field)\" has no value")
            return nil
        }
        return Located(scalar.text, at: scalar.location)
    }

    /// A list of scalars; each item is checked on its own.
    mutating func list(_ node: YAMLNode, _ field: String) -> [Located<String>] {
        guard let items = node.items else {
            if let scalar = node.scalar, scalar.isNull { return [] }
            invalid(at: node.location, "\"\(field)\" must be a list, such as [\"a\", \"b\"]; found \(node.kindDescription)")
            return []
        }
        return items.compactMap { text($0, field) }
    }

    /// A calendar date `YYYY-MM-DD` that exists.
    mutating func date(_ node: YAMLNode, _ field: String) -> Located<PlanDate>? {
        guard let text = text(node, field) else { return nil }
        guard let date = PlanDate(text.value) else {
            invalid(at: text.location, "\"\(field)\" must be a date YYYY-MM-DD that exists, found \"\(text.value)\"")
            return nil
        }
        return Located(date, at: text.location)
    }

    /// A whole number within `range`.
    mutating func integer(_ node: YAMLNode, _ field: String, in range: ClosedRange<Int>) -> Located<Int>? {
        guard let text = text(node, field) else { return nil }
        guard let value = Int(text.value), range.contains(value) else {
            invalid(at: text.location, "\"\(field)\" must be a whole number from \(range.lowerBound) to \(range.upperBound), found \"\(text.value)\"")
            return nil
        }
        return Located(value, at: text.location)
    }

    /// One of an enumeration's raw values.
    mutating func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ node: YAMLNode, _ field: String, allowed: [Choice] = Array(Choice.allCases)
    ) -> Located<Choice>? where Choice.RawValue == String {
        guard let text = text(node, field) else { return nil }
        guard let value = Choice(rawValue: text.value), allowed.contains(where: { $0.rawValue == value.rawValue }) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            invalid(at: text.location, "\"\(field)\" must be one of \(names); found \"\(text.value)\"")
            return nil
        }
        return Located(value, at: text.location)
    }

    /// A version `MAJOR.MINOR`, which must be quoted: YAML reads `1.10` as the number 1.1.
    mutating func version(_ node: YAMLNode, _ field: String) -> Located<DocumentVersion>? {
        guard let scalar = node.scalar, !scalar.isNull else {
            _ = text(node, field)
            return nil
        }
        if scalar.isPlainNumber {
            invalid(at: scalar.location, "\"\(field)\" \(scalar.text) is not quoted, so YAML reads it as a number; write \"\(scalar.text)\"")
            return nil
        }
        guard let version = DocumentVersion(scalar.text) else {
            invalid(at: scalar.location, "\"\(field)\" must be a quoted version MAJOR.MINOR such as \"1.0\"; found \"\(scalar.text)\"")
            return nil
        }
        return Located(version, at: scalar.location)
    }

    /// True or false.
    mutating func boolean(_ node: YAMLNode, _ field: String) -> Bool? {
        guard let text = text(node, field) else { return nil }
        switch text.value {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            invalid(at: text.location, "\"\(field)\" must be true or false, found \"\(text.value)\"")
            return nil
        }
    }

    /// The pairs of a mapping node, reporting anything else.
    mutating func mapping(_ node: YAMLNode, _ field: String) -> [YAMLPair]? {
        if let pairs = node.pairs { return pairs }
        if let scalar = node.scalar, scalar.isNull { return [] }
        invalid(at: node.location, "\"\(field)\" must be a mapping of keys to values, found \(node.kindDescription)")
        return nil
    }

    /// The items of a sequence node, reporting anything else.
    mutating func sequence(_ node: YAMLNode, _ field: String) -> [YAMLNode]? {
        if let items = node.items { return items }
        if let scalar = node.scalar, scalar.isNull { return [] }
        invalid(at: node.location, "\"\(field)\" must be a list, found \(node.kindDescription)")
        return nil
    }
}
