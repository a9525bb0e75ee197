#!/usr/bin/env python3
"""Run a command, pass its output through, then print "exit: N" on stdout and
exit 0, so that a lit test can FileCheck the exact exit status.

usage: exitcode.py CMD [ARG...]
"""
import subprocess
import sys

r = subprocess.run(sys.argv[1:])
sys.stdout.flush()
print("exit: %d" % r.returncode)
