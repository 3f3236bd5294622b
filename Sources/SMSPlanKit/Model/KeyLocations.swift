/// Where each top-level key of a front matter was written, by key.
///
/// Kept as one array sorted by key rather than a dictionary: a front matter has a dozen or
/// two keys, a plan tens of thousands of documents, and a dictionary's hash table is about
/// twice the size of the array for so few keys.
public struct KeyLocations: Sendable, Equatable {
    private struct Entry: Sendable, Equatable {
        var key: String
        var location: SourceLocation
    }

    private var entries: [Entry]

    public init() {
        entries = []
    }

    /// The locations of `dictionary`.
    public init(_ dictionary: [String: SourceLocation]) {
        entries = Self.sorted(dictionary)
    }

    /// The locations of `pairs`; where a key repeats, its first location.
    init(pairs: [(key: String, location: SourceLocation)]) {
        if zip(pairs, pairs.dropFirst()).allSatisfy({ $0.key < $1.key }) {
            entries = pairs.map { Entry(key: $0.key, location: $0.location) }
        } else {
            var seen: [String: SourceLocation] = [:]
            for pair in pairs where seen[pair.key] == nil {
                seen[pair.key] = pair.location
            }
            entries = Self.sorted(seen)
        }
    }

    private static func sorted(_ dictionary: [String: SourceLocation]) -> [Entry] {
        dictionary.map { Entry(key: $0.key, location: $0.value) }.sorted { $0.key < $1.key }
    }

    /// Where `key` was written, or nil when the front matter does not have it.
    public subscript(key: String) -> SourceLocation? {
        var low = 0, high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < entries.count && entries[low].key == key ? entries[low].location : nil
    }

    /// Every key with its location, sorted by key.
    public var sorted: [(key: String, value: SourceLocation)] {
        entries.map { (key: $0.key, value: $0.location) }
    }
}
