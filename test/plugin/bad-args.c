// Bad plugin arguments are errors naming the argument; nothing is compiled.
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-bogus %s 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: modsafe: unknown option 'bogus'
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir %s 2>&1 | FileCheck %s --check-prefix=NOVALUE
// NOVALUE: error: modsafe: option 'report-dir' needs a value
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-checks=-*,missing-ownr %s 2>&1 | FileCheck %s --check-prefix=BADCHECK
// BADCHECK: error: modsafe: unknown check 'missing-ownr'
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-header-filter=( %s 2>&1 | FileCheck %s --check-prefix=BADRE
// BADRE: error: modsafe: invalid header-filter regex '('
int x;
