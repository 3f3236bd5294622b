import Foundation
import GitKit

extension Checker {
    /// The author of a commit, with its verified signer when approvals must be signed.
    static func author(of commit: Commit, mode: ApprovalIdentity, in repository: Repository, environment: [String: String]) -> ChangeAuthor {
        var author = ChangeAuthor(name: commit.authorName, email: commit.authorEmail)
        if mode == .signed { (author.signer, author.signatureProblem) = signer(of: commit.id, in: repository, environment: environment) }
        return author
    }

    /// For `check --staged`: the identity git will author the commit with. Under `signed`,
    /// the signer is that identity when git is set to sign commits (commit.gpgsign).
    static func stagedAuthor(mode: ApprovalIdentity, in repository: Repository, environment: [String: String]) -> ChangeAuthor? {
        guard mode != .off else { return nil }
        guard let identity = repository.identity("AUTHOR", environment: environment) else {
            return ChangeAuthor(name: "no git user", email: "(user.email is not set)")
        }
        var author = ChangeAuthor(name: identity.name, email: identity.email)
        if mode == .signed {
            if repository.configString("commit.gpgsign")?.lowercased() == "true" {
                author.signer = identity.email
            } else {
                author.signatureProblem = "git is not set to sign the commit (commit.gpgsign)"
            }
        }
        return author
    }

    /// The e-mail of the person whose signature `git verify-commit` accepts (OpenPGP or
    /// SSH allowed signers), or why there is none.
    static func signer(of commit: ObjectID, in repository: Repository, environment: [String: String]) -> (String?, String?) {
        guard let result = try? GitCommand.attempt(["verify-commit", "--raw", commit.hex], repository: repository, environment: environment) else {
            return (nil, "git could not verify the commit's signature")
        }
        let text = result.errors + result.output
        guard result.status == 0 else {
            let last = text.split(separator: "\n").last.map(String.init)
            return (nil, text.isEmpty ? "the commit is not signed" : "the commit's signature does not verify (\(last ?? "git verify-commit failed"))")
        }
        for line in text.split(separator: "\n") {
            if line.contains("GOODSIG"), let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close {
                return (String(line[line.index(after: open)..<close]), nil)
            }
            if let range = line.range(of: "signature for ") {
                let rest = line[range.upperBound...]
                return (String(rest.split(separator: " ").first ?? ""), nil)
            }
        }
        return (nil, "git verified the signature but names no signer")
    }
}
