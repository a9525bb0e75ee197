// checks= enables and disables checks clang-tidy style; later items win.
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-* %S/Inputs/misc-module.c 2>&1 | FileCheck %s --allow-empty --check-prefix=OFF
// OFF-NOT: modsafe-
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-owner %S/Inputs/misc-module.c 2>&1 | FileCheck %s --check-prefix=ON
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-missing-*,modsafe-missing-owner %S/Inputs/misc-module.c 2>&1 | FileCheck %s --check-prefix=ON
// ON: warning: {{.*}}[modsafe-missing-owner]
int x;
