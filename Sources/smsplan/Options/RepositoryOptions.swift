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

    /// A `-C` folder that does not exist could not be run in: exit 2, as git does.
    func validate() throws {
        guard let directory else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directoryURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            FileHandle.standardError.write(Data("smsplan: error: \(Self.missingFolderMessage(directory))\n".utf8))
            throw ExitCode(2)
        }
    }

    static func missingFolderMessage(_ directory: String) -> String {
        "cannot change to '\(directory)': no such folder"
    }
}
