// The plugin never changes what clang compiles: objects are byte-identical
// with and without it, even for a TU it reports on.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -c -O2 %kinc -DMODULE %S/Inputs/misc-module.c -o %t/plain.o
// RUN: %clang -c -O2 %kinc -DMODULE -fplugin=%modsafe_plugin -fplugin-arg-modsafe-report-dir=%t/r %S/Inputs/misc-module.c -o %t/plugin.o 2>/dev/null
// RUN: cmp %t/plain.o %t/plugin.o
int x;
