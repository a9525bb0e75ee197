# lit configuration for modsafe's suites. Each test compiles a small module
# against the stub kernel headers in test/Inputs/kernel (which mirror Linux
# 6.1's macro expansions) with the plugin loaded, and checks diagnostics,
# fix-its and JSON reports with FileCheck.
import os
import lit.formats

config.name = "modsafe"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "kernel", "unit", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.modsafe_obj_root, "test")

kinc = os.path.join(config.modsafe_src_root, "test", "Inputs", "kernel", "include")
config.substitutions.append(("%modsafe_plugin", config.modsafe_plugin))
config.substitutions.append(("%kinc",
    "-nostdinc -I%s -D__KERNEL__ '-DKBUILD_MODNAME=\"test\"'" % kinc))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%modsafe_check", os.path.join(config.modsafe_bin_dir, "modsafe-check")))
config.substitutions.append(("%modsafe_report", os.path.join(config.modsafe_bin_dir, "modsafe-report")))
config.substitutions.append(("%srcroot", config.modsafe_src_root))
config.substitutions.append(("%bindir", config.modsafe_bin_dir))
config.substitutions.append(("%facts_schema",
    os.path.join(config.modsafe_src_root, "docs", "facts.schema.json")))
config.substitutions.append(("%report_schema",
    os.path.join(config.modsafe_src_root, "docs", "report.schema.json")))

# FileCheck/not/count of the LLVM under test.
llvm_bin = os.path.dirname(config.filecheck)
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.available_features.add("llvm-%s" % config.llvm_version_major)
