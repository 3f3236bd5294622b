#ifndef SMSPLAN_CLIBGIT2_SHIM_H
#define SMSPLAN_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/* The folders libgit2 looks in for configuration and attribute files of a level
   (git_libgit2_opts is variadic, which Swift cannot call). */
static inline int smsplan_search_path(git_config_level_t level, git_buf *out) {
    return git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, level, out);
}

/* Whether libgit2 hashes every object it reads to verify its id (on by default; git itself
   leaves that to `git fsck`). */
static inline int smsplan_verify_objects_on_read(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

/* How much of a pack file libgit2 maps at once: the size of one window and of all of them
   together (by default 1 GiB and 8 GiB on 64-bit systems, so a pack stays mapped whole and
   every page read counts in the process's memory until it exits). */
static inline int smsplan_limit_pack_windows(size_t window, size_t mapped) {
    int error = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    return error ? error : git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, mapped);
}
#endif
