import Foundation

extension RequirementSchema {
    /// The bundled schema with this id (`iso20000-1:2011`, `iso20000-1:2018`).
    public static func bundled(_ id: String) -> RequirementSchema? {
        BundledSchemas.byID[id]?.schema
    }

    /// Ids of every bundled schema.
    public static var bundledIDs: [String] { BundledSchemas.ids }
}

/// The schemas that ship inside smsplan (YAML files under Resources/, compiled in), each
/// parsed the first time it is asked for.
enum BundledSchemas {
    /// Each schema's id, as its file's `id:` gives it, and the file.
    static let sources: [(id: String, path: String, bytes: [UInt8])] = [
        ("iso20000-1:2011", "iso20000-1-2011.yaml", PackageResources.iso20000_1_2011_yaml),
        ("iso20000-1:2018", "iso20000-1-2018.yaml", PackageResources.iso20000_1_2018_yaml),
    ]

    static let ids: [String] = sources.map(\.id).sorted()

    static let byID: [String: Entry] = Dictionary(
        sources.map { ($0.id, Entry(path: $0.path, bytes: $0.bytes)) }, uniquingKeysWith: { first, _ in first })

    /// One bundled schema file and, once asked for, the schema read from it.
    final class Entry: @unchecked Sendable {
        private let path: String
        private let bytes: [UInt8]
        private var decoded: RequirementSchema??
        private let lock = NSLock()

        init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }

        var schema: RequirementSchema? {
            lock.lock()
            defer { lock.unlock() }
            if let decoded { return decoded }
            // ISO/IEC 20000-1 (1.2 of both editions) accepts no exclusion of its requirements.
            let schema = RequirementSchema.decode(Data(bytes), path: path, base: { _ in nil }).0?.excludingNothing()
            decoded = .some(schema)
            return schema
        }
    }
}
