internal import CLibGit2

/// A git object id (SHA-1), as 20 raw bytes held in the value itself (no storage of its
/// own to allocate, hash or follow): the first 8, the next 8 and the last 4, each read
/// first byte most significant, so that the numbers compare as the bytes do.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    private static let byteCount = 20
    private static let hexDigits = Array("0123456789abcdef".utf8)

    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// The id whose 20 bytes `raw` starts with.
    private init(raw: UnsafeRawBufferPointer) {
        func number(_ range: Range<Int>) -> UInt64 {
            range.reduce(0) { $0 << 8 | UInt64(raw[$1]) }
        }
        high = number(0..<8)
        middle = number(8..<16)
        low = UInt32(number(16..<20))
    }

    /// The byte at `index` (0 to 19).
    private func byte(_ index: Int) -> UInt8 {
        switch index {
        case 0..<8: UInt8(truncatingIfNeeded: high >> UInt64(8 * (7 - index)))
        case 8..<16: UInt8(truncatingIfNeeded: middle >> UInt64(8 * (15 - index)))
        default: UInt8(truncatingIfNeeded: low >> UInt32(8 * (19 - index)))
        }
    }

    /// Parses a full 40-character hexadecimal id (either case); nil for anything else.
    public init?(hex: String) {
        var hex = hex
        // Read in place (a native string is contiguous already).
        let parsed = hex.withUTF8 { digits -> (UInt64, UInt64, UInt64)? in
            guard digits.count == Self.byteCount * 2 else { return nil }
            func number(_ range: Range<Int>) -> UInt64? {
                var value: UInt64 = 0
                for index in range {
                    guard let nibble = Self.nibble(digits[index]) else { return nil }
                    value = value << 4 | UInt64(nibble)
                }
                return value
            }
            guard let high = number(0..<16), let middle = number(16..<32), let low = number(32..<40) else { return nil }
            return (high, middle, low)
        }
        guard let parsed else { return nil }
        (high, middle, low) = (parsed.0, parsed.1, UInt32(parsed.2))
    }

    /// The id as 40 lower-case hexadecimal characters.
    public var hex: String {
        // Written straight into the string's own storage.
        String(unsafeUninitializedCapacity: Self.byteCount * 2) { digits in
            for index in 0..<Self.byteCount {
                let byte = byte(index)
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

    /// An id's first 8 bytes are as good a hash as all 20 (they are a digest's).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
    }

    /// Orders ids by their bytes, which is also the order of their `hex` strings.
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
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
        self = withUnsafeBytes(of: oid.id) { ObjectID(raw: $0) }
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The id as libgit2's `git_oid`.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            for index in 0..<Self.byteCount { raw[index] = byte(index) }
        }
        return oid
    }
}
