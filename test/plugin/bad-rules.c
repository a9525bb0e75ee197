// A rules file that is wrong is refused with its path, line, column and the
// problem; a missing one with its path.
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/broken-rules.json %s 2>&1 | FileCheck %s --check-prefix=KEY
// KEY: error: modsafe: rules file refused: {{.*}}broken-rules.json:5:55: unknown key 'argument' in 'registrations'
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/syntax-error-rules.json %s 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: error: modsafe: rules file refused: {{.*}}syntax-error-rules.json:4:{{[0-9]+}}: syntax error
// RUN: not %clang -fsyntax-only -fplugin=%modsafe_plugin -fplugin-arg-modsafe-rules=%S/Inputs/does-not-exist.json %s 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: error: modsafe: rules file refused: {{.*}}does-not-exist.json: cannot read rules file
int x;
