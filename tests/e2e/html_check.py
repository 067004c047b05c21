#!/usr/bin/env python3
"""html_check.py - checks an HTML scorecard (scorecard run --format html); plain Python 3, no packages.

  html_check.py static PAGE.html [--json RUN.json] [--literal TEXT]...
      the page as written: well-formed, self-contained (no external reference, no
      network), accessible tables and statuses, the print stylesheet, AA contrast of
      the status colours, every string escaped; with --json, the statuses agree with
      the same run's JSON; each --literal must show as text, not become markup.
  html_check.py dom PAGE.dom --json RUN.json
      the DOM a browser built from it (chromium --dump-dom): the page's scripts ran
      without error, sorting buttons are in place, and the statuses agree with the JSON.

Prints one line per problem and exits 1 when there is any.
"""
import argparse
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
FORBIDDEN = {"img", "link", "iframe", "object", "embed", "base", "frame", "audio", "video", "form", "input"}
URL_ATTRS = {"src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset", "background", "cite"}
RAG = {"green": "Green", "amber": "Amber", "red": "Red"}

problems = []


def problem(msg):
    problems.append(msg)


class Node:
    __slots__ = ("tag", "attrs", "children", "parent", "line")

    def __init__(self, tag, attrs, parent, line):
        self.tag, self.attrs, self.children, self.parent, self.line = tag, attrs, [], parent, line

    def text(self, skip_svg=False):
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif not (skip_svg and c.tag == "svg"):
                out.append(c.text(skip_svg))
        return "".join(out)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag=None, **attrs):
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items()):
                yield n

    def has_class(self, cls):
        return cls in (self.attrs.get("class") or "").split()


class Tree(HTMLParser):
    """Builds a tree, checking that every element is closed in order (strict: no optional end tags)."""

    def __init__(self, strict):
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.root = Node("#root", {}, None, 0)
        self.cur = self.root
        self.doctype = False
        self.raw_attrs = []

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctype = True

    def handle_starttag(self, tag, attrs):
        node = self._add(tag, attrs)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self._add(tag, attrs)

    def _add(self, tag, attrs):
        d = {}
        for k, v in attrs:
            if k in d and self.strict:
                problem(f"line {self.getpos()[0]}: <{tag}> repeats attribute {k}")
            d[k] = v if v is not None else ""
            self.raw_attrs.append((tag, k, d[k], self.getpos()[0]))
        node = Node(tag, d, self.cur, self.getpos()[0])
        self.cur.children.append(node)
        return node

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.cur.tag == tag:
            self.cur = self.cur.parent
            return
        if self.strict:
            problem(f"line {self.getpos()[0]}: </{tag}> closes <{self.cur.tag}> (line {self.cur.line})")
        n = self.cur
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is not self.root:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path, strict):
    with open(path, encoding="utf-8", errors="strict") as f:
        text = f.read()
    t = Tree(strict)
    t.feed(text)
    t.close()
    if strict and t.cur is not t.root:
        problem(f"<{t.cur.tag}> opened on line {t.cur.line} is never closed")
    return text, t


# ---------------------------------------------------------------- contrast


def luminance(hexcolour):
    h = hexcolour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def check_style(css):
    if "url(" in css or "@import" in css:
        problem("the stylesheet refers to an outside resource (url() or @import)")
    if not re.search(r"@page\s*\{[^}]*size:\s*A4", css):
        problem("no @page rule with size: A4")
    if not re.search(r"@media print\s*\{.*break-before:\s*page", css, re.S):
        problem("the print stylesheet does not break pages between areas")
    for colour in ("green", "amber", "red", "grey"):
        m = re.search(r"\.s-%s\{([^}]*)\}" % colour, css)
        if not m:
            problem(f"no .s-{colour} rule in the stylesheet")
            continue
        decl = dict(re.findall(r"([a-z-]+):\s*(#[0-9a-fA-F]{3,6})", m.group(1)))
        bg, fg, border = decl.get("background"), decl.get("color"), decl.get("border-color")
        if not (bg and fg and border):
            problem(f".s-{colour} lacks background, color or border-color")
            continue
        if contrast(fg, bg) < 4.5:
            problem(f".s-{colour}: text {fg} on {bg} is {contrast(fg, bg):.2f}:1, below AA 4.5:1")
        if contrast(border, "#ffffff") < 3:
            problem(f".s-{colour}: outline {border} on white is {contrast(border, '#ffffff'):.2f}:1, below 3:1")
    m = re.search(r"body\{[^}]*color:(#[0-9a-fA-F]{3,6});background:(#[0-9a-fA-F]{3,6})", css)
    if not m or contrast(m.group(1), m.group(2)) < 4.5:
        problem("the body text colour does not reach 4.5:1 on its background")


# ---------------------------------------------------------------- checks


SITE_PAGE = None  # --site: the page is part of a published site, whose relative links must resolve inside it


def check_site_link(v, line):
    import os
    path, _, frag = v.partition("#")
    root = os.path.realpath(SITE_PAGE[1])
    target = os.path.realpath(os.path.join(os.path.dirname(SITE_PAGE[0]), path))
    if not target.startswith(root + os.sep) or not os.path.isfile(target):
        problem(f"line {line}: link to {v!r}, which is not a page of the site")
    elif frag and f'id="{frag}"' not in open(target, encoding="utf-8").read():
        problem(f"line {line}: link to {v!r}: that page has no id {frag!r}")


def check_static(text, t, literals):
    if not t.doctype:
        problem("no <!DOCTYPE html>")
    root = t.root
    for tag in ("html", "head", "body"):
        n = len(list(root.find_all(tag)))
        if n != 1:
            problem(f"{n} <{tag}> elements, expected 1")
    head = next(root.find_all("head"), None)
    if head is None or len([n for n in head.children if isinstance(n, Node) and n.tag == "title"]) != 1 \
            or not next(head.find_all("title")).text().strip():
        problem("the page has no title")
    html = next(root.find_all("html"), None)
    if html is not None and not html.attrs.get("lang"):
        problem("<html> has no lang")
    if not any(m.attrs.get("charset", "").lower() == "utf-8" for m in root.find_all("meta")):
        problem("no <meta charset=utf-8>")
    csp = [m.attrs.get("content", "") for m in root.find_all("meta") if m.attrs.get("http-equiv", "").lower() == "content-security-policy"]
    if not csp or "default-src 'none'" not in csp[0]:
        problem("no Content-Security-Policy with default-src 'none'")

    ids = {}
    for n in root.iter():
        i = n.attrs.get("id")
        if i is not None:
            if i in ids:
                problem(f"line {n.line}: id {i!r} repeats line {ids[i]}")
            ids[i] = n.line
        if n.tag in FORBIDDEN:
            problem(f"line {n.line}: <{n.tag}> is not allowed in a self-contained scorecard")
    for tag, k, v, line in t.raw_attrs:
        if k in URL_ATTRS or k.startswith("on"):
            low = v.strip().lower()
            if k.startswith("on"):
                problem(f"line {line}: <{tag}> has an event handler attribute {k}")
            elif k == "href" and low.startswith("#"):
                if v[1:] not in ids:
                    problem(f"line {line}: link to #{v[1:]}, which no element has")
            elif k == "href" and SITE_PAGE and not re.match(r"(?i)^[a-z][a-z0-9+.-]*:|^/|^\\", v):
                check_site_link(v, line)
            else:
                problem(f"line {line}: <{tag} {k}={v!r}>: the page refers to something outside itself")
        if re.search(r"(?i)\b(https?:|ftp:)|^//", v) and k not in ("title", "aria-label", "content") and not k.startswith("data-"):
            problem(f"line {line}: <{tag} {k}> holds a URL: {v[:80]}")

    styles = list(root.find_all("style"))
    if not styles:
        problem("no inline stylesheet")
    for s in styles:
        check_style(s.text())
    scripts = list(root.find_all("script"))
    for s in scripts:
        if "src" in s.attrs:
            problem(f"line {s.line}: a script loads from outside")
        body = s.text()
        for bad in ("fetch(", "XMLHttpRequest", "import(", "WebSocket", "eval(", "innerHTML", "document.write"):
            if bad in body:
                problem(f"line {s.line}: the script uses {bad}")
    if len(scripts) > 2:
        problem(f"{len(scripts)} scripts: only the error recorder and the sorting script are expected")

    check_tables(root)
    check_statuses(root)
    for svg in root.find_all("svg"):
        if svg.attrs.get("role") == "img":
            if not svg.attrs.get("aria-label", "").strip():
                problem(f"line {svg.line}: a chart has no accessible name")
        elif svg.attrs.get("aria-hidden") != "true":
            problem(f"line {svg.line}: an <svg> is neither a named image nor hidden")

    body_text = root.text()
    for lit in literals:
        if lit not in body_text:
            problem(f"{lit!r} does not show as text: it was dropped or became markup")


def check_tables(root):
    tables = list(root.find_all("table"))
    if not tables:
        problem("no tables")
    for tb in tables:
        where = f"table on line {tb.line}"
        if not list(tb.find_all("caption")):
            problem(f"{where} has no caption")
        ths = list(tb.find_all("th"))
        if not ths:
            problem(f"{where} has no <th>")
        for th in ths:
            if th.attrs.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
                problem(f"{where}: <th> on line {th.line} has no scope")
        thead = list(tb.find_all("thead"))
        if not thead or not list(thead[0].find_all("th", scope="col")):
            problem(f"{where} has no column headers")
        for tbody in tb.find_all("tbody"):
            for tr in tbody.find_all("tr"):
                if not list(tr.find_all("th", scope="row")):
                    problem(f"{where}: row on line {tr.line} has no row header")


def badge_word(badge):
    return " ".join(badge.text(skip_svg=True).split())


def check_statuses(root):
    badges = [n for n in root.iter() if n.has_class("badge")]
    if not badges and not [n for n in root.find_all("table") if n.has_class("rug")]:
        problem("no status badges")
    for b in badges:
        status = b.attrs.get("data-status")
        word = badge_word(b)
        shape = [s for s in b.find_all("svg") if s.has_class("shape")]
        if not shape:
            problem(f"line {b.line}: a {status} status has no shape")
        if status in RAG:
            if word != RAG[status]:
                problem(f"line {b.line}: a {status} status reads {word!r}, not {RAG[status]!r}")
        elif status == "grey":
            if not word or word in RAG.values():
                problem(f"line {b.line}: a status without colour reads {word!r}")
        else:
            problem(f"line {b.line}: unknown status {status!r}")


def human(word):
    w = (word or "no colour").replace("_", " ")
    return w[:1].upper() + w[1:]


def expected_word(status, no_colour_status=None):
    return RAG.get(status) or human(no_colour_status)


def check_against_json(root, run):
    sections = {n.attrs.get("data-area"): n for n in root.find_all("section") if n.has_class("area")}
    areas = run["areas"]
    if len(sections) != len(areas):
        problem(f"{len(sections)} area sections, the run has {len(areas)} areas")
    for a in areas:
        sec = sections.get(a["code"])
        if sec is None:
            problem(f"no section for area {a['code']}")
            continue
        if sec.attrs.get("data-status") != a["status"]:
            problem(f"{a['code']}: overall {sec.attrs.get('data-status')}, the JSON says {a['status']}")
        overall = next((b for p in sec.find_all("p") if p.has_class("overall") for b in p.iter() if b.has_class("badge")), None)
        if overall is None or badge_word(overall) != expected_word(a["status"]):
            problem(f"{a['code']}: the overall status does not read {expected_word(a['status'])!r}")
        if a["name"] not in sec.text():
            problem(f"{a['code']}: the section does not name {a['name']!r}")
        rows = {tr.attrs.get("data-outcome"): tr for tr in sec.find_all("tr") if "data-outcome" in tr.attrs}
        for o in a["outcomes"]:
            tr = rows.get(o["id"])
            if tr is None or tr.attrs.get("data-status") != o["status"]:
                problem(f"{a['code']} {o['id']}: outcome status {tr and tr.attrs.get('data-status')}, the JSON says {o['status']}")
            elif o["reason"] and " ".join(o["reason"].split()) not in " ".join(tr.text().split()):
                problem(f"{a['code']} {o['id']}: the roll-up reason is not shown")
        rows = {tr.attrs.get("data-indicator"): tr for tr in sec.find_all("tr") if "data-indicator" in tr.attrs}
        if len(rows) != len(a["indicators"]):
            problem(f"{a['code']}: {len(rows)} indicator rows, the JSON has {len(a['indicators'])}")
        for i in a["indicators"]:
            tr = rows.get(i["id"])
            where = f"{a['code']} {i['id']}"
            if tr is None:
                problem(f"{where}: no row")
                continue
            if tr.attrs.get("data-status") != i["status"]:
                problem(f"{where}: status {tr.attrs.get('data-status')}, the JSON says {i['status']}")
            bs = [b for b in tr.iter() if b.has_class("badge")]
            want = expected_word(i["status"], i.get("no_colour_status"))
            if len(bs) != 1 or badge_word(bs[0]) != want:
                problem(f"{where}: the status reads {[badge_word(b) for b in bs]}, expected {want!r}")
            row_text = " ".join(tr.text().split())
            if i["reason"] and " ".join(i["reason"].split()) not in row_text:
                problem(f"{where}: the reason is not shown")
            if i["value_text"] and i["value_text"] not in row_text:
                problem(f"{where}: the value {i['value_text']} is not shown")
            if i["unit"] and i["value_text"] and i["unit"] not in row_text:
                problem(f"{where}: the unit {i['unit']} is not shown")
            if i["period"] and i["period"] not in row_text:
                problem(f"{where}: the period {i['period']} is not shown")
            notes = {
                "provisional": "provisional" in i["flags"],
                "suppressed": i.get("no_colour_status") == "suppressed",
                "not comparable": i.get("no_colour_status") == "not_comparable",
            }
            note_text = " ".join(li.text().lower() for ul in tr.find_all("ul") if ul.has_class("notes") for li in ul.find_all("li"))
            for word, present in notes.items():
                if present and word not in note_text:
                    problem(f"{where}: no note saying {word}")
            if "unconfirmed" in row_text.lower():
                problem(f"{where}: a designers' marker (definition unconfirmed) on a published page")
            if len([p for p in i["history"] if p["value"] is not None]) and not [s for s in tr.find_all("svg") if s.has_class("spark")]:
                problem(f"{where}: history but no sparkline")
            spc = (i.get("details") or {}).get("result") or {}
            if isinstance(spc.get("points"), list) and "mean" in spc:
                if not [s for s in tr.find_all("svg") if s.has_class("spc-icon")]:
                    problem(f"{where}: SPC result but no SPC icon")
                if not [s for s in sec.find_all("svg") if s.has_class("spc-chart") and i["id"] in s.attrs.get("aria-label", "")]:
                    problem(f"{where}: SPC result but no SPC chart")
    # one caterpillar chart per indicator with a value for three or more areas
    if len(areas) >= 3:
        charts = [s for s in root.find_all("svg") if s.has_class("caterpillar")]
        for k, ind in enumerate(areas[0]["indicators"]):
            valued = sum(1 for a in areas if a["indicators"][k]["value"] is not None)
            has = [c for c in charts if c.attrs.get("aria-label", "").startswith(f"Caterpillar chart of {ind['id']} ")]
            if valued >= 3 and len(has) != 1:
                problem(f"{ind['id']}: {len(has)} caterpillar charts for {valued} areas with a value")
            if valued < 3 and has:
                problem(f"{ind['id']}: a caterpillar chart for only {valued} areas")


def check_dom(root):
    html = next(root.find_all("html"), None)
    if html is None:
        problem("the dump has no <html>")
        return
    if html.attrs.get("data-page-ready") != "1":
        problem("the page's script did not finish (no data-page-ready)")
    if html.attrs.get("data-page-errors"):
        problem("errors in the page: " + html.attrs["data-page-errors"].strip())
    for tb in root.find_all("table"):
        if tb.has_class("sortable"):
            ths = list(next(tb.find_all("thead")).find_all("th"))
            buttons = [b for th in ths for b in th.find_all("button") if b.has_class("sort")]
            if len(buttons) != len(ths):
                problem(f"a sortable table has {len(buttons)} sort buttons for {len(ths)} columns")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("static", "dom"))
    ap.add_argument("page")
    ap.add_argument("--json")
    ap.add_argument("--literal", action="append", default=[])
    ap.add_argument("--site", help="the folder of the published site the page belongs to")
    args = ap.parse_args()
    global SITE_PAGE
    if args.site:
        SITE_PAGE = (args.page, args.site)
    text, t = parse(args.page, strict=args.mode == "static")
    if args.mode == "static":
        check_static(text, t, args.literal)
    else:
        check_dom(t.root)
        check_statuses(t.root)
    if args.json:
        with open(args.json, encoding="utf-8") as f:
            check_against_json(t.root, json.load(f))
    for p in problems[:40]:
        print(f"{args.page}: {p}")
    if len(problems) > 40:
        print(f"{args.page}: ... and {len(problems) - 40} more")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
