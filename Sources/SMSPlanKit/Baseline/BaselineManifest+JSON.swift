/// The manifest's JSON as `JSONEncoder` writes it with `.prettyPrinted`, `.sortedKeys` and
/// `.withoutEscapingSlashes` (two spaces an indent, `"key" : value`), written into one string
/// entry by entry: the encoder would first build a tree of every value of every entry, which
/// for a plan of 30,000 documents is some 25 MB more at once.
struct ManifestJSON {
    private(set) var text: String
    private var depth = 0

    private init(text: String) {
        self.text = text
    }

    static func write(_ manifest: BaselineManifest) -> String {
        var text = ""
        write(manifest, after: &text)
        return text
    }

    /// The manifest's JSON appended to `text`, with room made for it first (from the
    /// length of its values), so that a large manifest is not copied as the text grows.
    static func write(_ manifest: BaselineManifest, after text: inout String) {
        var room = 1024 + manifest.coverage.coveredRequirements.reduce(0) { $0 + $1.utf8.count + 12 }
        for entry in [manifest.documents, manifest.records].joined() {
            room += 240 + entry.blob.utf8.count + entry.id.utf8.count + (entry.inForceBlob?.utf8.count ?? 0) + (entry.inForceVersion?.utf8.count ?? 0)
                + entry.path.utf8.count + entry.status.utf8.count + entry.title.utf8.count + entry.type.utf8.count + (entry.version?.utf8.count ?? 0)
        }
        text.reserveCapacity(text.utf8.count + room)
        // Handed over (the caller's reference dropped), so that the one buffer grows in place.
        var json = ManifestJSON(text: text)
        text = ""
        json.object { json in
            json.member("commit") { $0.string(manifest.commit) }
            json.member("coverage") { json in
                let coverage = manifest.coverage
                json.object { json in
                    json.member("covered") { $0.number(coverage.covered) }
                    json.member("coveredDueByPhase") { $0.number(coverage.coveredDueByPhase) }
                    json.member("coveredRequirements") { json in json.array(coverage.coveredRequirements) { $0.string($1) } }
                    json.member("dueByPhase") { $0.number(coverage.dueByPhase) }
                    json.member("excluded") { $0.number(coverage.excluded) }
                    json.member("partial") { $0.number(coverage.partial) }
                    json.member("uncovered") { $0.number(coverage.uncovered) }
                }
            }
            json.member("date") { $0.string(manifest.date) }
            json.member("documents") { json in json.array(manifest.documents) { $0.entry($1) } }
            if let edition = manifest.edition { json.member("edition") { $0.string(edition) } }
            json.member("format") { $0.number(manifest.format) }
            json.member("phase") { $0.number(manifest.phase) }
            json.member("records") { json in json.array(manifest.records) { $0.entry($1) } }
            if let schema = manifest.schema { json.member("schema") { $0.string(schema) } }
            json.member("tool") { $0.string(manifest.tool) }
        }
        text = json.text
    }

    private mutating func entry(_ entry: BaselineManifest.Entry) {
        object { json in
            json.member("blob") { $0.string(entry.blob) }
            json.member("id") { $0.string(entry.id) }
            if let blob = entry.inForceBlob { json.member("inForceBlob") { $0.string(blob) } }
            if let version = entry.inForceVersion { json.member("inForceVersion") { $0.string(version) } }
            json.member("path") { $0.string(entry.path) }
            json.member("status") { $0.string(entry.status) }
            json.member("title") { $0.string(entry.title) }
            json.member("type") { $0.string(entry.type) }
            if let version = entry.version { json.member("version") { $0.string(version) } }
        }
    }

    /// Members written by `body`, each on a line of its own.
    private var opened: [Bool] = []

    private mutating func object(_ body: (inout ManifestJSON) -> Void) {
        text += "{"
        depth += 1
        opened.append(false)
        body(&self)
        let any = opened.removeLast()
        depth -= 1
        text += any ? "\n" + indent + "}" : "\n\n" + indent + "}"
    }

    private mutating func member(_ key: String, _ value: (inout ManifestJSON) -> Void) {
        separate()
        string(key)
        text += " : "
        value(&self)
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout ManifestJSON, Element) -> Void) {
        text += "["
        depth += 1
        opened.append(false)
        for element in elements {
            separate()
            write(&self, element)
        }
        let any = opened.removeLast()
        depth -= 1
        text += any ? "\n" + indent + "]" : "\n\n" + indent + "]"
    }

    /// A comma after the previous member or element, then a new line at the current depth.
    private mutating func separate() {
        if opened[opened.count - 1] { text += "," }
        opened[opened.count - 1] = true
        text += "\n" + indent
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private mutating func number(_ value: Int) {
        text += String(value)
    }

    /// A JSON string: quotes, backslashes and control characters escaped, "/" as it is.
    private mutating func string(_ value: String) {
        text += "\""
        var plain = value.utf8.startIndex
        let utf8 = value.utf8
        for index in utf8.indices {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            text += String(Substring(utf8[plain..<index]))
            switch byte {
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x08: text += "\\b"
            case 0x0C: text += "\\f"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            default:
                let hex = String(byte, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            plain = utf8.index(after: index)
        }
        text += String(Substring(utf8[plain..<utf8.endIndex]))
        text += "\""
    }
}
