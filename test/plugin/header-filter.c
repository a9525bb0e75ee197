// Findings located in headers belong to the header: by default only the main
// file is reported; header-filter names the headers to report too.
// RUN: %clang -fsyntax-only %kinc -DMODULE -I%S/Inputs -fplugin=%modsafe_plugin %s 2>&1 | FileCheck %s --allow-empty --check-prefix=DEFAULT
// DEFAULT-NOT: modsafe-missing-owner
// RUN: %clang -fsyntax-only %kinc -DMODULE -I%S/Inputs -fplugin=%modsafe_plugin -fplugin-arg-modsafe-header-filter=misc-noowner %s 2>&1 | FileCheck %s --check-prefix=FILTER
// FILTER: misc-noowner.h:8:37: warning: 'hdr_fops' {{.*}} [modsafe-missing-owner]
#include <linux/module.h>
#include "misc-noowner.h"
module_misc_device(hdr_misc);
