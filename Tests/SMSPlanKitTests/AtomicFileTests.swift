import Foundation
import XCTest
@testable import SMSPlanKit

/// Atomic writes, the link refusal and undoing a half-done change, on a temporary folder.
final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("root"), withIntermediateDirectories: true)
        folder = folder.resolvingSymlinksInPath()
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private var root: URL { folder.appendingPathComponent("root") }

    private func names(in url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    private func mode(_ url: URL) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    func testWritesANewFileAndRefusesAnExistingOne() throws {
        let file = root.appendingPathComponent("a/b/new.md")
        try AtomicFile.write(Data("one\n".utf8), to: file, within: root)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "one\n")
        XCTAssertEqual(names(in: file.deletingLastPathComponent()), ["new.md"], "no temporary file left")
        XCTAssertThrowsError(try AtomicFile.write(Data("two\n".utf8), to: file)) { error in
            guard case SMSPlanError.wouldOverwrite = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "one\n")
    }

    func testReplacingKeepsTheModeAndAnExplicitModeWins() throws {
        let file = root.appendingPathComponent("private.md")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try AtomicFile.write(Data("new\n".utf8), to: file, overwrite: true)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "new\n")
        XCTAssertEqual(try mode(file), 0o600)
        let hook = root.appendingPathComponent("hook")
        try AtomicFile.write(Data("#!/bin/sh\n".utf8), to: hook, permissions: 0o755)
        XCTAssertEqual(try mode(hook), 0o755)
        XCTAssertEqual(names(in: root), ["hook", "private.md"])
    }

    func testLinksOutOfTheRootAreRefusedAndLinksInsideAreNot() throws {
        let outside = folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("out").path, withDestinationPath: outside.path)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: root.appendingPathComponent("out/deeper/x.md"), within: root)) { error in
            XCTAssertTrue("\(error)".contains("out is a symbolic link to \(outside.path), which leads outside \(self.root.path)"), "\(error)")
        }
        XCTAssertEqual(names(in: outside), [])

        try FileManager.default.createDirectory(at: root.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("alias").path, withDestinationPath: "real")
        try AtomicFile.write(Data("x".utf8), to: root.appendingPathComponent("alias/x.md"), within: root)
        XCTAssertEqual(names(in: root.appendingPathComponent("real")), ["x.md"])

        let target = root.appendingPathComponent("real/x.md")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.md").path, withDestinationPath: target.path)
        XCTAssertThrowsError(try AtomicFile.write(Data("y".utf8), to: root.appendingPathComponent("link.md"), overwrite: true, within: root))
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "x", "never written through a link")
    }

    func testAFailedWriteRemovesTheFoldersItMade() throws {
        let tooLong = root.appendingPathComponent("made/for/it").appendingPathComponent(String(repeating: "n", count: 300) + ".md")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: tooLong, within: root))
        XCTAssertEqual(names(in: root), [], "made/for/it removed again")
    }

    func testATransactionThatFailsPutsEveryFileBack() throws {
        let kept = root.appendingPathComponent("kept.md")
        try Data("original\n".utf8).write(to: kept)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: kept.path)
        let transaction = WriteTransaction(within: root)
        XCTAssertThrowsError(try transaction.run { transaction throws(SMSPlanError) in
            try transaction.write(Data("replaced\n".utf8), to: kept, overwrite: true)
            try transaction.write(Data("new\n".utf8), to: self.root.appendingPathComponent("sub/new.md"))
            try transaction.write(Data("fails\n".utf8), to: self.root.appendingPathComponent(String(repeating: "n", count: 300)))
        })
        XCTAssertEqual(try String(contentsOf: kept, encoding: .utf8), "original\n")
        XCTAssertEqual(try mode(kept), 0o640)
        XCTAssertEqual(names(in: root), ["kept.md"], "the new file and its folder are gone, no temporary file")
    }

    func testACacheWriteNeverFails() {
        AtomicFile.replaceQuietly(Data("x".utf8), at: URL(fileURLWithPath: "/proc/smsplan/cannot/be/here.json"))
        AtomicFile.replaceQuietly(Data("x".utf8), at: root.appendingPathComponent(String(repeating: "n", count: 300)))
        XCTAssertEqual(names(in: root), [])
    }
}
