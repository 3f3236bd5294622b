import Foundation

/// A fresh temporary folder for tests that run the real binary outside a `TestRepository`
/// (`init` makes its own repository), and the identity git commits take there.
public enum CommandSandbox {
    /// Author and committer of every commit made there: `TestRepository`'s author.
    public static let identity = [
        "GIT_AUTHOR_NAME": TestRepository.authorName, "GIT_AUTHOR_EMAIL": TestRepository.authorEmail,
        "GIT_COMMITTER_NAME": TestRepository.authorName, "GIT_COMMITTER_EMAIL": TestRepository.authorEmail,
    ]

    /// Makes `smsplan-NAME-UUID` in the temporary folder (symbolic links resolved).
    public static func make(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smsplan-\(name)-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
