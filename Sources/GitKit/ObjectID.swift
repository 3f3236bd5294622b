internal import CLibGit2

/// A git object id (SHA-1), as 20 raw bytes held in the value itself (no storage of its
/// own to allocate, hash or follow): the first 8, the next 8 and the last 4, each read
/// first byte most significant, so that the numbers compare as the bytes do.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    private static let byteCount = 20

    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    /// The id whose 20 bytes `raw` starts with.
    init(raw: UnsafeRawBufferPointer) {
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
        guard let id = hex.withUTF8({ ObjectID(hex: $0, lowercaseOnly: false) }) else { return nil }
        self = id
    }

    /// Parses a 40-digit hexadecimal id held as bytes (either case, or lowercase only, as
    /// git writes ids); nil for anything else.
    public init?(hex digits: UnsafeBufferPointer<UInt8>, lowercaseOnly: Bool) {
        guard let parsed = Self.parse(hex: digits, lowercaseOnly: lowercaseOnly) else { return nil }
        (high, middle, low) = parsed
    }

    /// The three numbers of a 40-digit hexadecimal id (either case, or lowercase only), first
    /// digit most significant; nil for anything else. Each digit is looked up in a table, and
    /// a bad one is found once all are read, rather than each digit taking a branch of its
    /// own (a blob id's digits and letters come in no order a processor can guess).
    public static func parse(hex digits: UnsafeBufferPointer<UInt8>, lowercaseOnly: Bool)
        -> (high: UInt64, middle: UInt64, low: UInt32)?
    {
        guard digits.count == byteCount * 2 else { return nil }
        let table = lowercaseOnly ? lowercaseNibbles : nibbles
        return table.withUnsafeBufferPointer { table -> (UInt64, UInt64, UInt32)? in
            var bad: UInt8 = 0
            func number(_ range: Range<Int>) -> UInt64 {
                var value: UInt64 = 0
                for index in range {
                    let nibble = table[Int(digits[index])]
                    bad |= nibble
                    value = value << 4 | UInt64(nibble & 0x0f)
                }
                return value
            }
            let (high, middle, low) = (number(0..<16), number(16..<32), number(32..<40))
            return bad & notADigit == 0 ? (high, middle, UInt32(low)) : nil
        }
    }

    /// The id as 40 lower-case hexadecimal characters.
    public var hex: String {
        // Written straight into the string's own storage, each number from its last digit;
        // a digit's character is chosen without a branch.
        String(unsafeUninitializedCapacity: Self.byteCount * 2) { digits in
            func put(_ number: UInt64, count: Int, endingAt end: Int) {
                var number = number
                for index in stride(from: end - 1, through: end - count, by: -1) {
                    let nibble = UInt8(truncatingIfNeeded: number & 0x0f)
                    digits[index] = nibble &+ (nibble < 10 ? UInt8(ascii: "0") : UInt8(ascii: "a") &- 10)
                    number >>= 4
                }
            }
            put(high, count: 16, endingAt: 16)
            put(middle, count: 16, endingAt: 32)
            put(UInt64(low), count: 8, endingAt: 40)
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

    /// A byte's value as a hexadecimal digit, or `notADigit`: each table holds all 256 bytes.
    private static let notADigit: UInt8 = 0x80
    private static let nibbles = digitTable(letters: [UInt8(ascii: "a"), UInt8(ascii: "A")])
    private static let lowercaseNibbles = digitTable(letters: [UInt8(ascii: "a")])

    private static func digitTable(letters: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: notADigit, count: 256)
        for digit in 0..<10 { table[Int(UInt8(ascii: "0")) + digit] = UInt8(digit) }
        for first in letters {
            for letter in 0..<6 { table[Int(first) + letter] = UInt8(10 + letter) }
        }
        return table
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
