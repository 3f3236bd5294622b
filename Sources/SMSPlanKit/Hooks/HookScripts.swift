/// The git hooks smsplan installs. The project's `hooks/` folder holds the same files
/// (a test keeps them equal), for people who install hooks by hand.
public enum HookScripts {
    /// Hook file name -> script.
    public static let all: [(name: String, script: String)] = [("pre-commit", preCommit), ("pre-push", prePush)]

    /// What a hook says when smsplan is not on its PATH, naming the git command it runs in.
    static func missingBinary(_ command: String) -> String {
        """
        if ! command -v "$smsplan" >/dev/null 2>&1; then
            echo "smsplan: the smsplan command was not found; install it (make install in the smsplan project) or set SMSPLAN to its path. To skip this check once: git \(command) --no-verify" >&2
            exit 1
        fi
        """
    }

    public static let preCommit = """
        #!/bin/sh
        # smsplan pre-commit hook: checks what the commit is about to record (smsplan check --staged).
        # Installed by `smsplan hooks install`. Skip it once with `git commit --no-verify`.
        smsplan=${SMSPLAN:-smsplan}
        \(missingBinary("commit"))
        exec "$smsplan" check --staged

        """

    public static let prePush = """
        #!/bin/sh
        # smsplan pre-push hook: checks every commit about to be pushed (smsplan check --range).
        # Installed by `smsplan hooks install`. Skip it once with `git push --no-verify`.
        smsplan=${SMSPLAN:-smsplan}
        \(missingBinary("push"))
        zero=0000000000000000000000000000000000000000
        status=0
        while read -r local_ref local_sha remote_ref remote_sha; do
            [ "$local_sha" = "$zero" ] && continue
            if [ "$remote_sha" != "$zero" ] && git cat-file -e "$remote_sha^{commit}" 2>/dev/null; then
                "$smsplan" check --range "$remote_sha..$local_sha" || status=1
                continue
            fi
            # A new branch: every commit that no remote-tracking ref has yet, oldest first.
            first=$(git rev-list --topo-order --reverse "$local_sha" --not --remotes | head -n 1)
            [ -z "$first" ] && continue
            if git rev-parse -q --verify "$first^" >/dev/null; then
                "$smsplan" check --range "$first^..$local_sha" || status=1
            elif [ "$first" != "$local_sha" ]; then
                # A root commit (the plan's import) has no previous state; every commit after it is checked.
                "$smsplan" check --range "$first..$local_sha" || status=1
            else
                "$smsplan" check --rev "$local_sha" || status=1
            fi
        done
        exit $status

        """
}
