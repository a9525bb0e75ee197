#!/usr/bin/env python3
"""Runs a command with its stderr on a pseudo-terminal (stdout to /dev/null)
and prints what it wrote there, escapes visible: \\r as a line break, ESC as
"ESC"."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
p.wait()
text = out.decode(errors="replace").replace("\x1b", "ESC").replace("\r\n", "\n").replace("\r", "\n")
sys.stdout.write(text)
