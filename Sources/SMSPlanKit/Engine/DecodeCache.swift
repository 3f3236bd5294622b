import Foundation
import GitKit

/// Decoded front matter by blob id, kept in the git directory (`.git/smsplan/`), so that a
/// file already seen is never parsed again.
///
/// Never required for correctness: a missing, corrupt or foreign cache file (another
/// format, another smsplan version) is ignored and rebuilt; a read-only repository simply
/// gets no cache. The file is replaced in one step (`AtomicFile`: an unnamed file, then a
/// rename), so concurrent runs never see half of one, a killed run leaves no temporary file,
/// and the last writer wins.
///
/// Opening the file reads only its index (each blob id and where its entry lies); an entry
/// is decoded when it is looked up, on whichever thread asks, and an entry that cannot be
/// decoded counts as missing (and the file is rewritten).
final class DecodeCache: @unchecked Sendable {
    /// Bump when decoding changes what it produces.
    static let formatVersion = 10
    static let fileName = "front-matter-cache"

    struct Entry {
        var document: Document?
        var findings: [Finding]
        /// The size of the bytes decoded (the blob's size), so that `documents.max-file-size`
        /// is applied without reading the file.
        var size: Int
    }

    /// Where a stored entry lies in the file, with the size of its file and where the
    /// digest of its payload (`digest(of:)`) and its document's summary (`stored(_:path:summarized:)`) lie.
    /// Read from the file when asked for (`starts`), a few lengths, rather than kept.
    private struct Slot {
        let size: Int
        let digest: Range<Int>
        let summary: Range<Int>
        let range: Range<Int>
    }

    /// The first bytes of a cache file.
    private static let magic = Array("smsplan decode cache\n".utf8)

    /// Ids of documents deleted in a commit's history, with the path each had, by commit id
    /// and plan root (`retiredKey`): a commit's history never changes.
    typealias Retired = [String: [String: String]]

    let url: URL
    private let bytes: [UInt8]
    /// The number of each stored entry (the first, should a key come twice) by its key: per
    /// entry a key of 20 bytes and a number, no String and no positions, so that the index
    /// of a large cache stays small.
    private let slots: [Key: UInt32]
    /// Where each stored entry's slot begins in `bytes` (after its key), by number.
    private let starts: [UInt32]
    /// The stored entries this run looked up or marked, by number; only that, since their
    /// bytes stay in `bytes` (a decoded document lives with whoever asked for it, not here).
    private var usedSlots: EntrySet
    /// The entries this run decoded anew. With `keepsDecoded`, as decoded: the plan holds the
    /// same documents (a document is one shared reference), so keeping them costs a
    /// reference each where their encoded bytes would cost a copy; they are encoded when the
    /// file is written. Else encoded at once, since the documents are let go (the commits of
    /// a range): their bytes are smaller than they are.
    private var added: [Key: Stored] = [:]
    /// Whether the documents stored are the ones the caller keeps to the end.
    private let keepsDecoded: Bool
    /// The retired ids the file holds, in its order (the last run's first), each key once.
    private let storedRetired: [(key: String, value: [String: String])]
    private var usedRetired: Retired = [:]
    private var misses = 0
    private let lock = NSLock()

    /// The cache of the repository whose git directory is `gitDirectory`. `keepingDecoded`:
    /// the caller holds every document it stores until the cache is saved (one plan read
    /// from one state), so the cache keeps them rather than copies of their bytes.
    init(gitDirectory: URL, keepingDecoded: Bool = false) {
        keepsDecoded = keepingDecoded
        url = gitDirectory.appendingPathComponent("smsplan").appendingPathComponent(Self.fileName)
        let file = Self.bytes(at: url)
        let index = Self.index(file)
        bytes = index == nil ? [] : file
        slots = index?.slots ?? [:]
        starts = index?.starts ?? []
        storedRetired = index?.retired ?? []
        usedSlots = EntrySet(count: index?.starts.count ?? 0)
    }

    /// A cache file's index: each entry's number by key, and where each numbered slot begins.
    private struct Index {
        var slots: [Key: UInt32] = [:]
        var starts: [UInt32] = []
        /// The retired ids in the file's order, the first of a key that comes twice.
        var retired: [(key: String, value: [String: String])] = []
    }

    /// The index of a cache file, or nil when it is not one this smsplan wrote. A file of
    /// 2 GiB or more is not one either: the index holds its positions in 32 bits.
    private static func index(_ file: [UInt8]) -> Index? {
        guard file.count <= Int(Int32.max), var reader = ByteReader(file: file, magic: magic, formatVersion: formatVersion, versioned: true)
        else { return nil }
        do {
            var index = Index()
            let count = try reader.count()
            index.slots.reserveCapacity(count)
            index.starts.reserveCapacity(count)
            for _ in 0..<count {
                let key = Key(utf8: file[try reader.skip(try reader.count())])
                let start = reader.offset
                _ = try slot(&reader)
                guard index.slots[key] == nil else { continue }
                index.slots[key] = UInt32(index.starts.count)
                index.starts.append(UInt32(start))
            }
            let retired = try reader.array { reader in
                (try reader.string(), try reader.array { reader in (try reader.string(), try reader.string()) })
            }
            guard reader.atEnd else { return nil }
            var seen = Set<String>()
            index.retired = retired.filter { seen.insert($0.0).inserted }.map { ($0.0, Dictionary($0.1, uniquingKeysWith: { first, _ in first })) }
            return index
        } catch {
            return nil
        }
    }

    /// A slot as `stream` writes it, after its key.
    private static func slot(_ reader: inout ByteReader) throws -> Slot {
        Slot(size: try reader.int(), digest: try reader.skip(try reader.int()), summary: try reader.skip(try reader.int()),
             range: try reader.skip(try reader.int()))
    }

    /// The slot of the stored entry numbered `number` in `file`, read again from where the
    /// index found it (so never nil for a file the index took).
    private static func slot(in file: [UInt8], _ starts: [UInt32], _ number: UInt32) -> Slot? {
        var reader = ByteReader(file, range: Int(starts[Int(number)])..<file.count)
        return try? slot(&reader)
    }

    private func slot(_ number: UInt32) -> Slot? {
        Self.slot(in: bytes, starts, number)
    }

    /// One stored entry, decoded; nil when its bytes are not what `encode` wrote.
    private static func entry(in file: [UInt8], _ slot: Slot) -> Entry? {
        entry(ByteReader(file, range: slot.range), size: slot.size)
    }

    /// An entry encoded by `encoded(_:)`, decoded.
    private static func entry(in payload: ArraySlice<UInt8>, size: Int) -> Entry? {
        let bytes = Array(payload)
        return entry(ByteReader(bytes, range: 0..<bytes.count), size: size)
    }

    private static func entry(_ reader: ByteReader, size: Int) -> Entry? {
        var reader = reader
        do {
            let document = try reader.optional { try $0.document() }
            let findings = try reader.array { try $0.finding() }
            return reader.atEnd ? Entry(document: document, findings: findings, size: size) : nil
        } catch {
            return nil
        }
    }

    /// Every entry of a cache file, or nil when it is not one this smsplan wrote (or any
    /// entry is damaged).
    static func decode(_ bytes: [UInt8]) -> [String: Entry]? {
        guard let index = index(bytes) else { return nil }
        var entries: [String: Entry] = [:]
        for (key, number) in index.slots {
            guard let slot = slot(in: bytes, index.starts, number), let entry = entry(in: bytes, slot) else { return nil }
            entries[key.text] = entry
        }
        return entries
    }

    /// The bytes of a cache file holding `entries` and the retired ids of `retired`.
    static func encode(_ entries: [String: Entry], retired: Retired = [:]) -> [UInt8] {
        let stored = Dictionary(uniqueKeysWithValues: entries.map { (Key($0.key), Stored.decoded($0.value)) })
        var bytes: [UInt8] = []
        stream(stored.keys.sorted(), retired: retired.sorted { $0.key < $1.key }, entry: { stored[$0] }) { piece in
            bytes.append(contentsOf: piece)
            return true
        }
        return bytes
    }

    /// An entry as its slot of the file holds it: its size, its encoded payload and the
    /// payload's digest.
    private static func encoded(_ entry: Entry) -> Encoded {
        var payload = ByteWriter()
        payload.optional(entry.document) { $0.document($1) }
        payload.array(entry.findings) { $0.finding($1) }
        let bytes = payload.exactBytes
        var summary = ByteWriter()
        summary.summary(of: entry.document, findings: entry.findings)
        return Encoded(size: entry.size, digest: ArraySlice(digest(of: bytes)), summary: ArraySlice(summary.exactBytes),
                       payload: ArraySlice(bytes))
    }

    /// The digest of an encoded payload: the git blob id of its bytes, as 40 hexadecimal
    /// digits. Two documents with the same digest decode to the same document (whatever
    /// bytes their files held), so rules that read only decoded documents find the same.
    private static func digest(of payload: [UInt8]) -> [UInt8] {
        Array((blobID(of: payload)?.hex ?? "").utf8)
    }

    /// An entry's bytes as its slot of the file holds them.
    private struct Encoded: Sendable {
        var size: Int
        var digest: ArraySlice<UInt8>
        var summary: ArraySlice<UInt8>
        var payload: ArraySlice<UInt8>
    }

    /// An entry about to be written: as the file held it, or as this run decoded it.
    private enum Stored: Sendable {
        /// Its size, digest and encoded payload, as `entry(in:)` reads it.
        case encoded(Encoded)
        case decoded(Entry)

        init(encoding entry: Entry) {
            self = .encoded(DecodeCache.encoded(entry))
        }
    }

    /// The entries written together: those decoded are encoded side by side on the workers,
    /// and only one group's bytes are held at a time.
    private static let encodedTogether = 256

    /// The bytes of a cache file holding the entry of each of `keys` (sorted), handed to `put`
    /// some 64 KiB at a time (a payload of that size or more as it is), so that the file is
    /// never all in memory twice. Each entry is asked of `entry` as it is written, a group at a
    /// time, so that no more than a group's entries are held; should `entry` have none (its
    /// callers never lack one), the file stops there and is refused as torn when read.
    private static func stream(_ keys: [Key], retired: [(key: String, value: [String: String])], entry: (Key) -> Stored?,
                               to put: (UnsafeRawBufferPointer) -> Bool) {
        let piece = 1 << 16
        var writer = ByteWriter(magic: magic, formatVersion: formatVersion, versioned: true)
        writer.reserve(piece)
        var failed = false
        func flush() {
            guard !failed, !writer.bytes.isEmpty else { return }
            failed = !writer.bytes.withUnsafeBytes(put)
            writer.clear()
        }
        writer.int(keys.count)
        for start in stride(from: 0, to: keys.count, by: encodedTogether) {
            let group = keys[start..<min(start + encodedTogether, keys.count)]
            var entries: [Stored] = []
            entries.reserveCapacity(group.count)
            for key in group {
                guard let stored = entry(key) else {
                    flush()
                    return
                }
                entries.append(stored)
            }
            for (key, encoded) in zip(group, payloads(of: entries)) {
                let payload = encoded.payload
                writer.string(key.text)
                writer.int(encoded.size)
                writer.int(encoded.digest.count)
                writer.raw(encoded.digest)
                writer.int(encoded.summary.count)
                writer.raw(encoded.summary)
                writer.int(payload.count)
                if writer.bytes.count + payload.count > piece { flush() }
                if payload.count >= piece {
                    if !failed { failed = !payload.withUnsafeBytes(put) }
                } else {
                    writer.raw(payload)
                }
                if failed { return }
            }
        }
        writer.array(retired) { writer, pair in
            writer.string(pair.key)
            writer.array(pair.value.sorted { $0.key < $1.key }) { writer, item in
                writer.string(item.key)
                writer.string(item.value)
            }
        }
        flush()
    }

    /// The size and payload of each entry, in order; those decoded are encoded in parallel
    /// when there are enough to share out.
    private static func payloads(of group: [Stored]) -> [Encoded] {
        let decoded = group.filter { if case .decoded = $0 { true } else { false } }.count
        @Sendable func payload(_ stored: Stored) -> Encoded {
            switch stored {
            case .encoded(let encoded): encoded
            case .decoded(let entry): encoded(entry)
            }
        }
        guard decoded >= 32 else { return group.map(payload) }
        let slots = ResultSlots<Encoded>(count: group.count)
        DispatchQueue.concurrentPerform(iterations: group.count) { slots.set($0, payload(group[$0])) }
        return slots.values
    }

    /// Replaces the cache file with the entries of `keys` (sorted) and the retired ids given,
    /// each entry taken as it is written: as this run stored it, else as the file holds it.
    private func write(_ keys: [Key], retired: [(key: String, value: [String: String])]) {
        AtomicFile.replaceQuietly(.streamed { put in Self.stream(keys, retired: retired, entry: self.storedLocked, to: put) }, at: url)
    }

    /// The entry under `key` as it is to be written.
    private func storedLocked(_ key: Key) -> Stored? {
        if let fresh = added[key] { return fresh }
        return slots[key].flatMap(slot).map { .encoded(encoded(at: $0)) }
    }

    /// The decoded file with this blob id, when the cache has it: a stored entry is decoded
    /// anew on each call; one this run stored is handed out as a copy (a document is a
    /// value, so whoever changes it changes its own).
    func lookup(_ blob: ObjectID) -> Entry? {
        let key = Key.blob(blob)
        lock.lock()
        let fresh = added[key]
        lock.unlock()
        switch fresh {
        case .decoded(let entry): return entry
        case .encoded(let encoded): return Self.entry(in: encoded.payload, size: encoded.size)
        case nil: break
        }
        guard let number = slots[key] else { return nil }
        guard let slot = slot(number), let entry = Self.entry(in: bytes, slot) else {
            lock.lock()
            misses += 1
            lock.unlock()
            return nil
        }
        lock.lock()
        usedSlots.insert(number)
        lock.unlock()
        return entry
    }

    /// Makes room for `count` more entries stored this run, so that a plan decoded anew
    /// (a cold cache) does not grow the table under the lock, again and again, while other
    /// threads wait to store theirs.
    func expectStores(_ count: Int) {
        lock.lock()
        added.reserveCapacity(added.count + count)
        lock.unlock()
    }

    /// Keeps `entry` under `blob`: as it is with `keepsDecoded` (encoded when the file is
    /// written), else encoded at once on the caller's thread.
    func store(_ blob: ObjectID, _ entry: Entry) {
        let stored = keepsDecoded ? Stored.decoded(entry) : Stored(encoding: entry)
        let key = Key.blob(blob)
        lock.lock()
        added[key] = stored
        misses += 1
        lock.unlock()
    }

    /// How many commits' retired ids are kept: those this run used, then those the file
    /// held, the last run's first. A check of the working tree asks for HEAD's, a check of a
    /// revision (a baseline's gate, a range's head) for its parent's: each would otherwise
    /// drop the other's, and walk the whole history again the next time.
    static let retiredKept = 4

    /// The retired ids written: this run's (by key), then those the file held that it did
    /// not use, in the file's order, up to `retiredKept` (all of this run's). Call with the lock held.
    private func retiredKept() -> [(key: String, value: [String: String])] {
        var kept = usedRetired.sorted { $0.key < $1.key }
        for stored in storedRetired where kept.count < Self.retiredKept && usedRetired[stored.key] == nil {
            kept.append(stored)
        }
        return kept
    }

    /// The key of the ids retired before `commit` (its history included) in `planRoot`.
    static func retiredKey(_ commit: String, planRoot: String) -> String {
        commit + "\u{0}" + planRoot
    }

    /// The ids retired in a commit's history, when the cache has them.
    func retired(_ key: String) -> [String: String]? {
        lock.lock()
        defer { lock.unlock() }
        guard let value = usedRetired[key] ?? storedRetired.first(where: { $0.key == key })?.value else { return nil }
        usedRetired[key] = value
        return value
    }

    func storeRetired(_ key: String, _ value: [String: String]) {
        lock.lock()
        usedRetired[key] = value
        misses += 1
        lock.unlock()
    }

    /// Writes what this run used, when it parsed anything new; failures are ignored. A run
    /// that reads beside the plan rather than the plan itself (the commits of a range, other
    /// branches) keeps the stored entries it did not use (`keepingUnused`), so that the next
    /// check of the plan finds them. The retired ids of the last few commits asked about are
    /// kept either way (`retiredKept`).
    func save(keepingUnused: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        // Only the keys are gathered and sorted; each entry is taken as it is written.
        var keys: [Key] = []
        if keepingUnused {
            guard misses > 0 else { return }
            keys.reserveCapacity(slots.count + added.count)
            keys.append(contentsOf: added.keys)
            keys.append(contentsOf: slots.keys.lazy.filter { self.added[$0] == nil })
            keys.sort()
            write(keys, retired: retiredKept())
            return
        }
        let used = slots.lazy.filter { self.usedSlots.contains($0.value) && self.added[$0.key] == nil }.map(\.key)
        let usedCount = used.count
        let retired = retiredKept()
        guard misses > 0 || usedCount + added.count != slots.count || Set(retired.map(\.key)) != Set(storedRetired.map(\.key)) else { return }
        keys.reserveCapacity(usedCount + added.count)
        keys.append(contentsOf: added.keys)
        keys.append(contentsOf: used)
        keys.sort()
        write(keys, retired: retired)
    }

    /// The digest of the decoded file with each blob id (`digest(of:)`), in order, when the
    /// cache holds it: read from the file for a stored entry; for one this run decoded, its
    /// entry is encoded now and kept encoded (so that the file is written with the same bytes).
    /// `numbers`: `storedNumbers(of:)` of the same blob ids, when the caller has them.
    func digests(ofEntries blobs: [ObjectID], numbers: [UInt32?]? = nil) -> [ArraySlice<UInt8>?] {
        lock.lock()
        defer { lock.unlock() }
        // A number looked up already stands for the stored entry, when this run added none.
        if let numbers, numbers.count == blobs.count, added.isEmpty { return numbers.map { $0.flatMap(slot).map { bytes[$0.digest] } } }
        return blobs.map(digestLocked)
    }

    private func digestLocked(_ blob: ObjectID) -> ArraySlice<UInt8>? {
        let key = Key.blob(blob)
        switch added.isEmpty ? nil : added[key] {
        case .encoded(let encoded): return encoded.digest
        case .decoded(let entry):
            let encoded = Self.encoded(entry)
            added[key] = .encoded(encoded)
            return encoded.digest
        case nil: return slots[key].flatMap(slot).map { bytes[$0.digest] }
        }
    }

    /// A stored entry's bytes, as the file holds them.
    private func encoded(at slot: Slot) -> Encoded {
        Encoded(size: slot.size, digest: bytes[slot.digest], summary: bytes[slot.summary], payload: bytes[slot.range])
    }

    /// The size of the stored file numbered `number` (`storedNumbers(of:)`; nothing is
    /// decoded), with, when `summarized`, the summary of its document as the document at
    /// `path` (`Document.isSummary`): nil where the file holds none (the document has findings
    /// of its own). The caller marks the entries it took so as used (`markUsed`), a batch at a time.
    func stored(number: UInt32, path: String, summarized: Bool) -> (size: Int, summary: Document?)? {
        guard let slot = slot(number) else { return nil }
        return (slot.size, summarized ? summary(of: slot, path: path) : nil)
    }

    /// The number of the stored entry of each blob id (nil for none, or no blob id): found
    /// once for the several things a load asks of each file's entry.
    func storedNumbers(of blobs: [ObjectID?]) -> [UInt32?] {
        blobs.map { blob in blob.flatMap { slots[.blob($0)] } }
    }

    private func summary(of slot: Slot, path: String) -> Document? {
        var reader = ByteReader(bytes, range: slot.summary)
        return try? reader.summary(path: path)
    }

    /// Keeps the stored entries with these numbers (`storedNumbers(of:)`) when the file is written.
    func markUsed(numbers: [UInt32]) {
        lock.lock()
        for number in numbers { usedSlots.insert(number) }
        lock.unlock()
    }

    /// How many entries this run decoded anew.
    var addedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return added.count
    }

    /// The bytes of the file at `url`, read straight into the array (no copy through
    /// `Data`); none when it cannot be read.
    static func bytes(at url: URL) -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return [] }
        let size = Int(info.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else { break }
                count += read
            }
            complete = count == size
        }
        return complete ? bytes : []
    }

    /// The git blob id of the bytes (a file's, or an encoded payload's), hashed where they lie.
    static func blobID(of bytes: some ContiguousBytes) -> ObjectID? {
        try? bytes.withUnsafeBytes { try Repository.blobID(for: $0) }
    }
}

/// Facts about the kit itself.
public enum SMSPlanKitInfo {
    /// smsplan's version; the CLI reports it, baselines and the cache record it.
    public static let version = "0.1.0"
}
