/// Two documents with the same id.
public struct IDDuplicateRule: CorpusRule {
    public static let id: RuleID = "id-duplicate"

    public let descriptor = RuleDescriptor(
        id: id, category: .structure, defaultSeverity: .error,
        summary: "two documents carry the same id",
        rationale: "Identity is the id, never the path: references, coverage, history and registers all resolve ids, so each must name exactly one document.",
        valid: RuleExample(files: [
            ("policies/a.md", RuleExample.approvedPolicy),
            ("policies/b.md", RuleExample.approvedPolicy.replacingOccurrences(of: "POL-001", with: "POL-002")),
        ]),
        invalid: RuleExample(files: [
            ("policies/a.md", RuleExample.approvedPolicy),
            ("policies/b.md", RuleExample.approvedPolicy),
        ]))

    public init() {}

    public func check(_ corpus: Corpus, in context: RuleContext) -> [Finding] {
        // POL-1 and POL-001 are one number: the first document with it keeps it.
        var byNumber: [String: Document] = [:]
        byNumber.reserveCapacity(corpus.documents.count)
        return corpus.documents.compactMap { document in
            guard let id = document.id else { return nil }
            if let first = corpus.byID[id.value], first.path != document.path {
                return Finding(Self.id, at: id.location, "id \"\(id.value)\" is also used by \(first.path); ids must be unique: give one of them a free id with `smsplan renumber \(id.value) NEW-ID --path \(document.path)`", path: document.path)
            }
            guard let key = Self.numberKey(id.value) else { return nil }
            guard let first = byNumber[key], let firstID = first.id?.value, firstID != id.value else {
                byNumber[key] = byNumber[key] ?? document
                return nil
            }
            return Finding(Self.id, at: id.location, "id \"\(id.value)\" is the same number as \(firstID) (\(first.path)); ids must be unique: `smsplan renumber \(id.value) NEW-ID` gives it a free one", path: document.path)
        }
    }

    /// "POL-001" and "POL-1" -> "POL-1": the prefix and the number without leading zeros.
    static func numberKey(_ id: String) -> String? {
        let bytes = id.utf8
        // An ASCII id is read on bytes, where each byte is a character.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return characterNumberKey(id) }
        guard let dash = bytes.lastIndex(of: 0x2D) else { return nil }
        let digits = bytes[bytes.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        // Most ids have no leading zero: they are their own key.
        guard digits.count > 1, digits.first == 0x30 else { return id }
        let number = digits.drop { $0 == 0x30 }
        return String(id[..<dash]) + "-" + (number.isEmpty ? "0" : String(Substring(number)))
    }

    /// `numberKey` read on characters, for any id.
    static func characterNumberKey(_ id: String) -> String? {
        guard let dash = id.lastIndex(of: "-") else { return nil }
        let digits = id[id.index(after: dash)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let number = digits.drop { $0 == "0" }
        return id[..<dash] + "-" + (number.isEmpty ? "0" : number)
    }
}
