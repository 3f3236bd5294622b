#ifndef SMSPLAN_CLIBGIT2_SHIM_H
#define SMSPLAN_CLIBGIT2_SHIM_H
#include <git2.h>

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
#endif
