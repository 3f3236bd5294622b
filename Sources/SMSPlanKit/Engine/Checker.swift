import Foundation
import GitKit

/// Checks a plan repository in git: finds the repository and the plan in it, picks the
/// state to read (working tree, index or a revision), and runs the engine.
public enum Checker {
    public static func check(_ request: CheckRequest) throws(SMSPlanError) -> CheckResult {
        Engine.check(try load(request))
    }

    /// Reads the plan the request names, without checking it.
    public static func load(_ request: CheckRequest) throws(SMSPlanError) -> Plan {
        let repository = try openRepository(request)
        let source: any PlanSource
        let revisionDate: PlanDate
        let startFolder: String
        switch request.target {
        case .workingTree:
            guard let workdir = repository.workingDirectory else { throw .noWorkingTree }
            source = WorkingTreeSource(repository: repository, root: workdir)
            revisionDate = PlanDate(request.now)
            startFolder = repository.relativePath(of: request.directory) ?? ""
        case .staged:
            source = BlobSource(repository: repository, entries: try git { try repository.indexEntries() })
            revisionDate = PlanDate(request.now)
            startFolder = repository.relativePath(of: request.directory) ?? ""
        case .revision(let revision):
            let commit: Commit
            do {
                commit = try repository.resolveCommit(revision)
            } catch {
                throw .badRevision(revision, reason: (error as? GitError)?.message ?? "\(error)")
            }
            source = BlobSource(repository: repository, entries: try git { try repository.treeEntries(of: commit.id) })
            revisionDate = PlanDate(commit.time)
            startFolder = repository.relativePath(of: request.directory) ?? ""
        }
        let planRoot = try locatePlan(from: startFolder, in: source)
        var plan = try Engine.load(source: source, planRoot: planRoot, revisionDate: revisionDate)
        plan.repositoryRoot = repository.workingDirectory
        return plan
    }

    static func openRepository(_ request: CheckRequest) throws(SMSPlanError) -> Repository {
        do {
            return try Repository.open(at: request.directory, environment: request.environment)
        } catch let error as GitError where error.isNotFound {
            throw .notARepository(path: request.directory.path)
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "open", message: "\(error)"))
        }
    }

    /// The nearest folder at or above `folder` that holds smsplan.yaml.
    static func locatePlan(from folder: String, in source: some PlanSource) throws(SMSPlanError) -> String {
        var candidate = folder
        while true {
            if try source.read(candidate.appendingPathComponent("smsplan.yaml")) != nil { return candidate }
            guard !candidate.isEmpty else { throw .noPlan(path: folder.isEmpty ? "." : folder) }
            candidate = candidate.split(separator: "/").dropLast().joined(separator: "/")
        }
    }

    private static func git<T>(_ body: () throws -> T) throws(SMSPlanError) -> T {
        do {
            return try body()
        } catch {
            throw .git(error as? GitError ?? GitError(code: -1, errorClass: 0, function: "git", message: "\(error)"))
        }
    }
}

extension Checker {
    /// The author name git would record in the repository around the request's folder.
    public static func authorName(_ request: CheckRequest) -> String? {
        guard let repository = try? Repository.open(at: request.directory, environment: request.environment) else { return nil }
        return repository.identity("AUTHOR", environment: request.environment)?.name
    }
}
