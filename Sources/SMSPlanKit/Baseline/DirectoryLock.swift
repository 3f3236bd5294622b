import Foundation

/// An exclusive lock on a folder (the repository's common git directory for baselines, the
/// working tree for document transitions), held while the
/// value lives. It is `flock(2)` on the folder itself: no lock file is made, so nothing is
/// left behind, and the kernel releases it when the process ends, even by `kill -9`.
/// Waiting is blocking: the second holder goes on when the first is done.
final class DirectoryLock {
    private let descriptor: Int32

    init(_ folder: URL) throws(SMSPlanError) {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .refused("cannot lock \(folder.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw .refused("cannot lock \(folder.path): \(reason)")
            }
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
