#!/usr/bin/env python3
"""Runs a command, passes its output through, then prints "exit: N" on
stdout (lit's `not` cannot tell exit status 1 from 2).

  status.py [--cwd DIR] [--no-stdin-tty] CMD ARGS...
"""
import subprocess
import sys

args = sys.argv[1:]
cwd = None
if args[:1] == ["--cwd"]:
    cwd, args = args[1], args[2:]
sys.stdout.flush()
r = subprocess.run(args, cwd=cwd)
sys.stdout.flush()
print("exit: %d" % r.returncode)
