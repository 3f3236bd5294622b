extension RequirementSchema {
    static let evidenceKeys = ["id", "type", "name", "record-of", "every", "level", "per", "topics", "covers", "as-in"]

    /// One evidence item; `position` (from 1) makes the id of an item that gives none (`item-2`).
    static func decodeEvidence(_ node: YAMLNode, position: Int, reader: inout NodeReader) -> EvidenceItem? {
        guard let pairs = reader.mapping(node, "evidence item") else { return nil }
        var item = EvidenceItem()
        item.id = "item-\(position)"
        for pair in pairs {
            let value = pair.value
            switch pair.keyText {
            case "id": item.id = reader.text(value, "evidence id")?.value ?? item.id
            case "type": item.types = decodeTypes(value, reader: &reader)
            case "name": item.name = reader.text(value, "evidence name")?.value
            case "record-of": item.recordOf = reader.text(value, "record-of")?.value
            case "every":
                guard let text = reader.text(value, "every") else { continue }
                if let duration = PlanDuration(text.value) {
                    item.every = duration
                } else {
                    reader.invalid(at: text.location, "\"every\" must be a period such as \"12 months\"; found \"\(text.value)\"")
                }
            case "level": item.level = choice(value, "level", reader: &reader) ?? item.level
            case "per": item.per = choice(value, "per", reader: &reader)
            case "topics": item.topics = reader.list(value, "topics").map(\.value)
            case "covers": item.covers = reader.list(value, "covers").map(\.value)
            case "as-in": item.asIn = reader.text(value, "as-in")?.value
            default:
                reader.invalid(at: pair.key.location, "unknown evidence key \"\(pair.keyText ?? "?")\"; an evidence item has \(evidenceKeys.joined(separator: ", "))")
            }
        }
        if (item.recordOf != nil || item.every != nil) && item.types != [.record] {
            reader.invalid(at: node.location, "record-of and every belong to evidence of type record")
        }
        return item
    }

    /// `type: procedure`, `type: [process, procedure]` or `type: any`.
    private static func decodeTypes(_ node: YAMLNode, reader: inout NodeReader) -> [DocumentType] {
        let names = node.items != nil ? reader.list(node, "evidence type") : reader.text(node, "evidence type").map { [$0] } ?? []
        return names.compactMap { name -> DocumentType? in
            if name.value == "any" { return nil }
            guard let type = DocumentType(rawValue: name.value), type != .template else {
                reader.invalid(at: name.location, "evidence type \"\(name.value)\" must be any or a document type other than template")
                return nil
            }
            return type
        }
    }

    private static func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ field: String, reader: inout NodeReader) -> Choice?
    where Choice.RawValue == String {
        guard let text = reader.text(node, field) else { return nil }
        guard let value = Choice(rawValue: text.value) else {
            reader.invalid(at: text.location, "\"\(field)\" must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")); found \"\(text.value)\"")
            return nil
        }
        return value
    }
}
