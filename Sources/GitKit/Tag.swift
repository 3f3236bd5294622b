import Foundation
internal import CLibGit2

/// A tag, copied out of libgit2: annotated tags carry a tagger, a date and a message.
public struct Tag: Sendable, Hashable {
    /// The short name (`baseline/phase-1`).
    public let name: String
    /// The id of the tag object (annotated) or of the object tagged (lightweight).
    public let id: ObjectID
    /// The commit the tag leads to.
    public let target: ObjectID
    public let isAnnotated: Bool
    public let taggerName: String?
    public let taggerEmail: String?
    public let date: Date?
    /// The whole message, a signature block included when the tag is signed.
    public let message: String?

    /// True when the message carries an OpenPGP, SSH or X.509 signature block.
    public var isSigned: Bool {
        guard let message else { return false }
        return message.contains("-----BEGIN PGP SIGNATURE-----") || message.contains("-----BEGIN SSH SIGNATURE-----")
            || message.contains("-----BEGIN SIGNED MESSAGE-----")
    }
}

extension Repository {
    /// Tags whose names start with `prefix`, sorted by name.
    public func tags(prefix: String = "") throws -> [Tag] {
        var names = git_strarray()
        try GitError.check(git_tag_list_match(&names, prefix + "*", pointer), "git_tag_list_match")
        defer { git_strarray_dispose(&names) }
        var result: [Tag] = []
        for index in 0..<names.count {
            guard let name = names.strings[index].map({ String(cString: $0) }), name.hasPrefix(prefix) else { continue }
            if let tag = try tag(named: name) { result.append(tag) }
        }
        return result.sorted { $0.name < $1.name }
    }

    /// The tag with this short name, or nil when there is none.
    public func tag(named name: String) throws -> Tag? {
        var reference: OpaquePointer?
        let result = git_reference_lookup(&reference, pointer, "refs/tags/" + name)
        if result == GIT_ENOTFOUND.rawValue {
            git_error_clear()
            return nil
        }
        try GitError.check(result, "git_reference_lookup")
        defer { git_reference_free(reference) }
        guard let direct = git_reference_target(reference) else { return nil }
        var objectID = direct.pointee
        var object: OpaquePointer?
        try GitError.check(git_object_lookup(&object, pointer, &objectID, GIT_OBJECT_ANY), "git_object_lookup")
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try GitError.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), "git_object_peel")
        defer { git_object_free(commit) }
        let target = ObjectID(git_object_id(commit).pointee)
        guard git_object_type(object) == GIT_OBJECT_TAG else {
            return Tag(name: name, id: ObjectID(objectID), target: target, isAnnotated: false,
                       taggerName: nil, taggerEmail: nil, date: nil, message: nil)
        }
        let tagger = git_tag_tagger(object)
        return Tag(
            name: name, id: ObjectID(objectID), target: target, isAnnotated: true,
            taggerName: tagger.flatMap { $0.pointee.name }.map { String(cString: $0) },
            taggerEmail: tagger.flatMap { $0.pointee.email }.map { String(cString: $0) },
            date: tagger.map { Date(timeIntervalSince1970: TimeInterval($0.pointee.when.time)) },
            message: git_tag_message(object).map { String(cString: $0) })
    }

    /// Creates the annotated, unsigned tag `name` on `commit` with `message`; the tagger is
    /// GIT_COMMITTER_NAME/EMAIL when set, else user.name/user.email. Never moves a tag:
    /// an existing name throws (code GIT_EEXISTS).
    @discardableResult
    public func createTag(_ name: String, on commit: ObjectID, message: String,
                          environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Tag {
        guard let identity = identity("COMMITTER", environment: environment) else {
            throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_CONFIG, function: "git_signature_now",
                                message: "no tagger identity: set user.name and user.email (git config) or GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL")
        }
        var signature: UnsafeMutablePointer<git_signature>?
        try GitError.check(git_signature_now(&signature, identity.name, identity.email), "git_signature_now")
        defer { git_signature_free(signature) }
        var oid = commit.oid
        var target: OpaquePointer?
        try GitError.check(git_object_lookup(&target, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
        defer { git_object_free(target) }
        var tagID = git_oid()
        try GitError.check(git_tag_create(&tagID, pointer, name, target, signature, message, 0), "git_tag_create")
        guard let tag = try tag(named: name) else {
            throw GitError.make(GIT_ENOTFOUND, GIT_ERROR_TAG, function: "git_tag_create", message: "tag \(name) vanished after creation")
        }
        return tag
    }

    /// True when a tag with this name exists.
    public func tagExists(_ name: String) -> Bool {
        (try? tag(named: name)) != nil
    }
}
