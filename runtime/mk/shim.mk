# Build a kbuild-style module directory against the modsafe runtime shim.
#
# An example's shim.mk sets nothing and includes this file; it reads the
# Kbuild file next to it (obj-m, <module>-objs / <module>-y) and builds one
# <module>.ko.so per module with modsafe-modcc:
#
#   make -f examples/<check>/<form>/shim.mk MODCC=<build>/bin/modsafe-modcc O=<outdir>
#
# MODCC defaults to modsafe-modcc on PATH; O to ./shim-out.
SHIM_SRC := $(abspath $(dir $(firstword $(MAKEFILE_LIST))))
obj-m :=
include $(SHIM_SRC)/Kbuild
MODCC ?= modsafe-modcc
O ?= $(CURDIR)/shim-out
override O := $(abspath $(O))
shim_mods := $(patsubst %.o,%,$(obj-m))
shim_objs = $(or $($(1)-objs),$($(1)-y),$(1).o)

.PHONY: all clean
all: $(foreach m,$(shim_mods),$(O)/$(m).ko.so)

define shim_rule
$(O)/$(1).ko.so: $(addprefix $(SHIM_SRC)/,$(patsubst %.o,%.c,$(call shim_objs,$(1))))
	@mkdir -p $(O)
	$(MODCC) -n $(1) -o $$@ $$^
endef
$(foreach m,$(shim_mods),$(eval $(call shim_rule,$(m))))

clean:
	rm -f $(foreach m,$(shim_mods),$(O)/$(m).ko.so)
