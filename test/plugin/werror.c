// modsafe's findings are warnings that -Werror does not promote, so a kernel
// built with CONFIG_WERROR never fails because of modsafe; the 'werror'
// option makes them errors on request.
// RUN: %clang -fsyntax-only %kinc -DMODULE -Werror -fplugin=%modsafe_plugin %S/Inputs/misc-module.c 2>&1 | FileCheck %s --check-prefix=WARN
// WARN: warning: 'demo_fops' {{.*}} [modsafe-missing-owner]
// WARN-NOT: error:
// RUN: not %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-werror %S/Inputs/misc-module.c 2>&1 | FileCheck %s --check-prefix=ERR
// ERR: error: 'demo_fops' {{.*}} [modsafe-missing-owner]
// -w silences the warnings but the report still records them.
// RUN: rm -rf %t && %clang -fsyntax-only %kinc -DMODULE -w -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t %S/Inputs/misc-module.c 2>&1 | count 0
// RUN: cat %t/*.json | FileCheck %s --check-prefix=JSON
// JSON: "check": "missing-owner"
