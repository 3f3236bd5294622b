import Foundation

/// What commands made of a plan beyond its findings (`status`'s report, a baseline's gate
/// facts), each under the whole-plan memo's key of the plan (`WholePlanMemo`) and a name,
/// with the key of its documents (so that a load knows, before it reads them, whether it
/// will take a kept report), in the byte encoding of the decode cache. A file of its own beside the memo's, so that a
/// check, which reads the memo on every run, never reads these. Never required for
/// correctness: a missing, damaged or foreign file is ignored and replaced, in one step
/// (`AtomicFile`), in `.git/smsplan/`.
final class WholePlanReports: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 2
    static let fileName = "whole-plan-reports"
    /// How many reports are kept (a status and a gate or two, for a plan or two).
    static let kept = 6
    private static let magic = Array("smsplan whole-plan reports\n".utf8)

    let url: URL
    private let file: [UInt8]
    /// The reports of the file, most recently stored first: each by key and name, with the
    /// range of its bytes in `file`.
    private var entries: [(key: String, name: String, documents: String, bytes: Range<Int>)]

    init(folder: URL) {
        url = folder.appendingPathComponent(Self.fileName)
        file = DecodeCache.bytes(at: url)
        entries = Self.entries(of: file) ?? []
    }

    /// How many reports the file holds.
    var entriesCount: Int { entries.count }

    /// The report called `name` kept for the plan with this key.
    func report(_ name: String, for key: String) -> [UInt8]? {
        entries.first { $0.key == key && $0.name == name }.map { Array(file[$0.bytes]) }
    }

    /// Whether a report called `name` is kept for the plan with this key, without copying it.
    func holds(_ name: String, for key: String) -> Bool {
        entries.contains { $0.key == key && $0.name == name }
    }

    /// Whether a report called `name` is kept for a plan with this key of its documents
    /// (`WholePlanMemo.documentsKey`); the plan's own key may still differ.
    func holds(_ name: String, documents: String) -> Bool {
        entries.contains { $0.documents == documents && $0.name == name }
    }

    /// Keeps `report` as the one called `name` for the plan with this key (and this key of
    /// its documents), and writes the file; failures are ignored.
    func store(_ name: String, _ report: [UInt8], for key: String, documents: String = "") {
        let others = entries.filter { $0.key != key || $0.name != name }.prefix(Self.kept - 1)
        var writer = ByteWriter(magic: Self.magic, formatVersion: Self.formatVersion, versioned: true)
        writer.int(others.count + 1)
        for (entryKey, entryName, entryDocuments, bytes) in [(key, name, documents, report)]
            + others.map({ ($0.key, $0.name, $0.documents, Array(file[$0.bytes])) }) {
            writer.string(entryKey)
            writer.string(entryName)
            writer.string(entryDocuments)
            writer.int(bytes.count)
            writer.raw(bytes)
        }
        AtomicFile.replaceQuietly(Data(writer.bytes), at: url)
    }

    /// The entries of a file this smsplan wrote; nil for any other file.
    private static func entries(of file: [UInt8]) -> [(key: String, name: String, documents: String, bytes: Range<Int>)]? {
        guard var reader = ByteReader(file: file, magic: magic, formatVersion: formatVersion, versioned: true) else { return nil }
        do {
            let entries = try reader.array { reader in
                (key: try reader.string(), name: try reader.string(), documents: try reader.string(), bytes: try reader.skip(try reader.int()))
            }
            return reader.atEnd ? entries : nil
        } catch {
            return nil
        }
    }
}
