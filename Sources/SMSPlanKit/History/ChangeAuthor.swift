/// Who made a change that history rules look at: the author of a commit, or for
/// `check --staged` the git identity that will author it. `approval-unverified` judges it.
public struct ChangeAuthor: Sendable, Hashable {
    public var name: String
    public var email: String
    /// The e-mail address of the person whose signature git verified on the commit; nil
    /// when there is none (or for the index, when commits are not signed).
    public var signer: String?
    /// Why there is no verified signer, in a few words ("the commit is not signed").
    public var signatureProblem: String?

    public init(name: String, email: String, signer: String? = nil, signatureProblem: String? = nil) {
        self.name = name
        self.email = email
        self.signer = signer
        self.signatureProblem = signatureProblem
    }
}
