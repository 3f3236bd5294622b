import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The decode cache never changes a result: with or without it, cold or warm, corrupt or torn.
final class DecodeCacheTests: XCTestCase {
    private var repository: TestRepository!

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
        let policy = "policies/service-management-policy.md"
        try repository.write(policy, try repository.read(policy) + "\nAn edit without a new version.\n")
        try repository.write("procedures/broken.md", "---\nid: PRO-900\ntitle: [broken\n---\n")
    }

    override func tearDown() {
        repository.remove()
    }

    private var cacheFile: URL { repository.url(".git/smsplan/\(DecodeCache.fileName)") }

    private func check(cache: Bool) throws -> [String] {
        let result = try Checker.check(CheckRequest(directory: repository.directory, environment: [:], now: Date(timeIntervalSince1970: 1_796_000_000),
                                                    useCache: cache))
        return ["\(result.documentCount) documents"] + result.diagnostics.map { "\($0.path):\($0.line):\($0.column) \($0.rule) \($0.message)" }
    }

    func testResultsAreTheSameWithAndWithoutTheCache() throws {
        let uncached = try check(cache: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cacheFile.path))
        XCTAssertTrue(uncached.contains { $0.contains("approved-content-changed") }, "\(uncached)")
        XCTAssertTrue(uncached.contains { $0.contains("front-matter-invalid") }, "\(uncached)")
        XCTAssertEqual(try check(cache: true), uncached, "cold")
        XCTAssertTrue(FileManager.default.fileExists(atPath: cacheFile.path))
        XCTAssertEqual(try check(cache: true), uncached, "warm")
    }

    /// The blob ids the cache file holds.
    private func cachedBlobs() throws -> Set<String> {
        Set(try XCTUnwrap(DecodeCache.decode([UInt8](try Data(contentsOf: cacheFile)))).keys)
    }

    func testCheckingARangeKeepsWhatTheNextCheckOfThePlanNeeds() throws {
        try repository.write("policies/broken.md", "---\nid: POL-900\ntitle: [broken\n---\n")
        _ = try repository.commitAll("A commit for the range")
        _ = try check(cache: true)
        let planBlobs = try cachedBlobs()
        _ = try Checker.check(CheckRequest(directory: repository.directory, target: .range("HEAD~1..HEAD"), environment: [:],
                                           now: Date(timeIntervalSince1970: 1_796_000_000), useCache: true))
        XCTAssertTrue(planBlobs.isSubset(of: try cachedBlobs()), "the working tree's entries are still cached after check --range")
    }

    /// The ids retired before a commit are kept for the last few commits asked about, so that
    /// a check of the working tree (HEAD's) and of a revision (its parent's) keep each other's.
    func testRetiredIDsOfTheCommitsAskedAboutLastAreKept() throws {
        let gitDirectory = repository.url(".git")
        func cache() -> DecodeCache { DecodeCache(gitDirectory: gitDirectory) }
        let keys = (1...6).map { DecodeCache.retiredKey(String(repeating: "\($0)", count: 40), planRoot: "") }
        let first = cache()
        for key in keys.prefix(3) { first.storeRetired(key, ["POL-\(key.prefix(1))": "policies/gone.md"]) }
        first.save()
        let second = cache()
        XCTAssertEqual(second.retired(keys[2]), ["POL-3": "policies/gone.md"])
        second.save()
        let third = cache()
        XCTAssertEqual(keys.prefix(3).map { third.retired($0) != nil }, [true, true, true], "a run that used one keeps the others")
        let fourth = cache()
        _ = fourth.retired(keys[2])
        fourth.storeRetired(keys[3], [:])
        fourth.storeRetired(keys[4], [:])
        fourth.save()
        let fifth = cache()
        // Those used (3, 4, 5), then the first the file held that was not used (1); 2 goes.
        XCTAssertEqual(keys.prefix(5).map { fifth.retired($0) != nil }, [true, false, true, true, true])
        fifth.storeRetired(keys[5], [:])
        fifth.save()
        XCTAssertEqual(keys.map { cache().retired($0) != nil }.filter { $0 }.count, 5, "those used are all kept")
    }

    func testDocumentsKeptAsDecodedAreWrittenAsTheyWouldBeEncodedAtOnce() throws {
        // More documents than one group the file is written in, so that groups and their
        // parallel encoding are both used.
        for number in 0..<300 {
            try repository.write("procedures/generated-\(number).md", """
                ---
                id: PRO-\(500 + number)
                title: "Generated procedure \(number)"
                type: procedure
                ---
                # Generated procedure \(number)

                See [the policy](../policies/service-management-policy.md).

                """)
        }
        let request = CheckRequest(directory: repository.directory, environment: [:], now: Date(timeIntervalSince1970: 1_796_000_000))
        _ = try Checker.check(request)
        let kept = try Data(contentsOf: cacheFile)
        try FileManager.default.removeItem(at: cacheFile)
        let repositoryHandle = try Checker.openRepository(request)
        let encodedAtOnce = DecodeCache(gitDirectory: repositoryHandle.commonDirectory, keepingDecoded: false)
        _ = try Checker.load(request, sharing: encodedAtOnce)
        encodedAtOnce.save()
        XCTAssertEqual(try XCTUnwrap(DecodeCache.decode([UInt8](kept))).count, try XCTUnwrap(DecodeCache.decode([UInt8](try Data(contentsOf: cacheFile)))).count)
        XCTAssertGreaterThan(try cachedBlobs().count, 300)
        XCTAssertEqual(try Data(contentsOf: cacheFile), kept, "the same file, byte for byte")
    }

    func testACorruptOrTornCacheIsIgnoredAndRebuilt() throws {
        let expected = try check(cache: false)
        _ = try check(cache: true)
        let good = try Data(contentsOf: cacheFile)
        for damaged in [Data("not a cache".utf8), good.prefix(good.count / 2), Data(good.map { $0 ^ 0x5A }), Data()] {
            try damaged.write(to: cacheFile)
            XCTAssertEqual(try check(cache: true), expected)
            XCTAssertEqual(try Data(contentsOf: cacheFile), good, "rebuilt after damage")
        }
    }

    func testADamagedEntryOfAFileTheIndexVouchesForIsParsedAgain() throws {
        // The index written after the files: unchanged files are taken from the cache unread.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 10)],
                                              ofItemAtPath: repository.url(".git/index").path)
        let expected = try check(cache: false)
        _ = try check(cache: true)
        let good = try [UInt8](Data(contentsOf: cacheFile))
        // The length of one title inside its entry made wrong: only that entry is damaged.
        let title = Array("Predictive capacity analysis".utf8)
        let start = try XCTUnwrap((0..<good.count - title.count).first { good[$0..<$0 + title.count].elementsEqual(title) })
        var damaged = good
        damaged[start - 1] = 0x7F
        XCTAssertNil(DecodeCache.decode(damaged), "the entry no longer decodes")
        try Data(damaged).write(to: cacheFile)
        // The whole-plan findings replayed, the document is read as its summary, which is intact.
        XCTAssertEqual(try check(cache: true), expected)
        // A check that reads the document in full parses the file again and keeps it.
        try? FileManager.default.removeItem(at: repository.url(".git/smsplan/\(WholePlanMemo.fileName)"))
        XCTAssertEqual(try check(cache: true), expected)
        XCTAssertEqual(try [UInt8](Data(contentsOf: cacheFile)), good, "rewritten with the entry parsed again")
    }

    func testKeysReadBackAndSortAsTheirTexts() throws {
        var generator = SystemRandomNumberGenerator()
        let randomIDs = (0..<200).map { _ in String((0..<40).map { _ in Array("0123456789abcdef")[Int.random(in: 0..<16, using: &generator)] }) }
        let others = ["policies/a.md", "0123456789ABCDEF0123456789abcdef01234567", "0123456789abcdef0123456789abcdef0123456",
                      "0123456789abcdef0123456789abcdef012345678", "g123456789abcdef0123456789abcdef01234567", "", "é", "a"]
        let texts = randomIDs + ["0000000000000000000000000000000000000000", "ffffffffffffffffffffffffffffffffffffffff"] + others
        let keys = texts.map(DecodeCache.Key.init)
        XCTAssertEqual(keys.map(\.text), texts)
        XCTAssertEqual(keys.filter { if case .blob = $0 { true } else { false } }.count, texts.count - others.count,
                       "only 40 lowercase hexadecimal digits are a blob id")
        XCTAssertEqual(keys.sorted().map(\.text), texts.sorted())
        let entries = Dictionary(uniqueKeysWithValues: texts.map { ($0, DecodeCache.Entry(document: nil, findings: [], size: $0.utf8.count)) })
        let bytes = DecodeCache.encode(entries)
        let decoded = try XCTUnwrap(DecodeCache.decode(bytes))
        XCTAssertEqual(Set(decoded.keys), Set(texts))
        XCTAssertEqual(decoded.mapValues(\.size), entries.mapValues(\.size))
        XCTAssertEqual(DecodeCache.encode(decoded), bytes)
    }

    func testTheBinaryFormRoundTripsEveryTemplateDocument() throws {
        let plan = try Checker.load(CheckRequest(directory: repository.directory, environment: [:], useCache: false))
        var entries: [String: DecodeCache.Entry] = [:]
        for document in plan.corpus.documents {
            var stored = document
            stored.contents = Data()
            stored.blobID = nil
            entries[document.path] = DecodeCache.Entry(document: stored, findings: [Finding("field-unknown", at: .fileStart, "x", path: nil)],
                                                           size: document.contents.count)
        }
        let bytes = DecodeCache.encode(entries)
        let decoded = try XCTUnwrap(DecodeCache.decode(bytes))
        XCTAssertEqual(decoded.count, plan.corpus.documents.count)
        XCTAssertEqual(DecodeCache.encode(decoded), bytes, "decoding then encoding gives the same bytes")
        let policy = try XCTUnwrap(decoded["policies/service-management-policy.md"]?.document)
        XCTAssertEqual(policy.id?.value, "POL-001")
        XCTAssertEqual(policy.version?.location, SourceLocation(line: 5, column: 10))
        XCTAssertEqual(policy.history.count, plan.corpus.byID["POL-001"]?.history.count)
        XCTAssertNil(DecodeCache.decode(Array(bytes.dropLast())), "a torn file is refused")
    }
}
