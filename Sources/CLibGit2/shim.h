#ifndef SMSPLAN_CLIBGIT2_SHIM_H
#define SMSPLAN_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
