/// A mapping key's value as YAML compares keys: text and tag for a scalar, and the values
/// and tags of everything inside a list or mapping. Marks and quoting do not count, so
/// `a`, `"a"` and `!!str a` are one key and `!x a` another.
enum YAMLKey: Hashable {
    /// Tags are nil for the tag the node has when none is written (text, list, mapping).
    case scalar(String, tag: String?)
    case sequence([YAMLKey], tag: String?)
    case mapping([Pair], tag: String?)

    struct Pair: Hashable {
        var key: YAMLKey
        var value: YAMLKey
    }

    static let stringTag = "tag:yaml.org,2002:str"
    static let sequenceTag = "tag:yaml.org,2002:seq"
    static let mappingTag = "tag:yaml.org,2002:map"
    /// The tag of a `!!value` key, whose value names the mapping it is in.
    static let valueTag = "tag:yaml.org,2002:value"

    /// A written tag as it compares: none, the non-specific `!` and the kind's own tag
    /// are the kind's tag.
    static func normalized(_ tag: String?, default kindTag: String) -> String? {
        guard let tag, !tag.isEmpty, tag != "!", tag != kindTag else { return nil }
        return tag
    }

    private var tag: String? {
        switch self {
        case .scalar(_, let tag), .sequence(_, let tag), .mapping(_, let tag): tag
        }
    }

    /// The key as a message names it: a scalar's text, a mapping's `!!value` value; nil for the rest.
    var text: String? {
        switch self {
        case .scalar(let text, _):
            return text
        case .mapping(let pairs, _):
            return pairs.first { $0.key.tag == Self.valueTag }?.value.text
        case .sequence:
            return nil
        }
    }

    /// The order repeated keys are named in: scalars by text, lists and mappings by their
    /// items (a mapping's keys only) and then their length; keys of different kinds are
    /// not ordered.
    static func precedes(_ lhs: YAMLKey, _ rhs: YAMLKey) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(left, _), .scalar(right, _)): left < right
        case let (.sequence(left, _), .sequence(right, _)): precedes(left, right)
        case let (.mapping(left, _), .mapping(right, _)): precedes(left.map(\.key), right.map(\.key))
        default: false
        }
    }

    private static func precedes(_ lhs: [YAMLKey], _ rhs: [YAMLKey]) -> Bool {
        for (left, right) in zip(lhs, rhs) {
            if precedes(left, right) { return true }
            if precedes(right, left) { return false }
        }
        return lhs.count < rhs.count
    }

    /// The keys a mapping repeats, in the order they are named, and where the first of the
    /// first one is written; nil when every key is written once.
    static func duplicates(in keys: [(key: YAMLKey, mark: YAMLComposer.Mark)]) -> (texts: [String], first: YAMLComposer.Mark)? {
        guard keys.count > 1, repeats(keys) else { return nil }
        var groups: [(key: YAMLKey, mark: YAMLComposer.Mark, count: Int)] = []
        var group: [YAMLKey: Int] = [:]
        for (key, mark) in keys {
            if let index = group[key] {
                groups[index].count += 1
            } else {
                group[key] = groups.count
                groups.append((key, mark, 1))
            }
        }
        let repeated = groups.filter { $0.count > 1 }.sorted { precedes($0.key, $1.key) }
        guard let first = repeated.first else { return nil }
        return (repeated.map { $0.key.text ?? "<uncovertable>" }, first.mark)
    }

    /// Whether any key is written twice: pairwise for the few keys most mappings hold.
    private static func repeats(_ keys: [(key: YAMLKey, mark: YAMLComposer.Mark)]) -> Bool {
        if keys.count <= 16 {
            for index in keys.indices.dropFirst() where keys[..<index].contains(where: { $0.key == keys[index].key }) { return true }
            return false
        }
        var seen = Set<YAMLKey>(minimumCapacity: keys.count)
        return !keys.allSatisfy { seen.insert($0.key).inserted }
    }
}
