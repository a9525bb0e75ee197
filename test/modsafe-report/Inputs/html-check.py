#!/usr/bin/env python3
"""Render an HTML report in headless Chromium (Debian package 'chromium') and
print what a reader sees, one fact a line, for FileCheck:

  title: T / total: N / module: NAME (N) / check: MODULE/CHECK (N)
  finding: LOC | MESSAGE  (the message as rendered text)
  hl: LINE | TEXT         (the highlighted source line of the excerpt)
  col: C                  (the character marked at the finding's column)
  note: LOC | MESSAGE | SOURCE LINE / meta: TEXT / nosource: TEXT
  elements: script=N img=N iframe=N object=N link=N  (in the rendered DOM)
  external-references: N  (src=/href= to anything but #anchors, in the file)

usage: html-check.py FILE.html
"""
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def cls(self):
        return self.attrs.get("class", "").split()

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and
                (cls is None or cls in n.cls())]


VOID = {"meta", "link", "br", "img", "hr", "input", "source", "area", "base", "col", "embed", "wbr"}


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def one_line(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    path = os.path.abspath(sys.argv[1])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("html-check.py: error: chromium not found: install the Debian package "
              "'chromium' (setup.sh does)", file=sys.stderr)
        return 2
    raw = open(path, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([chromium, "--headless", "--disable-gpu", "--no-sandbox",
                            "--no-first-run", "--disable-extensions",
                            "--user-data-dir=" + profile, "--dump-dom", "file://" + path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=180)
    if r.returncode != 0 or b"<html" not in r.stdout:
        sys.stderr.write(r.stderr.decode(errors="replace")[-2000:])
        print("html-check.py: error: chromium failed (exit %d)" % r.returncode, file=sys.stderr)
        return 2
    b = Builder()
    b.feed(r.stdout.decode("utf-8"))
    dom = b.root

    print("title: " + one_line(dom.find_all("title")[0].text()))
    print("total: " + one_line(next(n for n in dom.walk() if n.attrs.get("id") == "total-findings").text()))
    for n in dom.walk():
        if n.attrs.get("id") == "baseline":
            print("baseline: " + one_line(n.text()))
        if n.attrs.get("id") == "no-findings":
            print("no-findings: " + one_line(n.text()))
    for m in dom.find_all("section", "module"):
        h2 = m.find_all("h2")[0]
        print("module: " + one_line(h2.text()))
        for c in m.find_all("section", "check"):
            print("check: %s/%s" % (m.attrs["id"], one_line(c.find_all("h3")[0].text())))
            for f in c.find_all("article", "finding"):
                loc = one_line(f.find_all("code", "loc")[0].text())
                print("finding: %s | %s" % (loc, one_line(f.find_all("p", "message")[0].text())))
                for hl in f.find_all("span", "hl"):
                    ln = hl.find_all("span", "ln")[0].text()
                    line = "".join(c if isinstance(c, str) else ("" if "ln" in c.cls() else c.text())
                                   for c in hl.children)
                    print("hl: %s | %s" % (ln, line.strip()))
                for col in f.find_all("span", "col"):
                    print("col: " + col.text())
                for note in f.find_all("ol", "notes"):
                    for li in note.find_all("li"):
                        code = li.find_all("pre")
                        print("note: %s | %s | %s" % (
                            one_line(li.find_all("code", "loc")[0].text()),
                            one_line(li.find_all("span", "note-msg")[0].text()),
                            one_line(code[0].text()) if code else "(no source)"))
                for ns in f.find_all("p", "nosource"):
                    print("nosource: " + one_line(ns.text()))
                for meta in f.find_all("p", "meta"):
                    print("meta: " + one_line(meta.text()))
    counts = {t: len(dom.find_all(t)) for t in ("script", "img", "iframe", "object", "link")}
    print("elements: " + " ".join("%s=%d" % kv for kv in counts.items()))
    ext = [m for m in re.findall(r'(?:src|href)\s*=\s*"([^"]*)"', raw) if not m.startswith("#")]
    ext += re.findall(r"url\(", raw)
    print("external-references: %d" % len(ext))
    return 0


if __name__ == "__main__":
    sys.exit(main())
