import GitKit

extension DecodeCache {
    /// The key of a cache entry. A blob id as git writes it (40 lowercase hexadecimal digits)
    /// is held as its 20 bytes: the index of a large cache then holds no String per entry.
    /// Any other key (smsplan writes none, but a file may hold one) is kept as it is, so that
    /// nothing a file holds is lost and every key still means what its text says.
    enum Key: Hashable, Comparable {
        case blob(BlobBytes)
        case other(String)

        /// A blob id's first 8 bytes are as good a hash as all 20 (they are a digest's).
        func hash(into hasher: inout Hasher) {
            switch self {
            case .blob(let blob): hasher.combine(blob.high)
            case .other(let text):
                hasher.combine(text)
            }
        }

        /// The key of `text`, read without copying it.
        init(_ text: String) {
            var text = text
            // A no-op for a native string; a bridged one is made contiguous once.
            text.makeContiguousUTF8()
            let bytes = text.utf8.withContiguousStorageIfAvailable(BlobBytes.init(hex:)) ?? nil
            self = bytes.map(Key.blob) ?? .other(text)
        }

        /// The key whose text is the UTF-8 `bytes` (as `ByteReader.string()` reads it).
        init(utf8 bytes: ArraySlice<UInt8>) {
            if let blob = bytes.withUnsafeBufferPointer(BlobBytes.init(hex:)) {
                self = .blob(blob)
            } else {
                self = .other(String(decoding: bytes, as: UTF8.self))
            }
        }

        /// The key as text, as the file holds it.
        var text: String {
            switch self {
            case .blob(let blob): blob.hex
            case .other(let text): text
            }
        }

        /// The order of the keys' texts (the order of the file's entries): blob ids compare
        /// as numbers, which is the order of their lowercase hexadecimal digits.
        static func < (left: Key, right: Key) -> Bool {
            if case .blob(let first) = left, case .blob(let second) = right {
                return (first.high, first.middle, first.low) < (second.high, second.middle, second.low)
            }
            return left.text < right.text
        }
    }

    /// The 20 bytes of a blob id, first byte most significant.
    struct BlobBytes: Hashable {
        let high: UInt64
        let middle: UInt64
        let low: UInt32

        /// The id written as `hex`; nil unless it is exactly 40 lowercase hexadecimal digits
        /// (any other text is a different key, even the same id in capitals).
        init?(hex: UnsafeBufferPointer<UInt8>) {
            guard let parsed = ObjectID.parse(hex: hex, lowercaseOnly: true) else { return nil }
            (high, middle, low) = parsed
        }

        /// The id as 40 lowercase hexadecimal digits.
        var hex: String {
            String(unsafeUninitializedCapacity: 40) { buffer in
                func put(_ value: UInt64, digits: Int, at start: Int) {
                    for index in 0..<digits {
                        let nibble = UInt8(truncatingIfNeeded: value >> (4 * UInt64(digits - 1 - index))) & 0xF
                        buffer[start + index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
                    }
                }
                put(high, digits: 16, at: 0)
                put(middle, digits: 16, at: 16)
                put(UInt64(low), digits: 8, at: 32)
                return 40
            }
        }
    }
}

extension DecodeCache {
    /// Stored entries by number (their place in the index), one bit each.
    struct EntrySet {
        private var words: [UInt64]

        /// An empty set of the entries numbered below `count`.
        init(count: Int) {
            words = Array(repeating: 0, count: (count + 63) / 64)
        }

        mutating func insert(_ number: UInt32) {
            words[Int(number >> 6)] |= 1 << UInt64(number & 63)
        }

        func contains(_ number: UInt32) -> Bool {
            (words[Int(number >> 6)] & (1 << UInt64(number & 63))) != 0
        }
    }
}
