// One JSON report per translation unit, valid against the documented schema,
// named uniquely per TU (the same file compiled to two objects gives two),
// written even when there is nothing to report, never left half-written.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/r %S/Inputs/misc-module.c 2>/dev/null
// RUN: %clang -fsyntax-only %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/r %s
// RUN: %clang -c %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/r %s -o %t/a.o
// RUN: %clang -c %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/r %s -o %t/b.o
// RUN: ls %t/r | FileCheck %s --check-prefix=FILES
// FILES-COUNT-1: misc-module.c.{{[0-9a-f]+}}.modsafe.json
// FILES-COUNT-3: report.c.{{[0-9a-f]+}}.modsafe.json
// FILES-NOT: .tmp
// RUN: /usr/bin/python3 %srcroot/test/tools/validate-report.py %report_schema %t/r/*.modsafe.json | FileCheck %s --check-prefix=VALID
// VALID-COUNT-4: valid
// RUN: cat %t/r/misc-module.c.*.modsafe.json | FileCheck %s --check-prefix=JSON
// JSON: "findings": [
// JSON: "check": "missing-owner",
// JSON: "column": 37,
// JSON: "file": "{{.*}}misc-module.c",
// JSON: "fixits": [
// JSON: "length": 0,
// JSON: "replacement": ".owner = THIS_MODULE,\n\t"
// JSON: "line": 8,
// JSON: "message": "'demo_fops' (struct file_operations) holds callbacks into this module but leaves '.owner' unset;
// JSON: "notes": [
// JSON: "message": "handed to 'misc_register' here"
// JSON: "message": "through 'demo_misc' (struct miscdevice), field 'fops'"
// JSON: "rule": "Rule #1",
// JSON: "severity": "warning"
// JSON: "format": "modsafe-report",
// JSON: "main_file": "{{.*}}misc-module.c",
// JSON: "module": true,
// JSON: "module_name": "test",
// JSON: "name": "modsafe",
// JSON: "version": 1
// An unwritable report directory is an error, and leaves nothing behind.
// RUN: touch %t/notadir && not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/notadir/sub %s 2>&1 | FileCheck %s --check-prefix=UNWRITABLE
// UNWRITABLE: error: modsafe: cannot create report directory
int x;
