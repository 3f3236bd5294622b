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
            if overwrite {
                // rename(2) replaces the target in one step, and writes it when it is missing
                // (FileManager.replaceItemAt refuses a missing target on Linux).
                guard rename(temporary.path, url.path) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
                }
            } else {
                try manager.moveItem(at: temporary, to: url)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw .writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
