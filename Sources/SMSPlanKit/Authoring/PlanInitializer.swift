import Foundation
import GitKit

/// `smsplan init`: a new plan repository, either the starting plan of an organization
/// (see `StarterPlan`) or a copy of the exemplar plan.
public enum PlanInitializer {
    /// What to make from the exemplar plan's folder (`template`).
    public enum Content: Sendable {
        /// A copy of the exemplar, with the organization's name when one is given. With
        /// `additions` (the folder `ExamplePlan.additionsFolder(for:)` names), the exemplar in
        /// `standard`: migrated from the template's edition, with the additions applied.
        case example(organization: String?, standard: String? = nil, additions: URL? = nil)
        /// The starting plan of `organization` in the edition `standard`, made from the
        /// `starter` folder, dated `date`.
        case starter(URL, organization: String, standard: String, date: PlanDate)
    }

    /// What to create, where, and from which template folder.
    public struct Request: Sendable {
        public var directory: URL
        public var template: URL
        public var content: Content
        /// Make the first commit too.
        public var commit: Bool
        public var environment: [String: String]

        public init(directory: URL, template: URL, content: Content, commit: Bool = false,
                    environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.directory = directory
            self.template = template
            self.content = content
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
        let files = try contents(of: request)
        let target = request.directory.standardizedFileURL
        if let existing = files.first(where: { FileManager.default.fileExists(atPath: target.appendingPathComponent($0.path).path) }) {
            throw .wouldOverwrite(path: target.appendingPathComponent(existing.path).path)
        }
        for file in files {
            try SafePath.check(target.appendingPathComponent(file.path), within: target)
        }
        return try WriteTransaction(within: target).run { transaction throws(SMSPlanError) in
            try create(request, files: files, in: target, transaction: transaction)
        }
    }

    /// The files to write, relative to the new plan's folder, sorted.
    private static func contents(of request: Request) throws(SMSPlanError) -> [(path: String, data: Data)] {
        switch request.content {
        case .starter(let starter, let organization, let standard, let date):
            return try StarterPlan.files(starter: starter, template: request.template, organization: organization,
                                         standard: standard, date: date)
        case .example(let organization, let standard, let additions):
            let files = try templateFiles(in: request.template).map { file throws(SMSPlanError) in
                var data: Data
                do {
                    data = try Data(contentsOf: request.template.appendingPathComponent(file))
                } catch {
                    throw .unreadable(path: file, reason: error.localizedDescription)
                }
                if file == "smsplan.yaml", let organization {
                    data = Data(setOrganization(organization, in: String(decoding: data, as: UTF8.self)).utf8)
                }
                return (file, data)
            }
            guard let standard, standard != ExamplePlan.templateEdition else { return files }
            guard let additions else { throw .refused("the exemplar in \(standard) needs its additions (\(ExamplePlan.additionsFolder(for: standard)))") }
            return try ExamplePlan.files(files, migratedTo: standard, additions: additions)
        }
    }

    private static func create(_ request: Request, files: [(path: String, data: Data)], in target: URL, transaction: WriteTransaction) throws(SMSPlanError) -> Result {
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
            try transaction.write(file.data, to: target.appendingPathComponent(file.path))
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
        return Result(files: files.map(\.path), commit: commit, hooksFolder: hooks.folder)
    }

    /// Every file of the template that git tracks (every regular file of an installed copy),
    /// relative to it, sorted.
    static func templateFiles(in template: URL) throws(SMSPlanError) -> [String] {
        let root = template.standardizedFileURL
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("smsplan.yaml").path) else {
            throw .templateNotFound(folder: "plan-template", variable: "SMSPLAN_TEMPLATE", searched: [root.path])
        }
        return TrackedFiles.list(in: root)
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
        try find("plan-template", marker: "smsplan.yaml", variable: "SMSPLAN_TEMPLATE", besides: nil,
                 executable: executable, environment: environment)
    }

    /// Where the exemplar's additions for `standard` are (`examples/northwind-2018`):
    /// `SMSPLAN_EXAMPLES` (the folder holding `northwind-2018`), then an `examples` folder
    /// beside the template, then the places `findTemplate` looks in.
    public static func findExampleAdditions(for standard: String, template: URL, executable: URL?,
                                            environment: [String: String]) throws(SMSPlanError) -> URL {
        var environment = environment
        let folder = ExamplePlan.additionsFolder(for: standard)
        if let examples = environment["SMSPLAN_EXAMPLES"], !examples.isEmpty {
            environment["SMSPLAN_EXAMPLES"] = URL(fileURLWithPath: examples).appendingPathComponent(String(folder.split(separator: "/").last ?? "")).path
        }
        return try find(folder, marker: "decisions.yaml", variable: "SMSPLAN_EXAMPLES", besides: template,
                        executable: executable, environment: environment)
    }

    /// Where the starting plan's folder is: `SMSPLAN_STARTER`, then a `starter` folder beside
    /// the template, then the places `findTemplate` looks in.
    public static func findStarter(template: URL, executable: URL?, environment: [String: String]) throws(SMSPlanError) -> URL {
        try find("starter", marker: "editions", variable: "SMSPLAN_STARTER", besides: template,
                 executable: executable, environment: environment)
    }

    private static func find(_ name: String, marker: String, variable: String, besides sibling: URL?, executable: URL?,
                             environment: [String: String]) throws(SMSPlanError) -> URL {
        var candidates: [URL] = []
        if let path = environment[variable], !path.isEmpty { candidates.append(URL(fileURLWithPath: path)) }
        if let sibling { candidates.append(sibling.deletingLastPathComponent().appendingPathComponent(name)) }
        if let folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("share/smsplan/" + name))
            var parent = folder
            for _ in 0..<6 {
                candidates.append(parent.appendingPathComponent(name))
                parent = parent.deletingLastPathComponent()
            }
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }) {
            return found.standardizedFileURL
        }
        var seen = Set<String>()
        let searched = candidates.map(\.standardizedFileURL.path).filter { seen.insert($0).inserted }
        throw .templateNotFound(folder: name, variable: variable, searched: searched)
    }
}
