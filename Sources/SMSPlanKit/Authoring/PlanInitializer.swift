import Foundation
import GitKit

/// `smsplan init`: a new plan repository made from the exemplar plan.
public enum PlanInitializer {
    /// What to create, where, and from which template folder.
    public struct Request: Sendable {
        public var directory: URL
        public var template: URL
        public var organization: String?
        /// Make the first commit too.
        public var commit: Bool
        public var environment: [String: String]

        public init(directory: URL, template: URL, organization: String? = nil, commit: Bool = false,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.directory = directory
            self.template = template
            self.organization = organization
            self.commit = commit
            self.environment = environment
        }
    }

    /// What was created.
    public struct Result: Sendable {
        /// Files written, relative to the new plan's folder, sorted.
        public var files: [String]
        public var commit: String?
        /// Where the git hooks were installed.
        public var hooksFolder: URL
    }

    /// Copies the template into `directory`, sets the organization, makes the folder a git
    /// repository (unless it is one), installs the hooks and, on request, makes the first commit. Refuses, before
    /// writing anything, when any file it would write already exists or lies behind a symbolic
    /// link that leads out of `directory`; on any later error, removes everything it made.
    public static func run(_ request: Request) throws(SMSPlanError) -> Result {
        let files = try templateFiles(in: request.template)
        let target = request.directory.standardizedFileURL
        if let existing = files.first(where: { FileManager.default.fileExists(atPath: target.appendingPathComponent($0).path) }) {
            throw .wouldOverwrite(path: target.appendingPathComponent(existing).path)
        }
        for file in files {
            try SafePath.check(target.appendingPathComponent(file), within: target)
        }
        return try WriteTransaction(within: target).run { transaction throws(SMSPlanError) in
            try create(request, files: files, in: target, transaction: transaction)
        }
    }

    private static func create(_ request: Request, files: [String], in target: URL, transaction: WriteTransaction) throws(SMSPlanError) -> Result {
        let manager = FileManager.default
        let madeFolder = !manager.fileExists(atPath: target.path)
        let madeRepository = !manager.fileExists(atPath: target.appendingPathComponent(".git").path)
        let repository: Repository
        do {
            try manager.createDirectory(at: target, withIntermediateDirectories: true)
            if madeFolder { transaction.onRollback { rmdir(target.path) } }
            if madeRepository { transaction.onRollback { try? FileManager.default.removeItem(at: target.appendingPathComponent(".git")) } }
            repository = try Repository.create(at: target)
        } catch let error as GitError {
            throw .git(error)
        } catch {
            throw .writeFailed(path: target.path, reason: error.localizedDescription)
        }
        for file in files {
            var data: Data
            do {
                data = try Data(contentsOf: request.template.appendingPathComponent(file))
            } catch {
                throw .unreadable(path: file, reason: error.localizedDescription)
            }
            if file == "smsplan.yaml", let organization = request.organization {
                data = Data(setOrganization(organization, in: String(decoding: data, as: UTF8.self)).utf8)
            }
            try transaction.write(data, to: target.appendingPathComponent(file))
        }
        let hooks = try HooksInstaller.install(directory: target, force: false, environment: request.environment, transaction: transaction)
        var commit: String?
        if request.commit {
            do {
                commit = try repository.commitAll(message: "Start the SMS plan from the smsplan template", environment: request.environment).hex
            } catch let error as GitError {
                throw .git(error)
            } catch {
                throw .writeFailed(path: target.path, reason: "\(error)")
            }
        }
        return Result(files: files, commit: commit, hooksFolder: hooks.folder)
    }

    /// Every regular file of the template, relative to it, sorted; `.git` left out.
    static func templateFiles(in template: URL) throws(SMSPlanError) -> [String] {
        let root = template.standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("smsplan.yaml").path) else {
            throw .templateNotFound(searched: [root.path])
        }
        var files: [String] = []
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".git" {
                walker?.skipDescendants()
                continue
            }
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            files.append(String(url.standardizedFileURL.path.dropFirst(root.path.count + 1)))
        }
        return files.sorted()
    }

    /// smsplan.yaml with its `organization:` line set to `name` (added when missing).
    static func setOrganization(_ name: String, in config: String) -> String {
        let line = "organization: \(YAMLText.quoted(name))"
        var lines = config.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("organization:") }) {
            lines[index] = line
        } else if let index = lines.firstIndex(where: { $0.hasPrefix("smsplan:") }) {
            lines.insert(line, at: index + 1)
        } else {
            lines.insert(line, at: 0)
        }
        return lines.joined(separator: "\n")
    }

    /// Where the template is: `SMSPLAN_TEMPLATE`, then `share/smsplan/plan-template` beside
    /// an installed binary, then a `plan-template` folder above the binary (a build folder
    /// inside the project).
    public static func findTemplate(executable: URL?, environment: [String: String]) throws(SMSPlanError) -> URL {
        var candidates: [URL] = []
        if let path = environment["SMSPLAN_TEMPLATE"], !path.isEmpty { candidates.append(URL(fileURLWithPath: path)) }
        if let folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/smsplan/plan-template"))
            var parent = folder
            for _ in 0..<6 {
                candidates.append(parent.appendingPathComponent("plan-template"))
                parent = parent.deletingLastPathComponent()
            }
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("smsplan.yaml").path) }) {
            return found.standardizedFileURL
        }
        throw .templateNotFound(searched: candidates.map(\.path))
    }
}
