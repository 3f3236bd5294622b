import Foundation

/// The project's own files that tests use.
public enum ProjectFiles {
    /// The project's top folder (where Package.swift is).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The bundled exemplar plan.
    public static var planTemplate: URL { root.appendingPathComponent("plan-template") }

    /// The files of the starting plan that `smsplan init --organization` writes.
    public static var starter: URL { root.appendingPathComponent("starter") }

    /// How many Markdown documents the template holds below its top folder (what
    /// `check` counts; a README at the top is not a document).
    public static var templateDocumentCount: Int {
        let files = FileManager.default.enumerator(at: planTemplate, includingPropertiesForKeys: nil)
        var count = 0
        while let url = files?.nextObject() as? URL {
            if url.pathExtension == "md" && url.deletingLastPathComponent().standardizedFileURL != planTemplate.standardizedFileURL { count += 1 }
        }
        return count
    }
}

extension TestRepository {
    /// A repository holding a copy of plan-template at its top, optionally committed. The
    /// test identity (Ada Lovelace) holds no role of the template, so `approval.identity` is
    /// switched off unless a test asks for the template's own `author`.
    public static func withPlanTemplate(commit: Bool = true, approvalIdentity: String = "off") throws -> TestRepository {
        let repository = try TestRepository()
        try repository.copyTree(from: ProjectFiles.planTemplate)
        try repository.setApprovalIdentity(approvalIdentity)
        if commit { try repository.commitAll("Plan from the template") }
        return repository
    }

    /// Sets `approval.identity` in the smsplan.yaml at the top of the repository.
    public func setApprovalIdentity(_ identity: String) throws {
        let config = try read("smsplan.yaml")
        try write("smsplan.yaml", config.replacingOccurrences(of: "approval:\n  identity: author\n", with: "approval:\n  identity: \(identity)\n"))
    }

    /// Copies every file under `source` into the repository's top folder.
    public func copyTree(from source: URL, to path: String = "") throws {
        let files = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = files?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = url.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1)
            let target = path.isEmpty ? String(relative) : path + "/" + relative
            try write(target, try Data(contentsOf: url))
        }
    }

    /// A file's text, relative to the repository's top folder.
    public func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    /// Every file under the sandbox (working tree and git folder) with its bytes, to show
    /// that a command changed nothing. smsplan's decode cache (`.git/smsplan/`), the one
    /// thing a check may write, is left out.
    public func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let files = FileManager.default.enumerator(at: sandbox, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = files?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
                !url.path.contains("/.git/smsplan/")
            else { continue }
            result[url.path] = try Data(contentsOf: url)
        }
        return result
    }
}
