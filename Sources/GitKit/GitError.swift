internal import CLibGit2

/// A failure reported by libgit2 (or by GitKit in libgit2's terms), naming the C function that failed.
public struct GitError: Error, CustomStringConvertible, Sendable {
    /// The libgit2 return code (`git_error_code`, e.g. -3 for `GIT_ENOTFOUND`).
    public let code: Int32
    /// The libgit2 error class (`git_error_t`, e.g. 6 for `GIT_ERROR_REFERENCE`).
    public let errorClass: Int32
    /// The C function that failed, e.g. `git_revparse_single`.
    public let function: String
    /// libgit2's own message for the failure.
    public let message: String

    /// Makes an error from its parts.
    public init(code: Int32, errorClass: Int32, function: String, message: String) {
        self.code = code
        self.errorClass = errorClass
        self.function = function
        self.message = message
    }

    /// "<function> failed: <message>".
    public var description: String {
        "\(function) failed: \(message)"
    }

    /// Whether the failure means "no such object, reference, revision or repository" (`GIT_ENOTFOUND`).
    public var isNotFound: Bool {
        code == GIT_ENOTFOUND.rawValue
    }

    /// Whether the failure means "already exists" (`GIT_EEXISTS`), as a tag that is there.
    public var isExists: Bool {
        code == GIT_EEXISTS.rawValue
    }
}

extension GitError {
    /// Throws the error libgit2 recorded for this thread when `result` is negative.
    /// Call it directly around the C call so the thread-local error is still the right one.
    static func check(_ result: Int32, _ function: String) throws {
        if result < 0 {
            throw lastError(code: result, function: function)
        }
    }

    /// The error libgit2 recorded for this thread, tagged with `code` and `function`.
    static func lastError(code: Int32, function: String) -> GitError {
        guard let error = git_error_last() else {
            return GitError(
                code: code, errorClass: 0, function: function,
                message: "libgit2 returned \(code) without an error message")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "no message"
        return GitError(code: code, errorClass: error.pointee.klass, function: function, message: message)
    }

    /// An error raised by GitKit itself, with libgit2's code and class for the same situation.
    static func make(
        _ code: git_error_code, _ errorClass: git_error_t, function: String, message: String
    ) -> GitError {
        GitError(
            code: code.rawValue, errorClass: Int32(bitPattern: errorClass.rawValue),
            function: function, message: message)
    }
}
