import GitKit

extension DecodeCache {
    /// The key of a cache entry. A blob id as git writes it (40 lowercase hexadecimal digits)
    /// is held as its 20 bytes (an `ObjectID`): the index of a large cache then holds no
    /// String per entry. Any other key (smsplan writes none, but a file may hold one; the
    /// same id in capitals is a different key) is kept as it is, so that nothing a file holds
    /// is lost and every key still means what its text says.
    enum Key: Hashable, Comparable {
        case blob(ObjectID)
        case other(String)

        /// The key of `text`, read without copying it.
        init(_ text: String) {
            var text = text
            // A no-op for a native string; a bridged one is made contiguous once.
            text.makeContiguousUTF8()
            let blob = text.utf8.withContiguousStorageIfAvailable { ObjectID(hex: $0, lowercaseOnly: true) } ?? nil
            self = blob.map(Key.blob) ?? .other(text)
        }

        /// The key whose text is the UTF-8 `bytes` (as `ByteReader.string()` reads it).
        init(utf8 bytes: ArraySlice<UInt8>) {
            if let blob = bytes.withUnsafeBufferPointer({ ObjectID(hex: $0, lowercaseOnly: true) }) {
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
        /// by their bytes, which is the order of their lowercase hexadecimal digits.
        static func < (left: Key, right: Key) -> Bool {
            if case .blob(let first) = left, case .blob(let second) = right {
                return first < second
            }
            return left.text < right.text
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
