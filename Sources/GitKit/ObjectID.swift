internal import CLibGit2

/// A git object id (SHA-1), as 20 raw bytes.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    private static let byteCount = 20
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The 20 raw bytes of the id.
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        precondition(bytes.count == Self.byteCount, "an object id has 20 bytes")
        self.bytes = bytes
    }

    /// Parses a full 40-character hexadecimal id (either case); nil for anything else.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == Self.byteCount * 2 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.byteCount)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// The id as 40 lower-case hexadecimal characters.
    public var hex: String {
        // Written straight into the string's own storage.
        String(unsafeUninitializedCapacity: Self.byteCount * 2) { digits in
            for (index, byte) in bytes.enumerated() {
                digits[2 * index] = Self.hexDigits[Int(byte >> 4)]
                digits[2 * index + 1] = Self.hexDigits[Int(byte & 0x0f)]
            }
            return Self.byteCount * 2
        }
    }

    /// The same as `hex`.
    public var description: String {
        hex
    }

    /// Orders ids by their bytes, which is also the order of their `hex` strings.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension ObjectID {
    init(_ oid: git_oid) {
        self.init(bytes: withUnsafeBytes(of: oid.id) { Array($0) })
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The id as libgit2's `git_oid`.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { $0.copyBytes(from: bytes) }
        return oid
    }
}
