import Foundation

extension RequirementSchema {
    /// The bundled schema with this id (`iso20000-1:2011`, `iso20000-1:2018`).
    public static func bundled(_ id: String) -> RequirementSchema? {
        BundledSchemas.byID[id]?.schema
    }

    /// Ids of every bundled schema.
    public static var bundledIDs: [String] { BundledSchemas.ids }

    /// Reads, on a worker, the bundled schema that the smsplan.yaml in `folder` names (the
    /// default one when there is none there, or it names none), so that a check that opens
    /// its repository meanwhile finds it read. Only a head start: the configuration the
    /// check reads decides which schema it uses.
    static func prepareBundled(for folder: URL) {
        DispatchQueue.global().async {
            _ = bundled(BundledSchemas.named(in: folder) ?? PlanConfig.defaultStandard)
        }
    }
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

    /// The bundled schema id that a line starting `standard:` of the smsplan.yaml in
    /// `folder` gives (a regular file, not a link; its first 64 KiB read), if any.
    static func named(in folder: URL) -> String? {
        let descriptor = open(folder.appendingPathComponent("smsplan.yaml").path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count > 0 else { return nil }
        for line in String(decoding: bytes.prefix(count), as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("standard:") {
            let value = line.dropFirst("standard:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            return byID[value] == nil ? nil : value
        }
        return nil
    }

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
