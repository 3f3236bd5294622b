import ArgumentParser
import Foundation

/// `-C DIR`: run as if started in DIR, as git's own `-C`.
struct RepositoryOptions: ParsableArguments {
    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if smsplan was started in <dir> (like git -C).", valueName: "dir"))
    var directory: String?

    /// The folder to work from, absolute.
    var directoryURL: URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        guard let directory else { return current }
        return URL(fileURLWithPath: directory, isDirectory: true, relativeTo: current).standardizedFileURL
    }

    func validate() throws {
        guard let directory else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directoryURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("cannot change to '\(directory)': no such folder")
        }
    }
}
