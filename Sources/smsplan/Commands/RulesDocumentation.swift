import Foundation

/// Where the rules' documentation (docs/rules.md) lies next to the running binary.
enum RulesDocumentation {
    /// A file URI of `share/smsplan/rules.md` (what `make install` installs) or of the source
    /// checkout's `docs/rules.md` above a build folder; nil when neither is found.
    static var installedURI: String? {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = (executable.path == "/proc/self/exe" ? URL(fileURLWithPath: CommandLine.arguments[0]) : executable)
            .deletingLastPathComponent()
        for _ in 0..<5 {
            for candidate in ["share/smsplan/rules.md", "docs/rules.md"] {
                let file = folder.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: file.path) { return file.absoluteString }
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
