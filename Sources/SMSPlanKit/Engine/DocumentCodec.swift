import Foundation

/// A compact binary form of decoded documents for the decode cache: reading it back is far
/// cheaper than parsing YAML (or decoding JSON through Codable). Field order is the format;
/// change it only together with `DecodeCache.formatVersion`.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init() {}

    /// A writer whose bytes begin with `formatVersion` (read back by `ByteReader(_:formatVersion:)`).
    init(formatVersion: Int) {
        self.init(magic: [], formatVersion: formatVersion, versioned: false)
    }

    /// A writer of one of smsplan's files in `.git/smsplan/`: `magic`, then `formatVersion`,
    /// then, when `versioned`, this smsplan's version (read back by `ByteReader(file:magic:formatVersion:versioned:)`).
    init(magic: [UInt8], formatVersion: Int, versioned: Bool) {
        raw(magic)
        int(formatVersion)
        if versioned { string(SMSPlanKitInfo.version) }
    }

    mutating func int(_ value: Int) {
        // Most numbers written (lines, columns, counts, lengths) take one byte.
        if value >= 0 && value < 0x80 { return bytes.append(UInt8(truncatingIfNeeded: value)) }
        var rest = UInt64(bitPattern: Int64(value))
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Bytes as they are, with no length (the reader must know it).
    mutating func raw(_ value: some Sequence<UInt8>) { bytes.append(contentsOf: value) }

    /// Forgets what was written, keeping the room.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Room for `count` more bytes, so that a writer whose size is known grows once.
    mutating func reserve(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// The bytes written, in a buffer of their exact size (a growing writer's has up to
    /// twice the room).
    var exactBytes: [UInt8] { bytes.withUnsafeBufferPointer { Array($0) } }

    mutating func string(_ value: String) {
        var value = value
        // Read in place (a native string is contiguous already), not copied into an array.
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func location(_ value: SourceLocation) {
        int(value.line)
        int(value.column)
    }

    mutating func located<T>(_ value: Located<T>?, _ write: (inout ByteWriter, T) -> Void) {
        optional(value) { writer, located in
            write(&writer, located.value)
            writer.location(located.location)
        }
    }

    /// One of a fixed list of values, written as its place in `cases`.
    mutating func choice<T: Equatable>(_ value: T, in cases: [T]) {
        int(cases.firstIndex(of: value) ?? cases.count)
    }
}

/// Reads what `ByteWriter` wrote; any inconsistency throws, and the cache is then ignored.
struct ByteReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
        end = bytes.count
    }

    /// A reader of `bytes` after the format version they begin with
    /// (`ByteWriter(formatVersion:)`); nil when they begin with another, or with none.
    init?(_ bytes: [UInt8], formatVersion: Int) {
        self.init(file: bytes, magic: [], formatVersion: formatVersion, versioned: false)
    }

    /// A reader of a file `ByteWriter(magic:formatVersion:versioned:)` wrote, after its
    /// header; nil for any other file (another format or, when `versioned`, another smsplan).
    init?(file: [UInt8], magic: [UInt8], formatVersion: Int, versioned: Bool) {
        guard file.starts(with: magic) else { return nil }
        self.init(file, range: magic.count..<file.count)
        guard (try? int()) == formatVersion, !versioned || (try? string()) == SMSPlanKitInfo.version else { return nil }
    }

    /// A reader of `range` of `bytes` only (shared, not copied).
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    var atEnd: Bool { offset == end }

    /// Passes over `count` bytes, giving their range.
    mutating func skip(_ count: Int) throws -> Range<Int> {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return offset..<offset + count
    }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: value))
    }

    mutating func bool() throws -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? try read(&self) : nil
    }

    /// The number of items of an array, each of which takes a byte at least; the caller
    /// reads them one by one.
    mutating func count() throws -> Int {
        let count = try int()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return count
    }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    mutating func location() throws -> SourceLocation {
        SourceLocation(line: try int(), column: try int())
    }

    mutating func located<T>(_ read: (inout ByteReader) throws -> T) throws -> Located<T>? {
        try optional { reader in
            let value = try read(&reader)
            return Located(value, at: try reader.location())
        }
    }

    /// One of a fixed list of values, read from its place in `cases`: no text is decoded.
    mutating func choice<T>(in cases: [T]) throws -> T {
        let index = try int()
        guard cases.indices.contains(index) else { throw Malformed() }
        return cases[index]
    }
}
