import Foundation

/// What commands made of a plan beyond its findings (`status`'s report, a baseline's gate
/// facts), each under the whole-plan memo's key of the plan (`WholePlanMemo`) and a name,
/// in the byte encoding of the decode cache. A file of its own beside the memo's, so that a
/// check, which reads the memo on every run, never reads these. Never required for
/// correctness: a missing, damaged or foreign file is ignored and replaced, in one step
/// (`AtomicFile`), in `.git/smsplan/`.
final class WholePlanReports: @unchecked Sendable {
    /// Bump when the encoding changes.
    static let formatVersion = 1
    static let fileName = "whole-plan-reports"
    /// How many reports are kept (a status and a gate or two, for a plan or two).
    static let kept = 6
    private static let magic = Array("smsplan whole-plan reports\n".utf8)

    let url: URL
    private let file: [UInt8]
    /// The reports of the file, most recently stored first: each by key and name, with the
    /// range of its bytes in `file`.
    private var entries: [(key: String, name: String, bytes: Range<Int>)]

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

    /// Keeps `report` as the one called `name` for the plan with this key, and writes the
    /// file; failures are ignored.
    func store(_ name: String, _ report: [UInt8], for key: String) {
        let others = entries.filter { $0.key != key || $0.name != name }.prefix(Self.kept - 1)
        var writer = ByteWriter()
        writer.raw(Self.magic)
        writer.int(Self.formatVersion)
        writer.string(SMSPlanKitInfo.version)
        writer.int(others.count + 1)
        for (entryKey, entryName, bytes) in [(key, name, report)] + others.map({ ($0.key, $0.name, Array(file[$0.bytes])) }) {
            writer.string(entryKey)
            writer.string(entryName)
            writer.int(bytes.count)
            writer.raw(bytes)
        }
        AtomicFile.replaceQuietly(Data(writer.bytes), at: url)
    }

    /// The entries of a file this smsplan wrote; nil for any other file.
    private static func entries(of file: [UInt8]) -> [(key: String, name: String, bytes: Range<Int>)]? {
        guard file.starts(with: magic) else { return nil }
        var reader = ByteReader(file, range: magic.count..<file.count)
        do {
            guard try reader.int() == formatVersion, try reader.string() == SMSPlanKitInfo.version else { return nil }
            let entries = try reader.array { reader in (key: try reader.string(), name: try reader.string(), bytes: try reader.skip(try reader.int())) }
            return reader.atEnd ? entries : nil
        } catch {
            return nil
        }
    }
}
