/// A YAML node that remembers where it was written, in lines of the whole file.
///
/// Front matter is composed with Yams and converted into these nodes so that every
/// finding can name the line and column of the key or value at fault.
public indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], SourceLocation)
    case mapping([YAMLPair], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(_, let location), .mapping(_, let location): location
        }
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// A short name of the node's kind for messages: "text", "a list", "a mapping".
    public var kindDescription: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A key and its value in a YAML mapping.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    /// The key's text when the key is a scalar.
    public var keyText: String? { key.scalar?.text }
}

/// A YAML scalar: its text as written, and whether it was written without quotes.
public struct YAMLScalar: Sendable {
    public var text: String
    /// True for a plain (unquoted) scalar, the only kind YAML reads as a number, date or null.
    public var isPlain: Bool
    public var location: SourceLocation

    /// A plain `~`, `null` or nothing at all.
    public var isNull: Bool {
        isPlain && ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// A plain scalar that YAML reads as a number, such as `1.10` (which becomes 1.1).
    public var isPlainNumber: Bool {
        guard isPlain, let first = text.first else { return false }
        let digits = first == "-" || first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "_") }
            && digits.contains { $0.isNumber }
    }
}

extension YAMLNode {
    /// The pairs when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs, _) = self { return pairs }
        return nil
    }

    /// The items when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items, _) = self { return items }
        return nil
    }

    /// The value of the first pair whose key is `key`.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.keyText == key }?.value
    }
}
