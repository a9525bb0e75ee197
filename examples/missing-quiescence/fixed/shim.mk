# The shim build of this example (userspace, for modsafe-run; see docs/runtime.md):
#   make -f shim.mk MODCC=<build>/bin/modsafe-modcc O=<outdir>
include $(dir $(lastword $(MAKEFILE_LIST)))../../../runtime/mk/shim.mk
