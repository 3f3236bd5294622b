import Foundation
import TestSupport
import XCTest

/// Concurrency and faults with the real binary: racing baselines, killed runs, a torn decode
/// cache, a repository the user cannot write.
final class FaultCommandTests: XCTestCase {
    private var repository: TestRepository!

    override func tearDown() {
        if let repository {
            chmodTree(repository.sandbox, writable: true)
            repository.remove()
        }
    }

    private let identity = [
        "GIT_AUTHOR_NAME": "Ada Lovelace", "GIT_AUTHOR_EMAIL": "ada@example.com",
        "GIT_COMMITTER_NAME": "Ada Lovelace", "GIT_COMMITTER_EMAIL": "ada@example.com",
    ]

    /// Every file under `folder`, hidden ones and the git directory included, relative to it.
    private func files(under folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            found.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return found.sorted()
    }

    /// smsplan's own temporary files, and anything in its cache folder but the cache: what a
    /// killed or failed run must never leave. (libgit2's own lock and object files are git's.)
    private func temporaryFiles(under folder: URL) -> [String] {
        let kept = ["/front-matter-cache", "/document-findings", "/whole-plan-findings", "/whole-plan-reports"]
        return files(under: folder).filter { path in
            (path.contains(".smsplan-") && path.hasSuffix(".tmp")) || (path.contains(".git/smsplan/") && !kept.contains { path.hasSuffix($0) })
        }
    }

    private func chmodTree(_ folder: URL, writable: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chmod", "-R", writable ? "u+w" : "a-w", folder.path]
        try? process.run()
        process.waitUntilExit()
    }

    // MARK: - Two baselines at once

    func testTwoBaselineCreatesAtOnceMakeOneTagAndOneClearRefusal() throws {
        repository = try TestRepository()
        let created = try SMSPlanBinary.run(["init", "--example", "--commit"], in: repository.directory, environment: identity)
        XCTAssertEqual(created.status, 0, created.errors)
        for (tag, extra) in [("baseline/phase-1", [String]()), ("baseline/phase-1.r2", ["--revision", "2"])] {
            let refsBefore = try repository.git("for-each-ref", "--format=%(refname)")
            let objectsBefore = Set(try repository.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").split(separator: "\n"))
            let runs = try (0..<2).map { _ in
                try SMSPlanBinary.start(["baseline", "create", "1"] + extra, in: repository.directory, environment: identity)
            }
            let results = runs.map { $0.wait() }.sorted { $0.status < $1.status }
            XCTAssertEqual(results.map(\.status), [0, 1], results.map { $0.output + $0.errors }.joined(separator: "\n---\n"))
            XCTAssertTrue(results[0].output.hasPrefix("created tag \(tag) at "), results[0].output)
            XCTAssertTrue(results[1].output.hasPrefix("phase 1 is baselined already: \(tag) exists ("), results[1].output)
            XCTAssertEqual(results[1].errors, "")

            let refsAfter = try repository.git("for-each-ref", "--format=%(refname)")
            XCTAssertEqual(Set(refsAfter.split(separator: "\n")).subtracting(refsBefore.split(separator: "\n")), ["refs/tags/\(tag)"])
            let objectsAfter = Set(try repository.git("cat-file", "--batch-all-objects", "--batch-check=%(objectname)").split(separator: "\n"))
            XCTAssertEqual(objectsAfter.subtracting(objectsBefore), [Substring(try repository.git("rev-parse", "refs/tags/\(tag)"))],
                           "one tag object, nothing else created")
        }
        XCTAssertEqual(try repository.git("tag", "--list"), "baseline/phase-1\nbaseline/phase-1.r2")
        XCTAssertEqual(temporaryFiles(under: repository.directory), [])
    }

    // MARK: - Killed runs

    func testAKilledInitLeavesWholeFilesAndNoTemporaryOnes() throws {
        repository = try TestRepository()
        let template = ProjectFiles.planTemplate
        for (attempt, delay) in [5_000, 20_000, 40_000, 70_000, 110_000, 160_000].enumerated() {
            let folder = repository.sandbox.appendingPathComponent("killed-\(attempt)")
            let run = try SMSPlanBinary.start(["init", folder.path, "--example", "--commit"], in: repository.sandbox, environment: identity)
            usleep(useconds_t(delay))
            run.kill()
            guard FileManager.default.fileExists(atPath: folder.path) else { continue }
            XCTAssertEqual(temporaryFiles(under: folder), [], "attempt \(attempt)")
            for file in files(under: folder) where !file.hasPrefix(".git/") && file != "smsplan.yaml" {
                let written = try Data(contentsOf: folder.appendingPathComponent(file))
                XCTAssertEqual(written, try Data(contentsOf: template.appendingPathComponent(file)), "\(file) is whole (attempt \(attempt))")
            }
            for hook in ["pre-commit", "pre-push"] {
                let url = folder.appendingPathComponent(".git/hooks/\(hook)")
                guard let script = FileManager.default.contents(atPath: url.path) else { continue }
                XCTAssertTrue(String(decoding: script, as: UTF8.self).hasPrefix("#!"), "\(hook) is whole")
            }
        }
    }

    func testAKilledCheckLeavesNoTemporaryFileAndAUsableCache() throws {
        repository = try TestRepository()
        try repository.write("smsplan.yaml", HostileCorpus.config)
        try repository.write("roles.yaml", HostileCorpus.roles)
        for number in 1...500 {
            try repository.write("policies/p\(number).md", HostileCorpus.policy(id: String(format: "POL-%04d", number)))
        }
        try repository.commitAll("Many policies")
        let cacheFolder = repository.directory.appendingPathComponent(".git/smsplan")
        let reference = try SMSPlanBinary.run(["check", "--rev", "HEAD"], in: repository.directory)
        for delay in [80_000, 200_000, 350_000] {
            try? FileManager.default.removeItem(at: cacheFolder)
            let run = try SMSPlanBinary.start(["check", "--rev", "HEAD"], in: repository.directory)
            usleep(useconds_t(delay))
            run.kill()
            let left = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)) ?? []
            XCTAssertTrue(left.allSatisfy { ["front-matter-cache", "document-findings", "whole-plan-findings"].contains($0) }, "after \(delay) µs: \(left)")
            XCTAssertEqual(temporaryFiles(under: repository.directory), [])
            let again = try SMSPlanBinary.run(["check", "--rev", "HEAD"], in: repository.directory)
            XCTAssertEqual(again.output, reference.output)
        }
    }

    // MARK: - A torn decode cache

    func testATornOrGarbledCacheGivesTheSameResultAndIsRebuilt() throws {
        repository = try TestRepository.withPlanTemplate()
        try repository.write("policies/broken.md", "---\nid: POL-777\ntitle: [\n---\n")
        let cache = repository.directory.appendingPathComponent(".git/smsplan/front-matter-cache")
        let reference = try SMSPlanBinary.run(["check"], in: repository.directory)
        XCTAssertEqual(reference.status, 1)
        let whole = try Data(contentsOf: cache)
        XCTAssertTrue(whole.starts(with: Data("smsplan decode cache\n".utf8)), "the cache file's header")
        let damaged: [(String, Data)] = [
            ("truncated", whole.prefix(whole.count / 2)),
            ("empty", Data()),
            ("garbage", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })),
            ("another shape", Data("{\"format\": 2, \"tool\": \"0.1.0\", \"entries\": [1, 2, 3]}".utf8)),
            ("NUL bytes", Data(repeating: 0, count: 512)),
        ]
        for (name, data) in damaged {
            try data.write(to: cache)
            let result = try SMSPlanBinary.run(["check"], in: repository.directory)
            XCTAssertEqual(result.status, reference.status, name)
            XCTAssertEqual(result.output, reference.output, name)
            XCTAssertEqual(result.errors, "", name)
            XCTAssertEqual(try Data(contentsOf: cache), whole, "\(name): the cache is rebuilt")
        }
        // A folder where the cache file should be: the check works, without a cache.
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.createDirectory(at: cache.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        let blocked = try SMSPlanBinary.run(["check"], in: repository.directory)
        XCTAssertEqual(blocked.output, reference.output)
        XCTAssertEqual(blocked.errors, "")
        XCTAssertEqual(temporaryFiles(under: repository.directory), [])
    }

    // MARK: - A repository the user cannot write

    func testAReadOnlyRepositoryIsCheckedWithoutErrors() throws {
        repository = try TestRepository.withPlanTemplate()
        try repository.write("policies/broken.md", "---\nid: POL-777\ntitle: [\n---\n")
        try repository.git("add", "-A")
        let cache = repository.directory.appendingPathComponent(".git/smsplan")
        try? FileManager.default.removeItem(at: cache)
        let home = repository.sandbox.appendingPathComponent("reader-home")
        var references: [[String]: CommandResult] = [:]
        for arguments in [["check"], ["check", "--staged"], ["check", "--rev", "HEAD"], ["status"]] {
            references[arguments] = try SMSPlanBinary.run(arguments, in: repository.directory)
            try? FileManager.default.removeItem(at: cache)
        }
        chmodTree(repository.directory, writable: false)
        for (arguments, reference) in references {
            guard let result = try SMSPlanBinary.runWithoutWriteAccess(arguments, in: repository.directory, repository: repository.directory, home: home) else {
                throw XCTSkip("no way to run without write access here")
            }
            XCTAssertEqual(result.status, reference.status, "\(arguments): \(result.errors)")
            XCTAssertEqual(result.output, reference.output, "\(arguments)")
            XCTAssertEqual(result.errors, "", "\(arguments): no error from the cache it could not write")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path), "nothing was written")
    }
}
