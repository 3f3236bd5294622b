import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing files so that a reader never sees half of one: a temporary file in the same
/// folder, then a rename over the target.
enum AtomicFile {
    /// Writes `data` to `url`, making its folder; with `overwrite` false an existing file
    /// is refused (and left as it was).
    static func write(_ data: Data, to url: URL, overwrite: Bool = false) throws(SMSPlanError) {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder.path, reason: error.localizedDescription)
        }
        if !overwrite && manager.fileExists(atPath: url.path) { throw .wouldOverwrite(path: url.path) }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).smsplan-\(UUID().uuidString).tmp")
        do {
            try data.write(to: temporary)
            if overwrite, let attributes = try? manager.attributesOfItem(atPath: url.path), let permissions = attributes[.posixPermissions] {
                // The replacement keeps the file's permissions.
                try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            // rename(2) replaces the target in one step; without overwrite, link(2) refuses an existing one.
            let moved = overwrite ? rename(temporary.path, url.path) : link(temporary.path, url.path)
            guard moved == 0 else {
                let code = errno
                if code == EEXIST { throw SMSPlanError.wouldOverwrite(path: url.path) }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
            }
            if !overwrite { try? manager.removeItem(at: temporary) }
        } catch let error as SMSPlanError {
            try? manager.removeItem(at: temporary)
            throw error
        } catch {
            try? manager.removeItem(at: temporary)
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
