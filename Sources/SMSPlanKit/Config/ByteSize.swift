/// A file size such as `5 MB`, `512 KB` or `800000` (bytes). A kilobyte is 1024 bytes and a
/// megabyte 1024 kilobytes, as file managers and `ls -lh` count them; `KiB`, `MiB` and `GiB`
/// are read the same.
public struct ByteSize: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let bytes: Int

    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// Parses "<count> [unit]", with or without a space: `5 MB`, `5MB`, `300 B`, `1048576`.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12, let count = Int(digits) else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingSpaces().uppercased()
        let multiplier: Int
        switch unit {
        case "", "B", "BYTE", "BYTES": multiplier = 1
        case "K", "KB", "KIB": multiplier = 1 << 10
        case "M", "MB", "MIB": multiplier = 1 << 20
        case "G", "GB", "GIB": multiplier = 1 << 30
        default: return nil
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow, bytes > 0 else { return nil }
        self.bytes = bytes
    }

    /// The largest whole unit that states the size exactly, or one decimal: "5 MB", "50.0 MB".
    public var description: String {
        for (size, unit) in [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")] where bytes >= size {
            if bytes % size == 0 { return "\(bytes / size) \(unit)" }
            let tenths = (bytes * 10 + size / 2) / size
            return "\(tenths / 10).\(tenths % 10) \(unit)"
        }
        return "\(bytes) \(bytes == 1 ? "byte" : "bytes")"
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
}
