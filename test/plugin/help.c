// The help option lists every option and every check id of RULES.md, and
// compilation goes on.
// RUN: %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-help %s 2>&1 | FileCheck %s
// CHECK: -fplugin-arg-modsafe-report-dir=DIR
// CHECK: -fplugin-arg-modsafe-checks=GLOBS
// CHECK: -fplugin-arg-modsafe-rules=FILE
// CHECK: -fplugin-arg-modsafe-header-filter=RE
// CHECK: -fplugin-arg-modsafe-werror
// CHECK: missing-owner {{.*}}[Rule #1]
// CHECK: interface-no-owner
// CHECK: unguarded-call
// CHECK: unchecked-get
// CHECK: ref-leak
// CHECK: put-unbalanced
// CHECK: sleep-in-callback
// CHECK: sleep-in-atomic
// CHECK: sleep-without-count
// CHECK: unsafe-unload
// CHECK: init-fail-after-unsafe
// CHECK: missing-teardown
// CHECK: missing-quiescence
int x;
