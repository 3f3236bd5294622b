import Foundation
import TestSupport
import XCTest

/// `make run` as the README promises it: the reports it names exist where it says.
final class MakeRunTests: XCTestCase {
    /// `make reports` is `make run` after its build; it runs here with the binary under test
    /// and a reports folder of its own, and the paths it prints are opened.
    func testMakeRunWritesTheDashboardWhereItSays() throws {
        // Relative, as make run's own `.build/reports` is: taken from the project's top folder.
        let reports = ".build/test-reports-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(at: ProjectFiles.root.appendingPathComponent(reports))
            try? FileManager.default.removeItem(at: ProjectFiles.planTemplate.appendingPathComponent(reports))
        }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["make", "--no-print-directory", "-C", ProjectFiles.root.path, "reports",
                          "BIN_DIR=\(SMSPlanBinary.url.deletingLastPathComponent().path)", "REPORTS=\(reports)"]
        let output = Pipe()
        make.standardOutput = output
        make.standardError = FileHandle.nullDevice
        try make.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        make.waitUntilExit()
        XCTAssertEqual(make.terminationStatus, 0, printed)

        let line = try XCTUnwrap(printed.split(separator: "\n").last { $0.hasPrefix("reports: ") }, printed)
        let paths = line.dropFirst("reports: ".count).components(separatedBy: ", ")
        XCTAssertEqual(paths, [reports + "/plan-template.json", reports + "/dashboard/index.html"])
        let dashboard = try String(contentsOf: ProjectFiles.root.appendingPathComponent(try XCTUnwrap(paths.last)), encoding: .utf8)
        XCTAssertTrue(dashboard.contains("Northwind Service Desk Ltd"))
        XCTAssertTrue(printed.contains("no findings"), printed)
        XCTAssertTrue(FileManager.default.fileExists(atPath: ProjectFiles.root.appendingPathComponent(paths[0]).path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: ProjectFiles.planTemplate.appendingPathComponent(reports).path))
    }
}
