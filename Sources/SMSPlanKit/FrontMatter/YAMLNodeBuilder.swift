internal import CYaml
import Foundation

/// Builds positioned nodes from libyaml's events as they come, in one pass with a stack of
/// open lists and mappings.
///
/// It composes as YAML's composer does: an alias is the node its anchor was last given to
/// (complete before the alias), an alias to no such node is refused, a mapping that repeats
/// a key is refused when it closes, and a second document is refused where it starts. After
/// the first refusal the events are still counted against the limits, since a limit
/// passed anywhere in the text is what is told.
struct YAMLNodeBuilder {
    private var limits: YAMLLimits.Scan
    private let lineOffset: Int
    /// Lists and mappings begun and not yet ended, innermost last.
    private var open: [Collection] = []
    private var anchors: [String: Built] = [:]
    private var root: Built?
    private var documents = 0
    /// The first problem of composition; nothing more is built after it.
    private(set) var refusal: YAMLComposer.Refusal?

    init(firstLine: Int) {
        limits = YAMLLimits.Scan(firstLine: firstLine)
        lineOffset = firstLine - 1
    }

    /// Takes the next event; returns the limit it passes, if it does.
    mutating func take(_ event: yaml_event_t) -> YAMLComposer.Failure? {
        if let limit = limits.take(event) { return limit }
        guard refusal == nil else { return nil }
        let mark = YAMLComposer.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                refusal = .syntax(YAMLComposer.Problem(kind: .composer, problem: "but found another document", mark: mark,
                                                       context: ("expected a single document in the stream", YAMLComposer.Mark(line: 1, column: 1))))
            }
        case YAML_SCALAR_EVENT:
            scalar(event, at: mark)
        case YAML_ALIAS_EVENT:
            guard let anchor = Self.name(event.data.alias.anchor), let node = anchors[anchor] else {
                refusal = .syntax(YAMLComposer.Problem(kind: .composer, problem: "found undefined alias", mark: mark))
                return nil
            }
            add(node)
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            begin(isMapping: false, anchor: start.anchor, tag: start.implicit != 0 ? nil : start.tag, at: mark)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            begin(isMapping: true, anchor: start.anchor, tag: start.implicit != 0 ? nil : start.tag, at: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            end()
        default:
            break
        }
        return nil
    }

    /// The composed root once the stream has ended: nil for no document at all.
    func finish() -> Result<YAMLNode?, YAMLComposer.Refusal> {
        if let refusal { return .failure(refusal) }
        guard let root else { return .success(nil) }
        // Written nesting is limited as it is read; an alias can still place a deep node
        // deeper, which only the composed tree shows.
        if root.height > YAMLComposer.maximumDepth, let deep = Self.firstTooDeep(root.node, depth: 0) {
            return .failure(.limit(YAMLComposer.Failure(location: deep, message: "front matter is nested deeper than \(YAMLComposer.maximumDepth) levels")))
        }
        return .success(root.node)
    }

    // MARK: Nodes

    /// A node composed, with what an alias to it or a mapping holding it as a key needs.
    private struct Built {
        var node: YAMLNode
        /// Its value as a key compares (text and tag), when it can be a key or be aliased.
        var key: YAMLKey?
        var mark: YAMLComposer.Mark
        /// How many levels of nodes lie below it, aliases expanded.
        var height: Int
    }

    /// A list or mapping being composed.
    private struct Collection {
        var isMapping: Bool
        var location: SourceLocation
        var mark: YAMLComposer.Mark
        var anchor: String?
        var tag: String?
        /// Whether its own key value is wanted: it is a key, is anchored, or is inside one.
        var keyed: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: Built?
        /// A mapping's keys in order, for the duplicate check.
        var keys: [(key: YAMLKey, mark: YAMLComposer.Mark)] = []
        var itemKeys: [YAMLKey] = []
        var pairKeys: [YAMLKey.Pair] = []
        var height = 0

        /// Whether the next node is a mapping's key.
        var expectsKey: Bool { isMapping && pendingKey == nil }
    }

    /// Whether the next node needs its key value: as a key, or inside a node that does.
    private var wantsKey: Bool {
        guard !open.isEmpty else { return false }
        return open[open.count - 1].keyed || open[open.count - 1].expectsKey
    }

    private mutating func scalar(_ event: yaml_event_t, at mark: YAMLComposer.Mark) {
        let scalar = event.data.scalar
        let text = Self.text(scalar.value, count: scalar.length)
        let style = scalar.style
        let isPlain = style == YAML_PLAIN_SCALAR_STYLE || style == YAML_ANY_SCALAR_STYLE
        let node = YAMLNode.scalar(YAMLScalar(text: text, isPlain: isPlain, location: location(mark)))
        let anchor = Self.name(scalar.anchor)
        var key: YAMLKey?
        if anchor != nil || wantsKey {
            let tag = scalar.quoted_implicit == 1 ? YAMLKey.stringTag : Self.name(scalar.tag)
            key = .scalar(text, tag: YAMLKey.normalized(tag, default: YAMLKey.stringTag))
        }
        let built = Built(node: node, key: key, mark: mark, height: 0)
        if let anchor { anchors[anchor] = built }
        add(built)
    }

    private mutating func begin(isMapping: Bool, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?,
                                at mark: YAMLComposer.Mark) {
        let anchor = Self.name(anchor)
        let keyed = anchor != nil || wantsKey
        let tagName = keyed ? YAMLKey.normalized(Self.name(tag), default: isMapping ? YAMLKey.mappingTag : YAMLKey.sequenceTag) : nil
        open.append(Collection(isMapping: isMapping, location: location(mark), mark: mark, anchor: anchor, tag: tagName, keyed: keyed))
    }

    private mutating func end() {
        guard let closed = open.popLast() else { return }
        let built: Built
        if closed.isMapping {
            if let duplicates = YAMLKey.duplicates(in: closed.keys) {
                refusal = .duplicateKeys(duplicates.texts, first: duplicates.first)
                return
            }
            built = Built(node: .mapping(closed.pairs, closed.location), key: closed.keyed ? .mapping(closed.pairKeys, tag: closed.tag) : nil,
                          mark: closed.mark, height: closed.height)
        } else {
            built = Built(node: .sequence(closed.items, closed.location), key: closed.keyed ? .sequence(closed.itemKeys, tag: closed.tag) : nil,
                          mark: closed.mark, height: closed.height)
        }
        if let anchor = closed.anchor { anchors[anchor] = built }
        add(built)
    }

    /// Places a complete node in the innermost open collection, or as the root.
    private mutating func add(_ built: Built) {
        guard !open.isEmpty else {
            root = built
            return
        }
        let index = open.count - 1
        open[index].height = max(open[index].height, built.height + 1)
        if !open[index].isMapping {
            open[index].items.append(built.node)
            if open[index].keyed, let key = built.key { open[index].itemKeys.append(key) }
        } else if let key = open[index].pendingKey {
            open[index].pairs.append(YAMLPair(key: key.node, value: built.node))
            if open[index].keyed, let keyKey = key.key, let valueKey = built.key {
                open[index].pairKeys.append(YAMLKey.Pair(key: keyKey, value: valueKey))
            }
            open[index].pendingKey = nil
        } else {
            open[index].pendingKey = built
            if let key = built.key { open[index].keys.append((key, built.mark)) }
        }
    }

    private func location(_ mark: YAMLComposer.Mark) -> SourceLocation {
        SourceLocation(line: mark.line + lineOffset, column: mark.column)
    }

    /// The first node, in reading order, nested deeper than the limit.
    private static func firstTooDeep(_ node: YAMLNode, depth: Int) -> SourceLocation? {
        guard depth <= YAMLComposer.maximumDepth else { return node.location }
        switch node {
        case .scalar:
            return nil
        case .sequence(let items, _):
            for item in items {
                if let deep = firstTooDeep(item, depth: depth + 1) { return deep }
            }
        case .mapping(let pairs, _):
            for pair in pairs {
                if let deep = firstTooDeep(pair.key, depth: depth + 1) ?? firstTooDeep(pair.value, depth: depth + 1) { return deep }
            }
        }
        return nil
    }

    /// A scalar's value. libyaml has checked the bytes are UTF-8; a value that starts with a
    /// byte order mark is decoded as Foundation decodes it, as before.
    private static func text(_ value: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String {
        guard let value, count > 0 else { return "" }
        let bytes = UnsafeBufferPointer(start: value, count: count)
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(bytes: bytes, encoding: .utf8) ?? String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(decodingCString: $0, as: UTF8.self) }
    }
}
