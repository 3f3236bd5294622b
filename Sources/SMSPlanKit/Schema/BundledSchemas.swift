import Foundation

extension RequirementSchema {
    /// The bundled schema with this id (`iso20000-1:2011`, `iso20000-1:2018`).
    public static func bundled(_ id: String) -> RequirementSchema? {
        BundledSchemas.byID[id]
    }

    /// Ids of every bundled schema.
    public static var bundledIDs: [String] { BundledSchemas.byID.keys.sorted() }
}

/// The schemas that ship inside smsplan (YAML files under Resources/, compiled in), parsed once.
enum BundledSchemas {
    static let sources: [(path: String, bytes: [UInt8])] = [
        ("iso20000-1-2011.yaml", PackageResources.iso20000_1_2011_yaml),
        ("iso20000-1-2018.yaml", PackageResources.iso20000_1_2018_yaml),
    ]

    static let byID: [String: RequirementSchema] = {
        // ISO/IEC 20000-1 (1.2 of both editions) accepts no exclusion of its requirements.
        let schemas = sources.compactMap { RequirementSchema.decode(Data($0.bytes), path: $0.path, base: { _ in nil }).0 }
            .map { $0.excludingNothing() }
        return Dictionary(schemas.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }()
}
