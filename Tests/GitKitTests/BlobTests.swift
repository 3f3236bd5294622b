import Foundation
import GitKit
import TestSupport
import XCTest

final class BlobTests: XCTestCase {
    func testBlobDataRoundTrip() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        let binary = Data([0, 1, 2, 0xff, 0xfe, 0x0a, 0x0d, 0x80, 0]) + Data("naïve – text\n".utf8)
        try fixture.write("binary.bin", binary)
        try fixture.write("empty.txt", Data())
        let head = try XCTUnwrap(ObjectID(hex: fixture.commitAll("Add blobs")))
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let entries = try repository.treeEntries(of: head)
        let binaryBlob = try XCTUnwrap(entries.first { $0.path == "binary.bin" }).blob
        let emptyBlob = try XCTUnwrap(entries.first { $0.path == "empty.txt" }).blob

        XCTAssertEqual(try repository.blobData(binaryBlob), binary)
        XCTAssertEqual(try repository.blobSize(binaryBlob), binary.count)
        XCTAssertEqual(try repository.blobData(emptyBlob), Data())
        XCTAssertEqual(try repository.blobSize(emptyBlob), 0)
        XCTAssertEqual(try Repository.blobID(for: binary), binaryBlob)
    }

    func testBlobIDMatchesGitHashObject() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        let samples = [
            Data(), Data("hello\n".utf8), Data([0, 0xff, 0x0a]),
            Data(String(repeating: "line of text\n", count: 5000).utf8),
        ]

        for sample in samples {
            let expected = try fixture.git(["hash-object", "--stdin"], input: sample)
            XCTAssertEqual(try Repository.blobID(for: sample).hex, expected, "\(sample.count) bytes")
        }
        XCTAssertEqual(try Repository.blobID(for: Data()).hex, "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        XCTAssertEqual(try fixture.git("count-objects"), "0 objects, 0 kilobytes", "hashing must write nothing")
    }

    func testMissingAndNonBlobObjectsThrow() throws {
        let fixture = try TestRepository()
        defer { fixture.remove() }
        try fixture.write("dir/a.txt", "a\n")
        try fixture.commitAll("First")
        let repository = try Repository.open(at: fixture.directory, environment: [:])
        let tree = try XCTUnwrap(ObjectID(hex: fixture.git("rev-parse", "HEAD:dir")))
        let missing = try XCTUnwrap(ObjectID(hex: String(repeating: "0123456789", count: 4)))

        XCTAssertThrowsError(try repository.blobData(missing)) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
            XCTAssertEqual((error as? GitError)?.function, "git_blob_lookup")
        }
        XCTAssertThrowsError(try repository.blobSize(missing)) { error in
            XCTAssertEqual((error as? GitError)?.isNotFound, true, "\(error)")
        }
        XCTAssertThrowsError(try repository.blobSize(tree)) { error in
            XCTAssertTrue("\(error)".contains("not a blob"), "\(error)")
        }
        XCTAssertThrowsError(try repository.blobData(tree))
    }
}
