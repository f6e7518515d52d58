"""Reads an .xlsx with the Python standard library only (zipfile + xml): sheets, cells, styles.
Used by the CLI tests to check what grantkit writes, cell by cell."""
import re
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "pr": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FORMATS = {0: "General", 49: "@"}


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


class Cell:
    def __init__(self, kind, value, fmt, formula):
        self.kind = kind        # "n" number, "s" string, "d" date (a number with a date format)
        self.value = value      # Decimal for numbers (exactly as written in the XML), str for strings
        self.fmt = fmt          # the number format code
        self.formula = formula  # the formula's text (without `=`) when the cell holds one, else None

    def __repr__(self):
        return f"Cell({self.kind}, {self.value!r}, {self.fmt!r})"


class Workbook:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path)
        self.raw = {n: self.zip.read(n) for n in self.zip.namelist()}
        wb = ET.fromstring(self.raw["xl/workbook.xml"])
        rels = ET.fromstring(self.raw["xl/_rels/workbook.xml.rels"])
        target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
        self.sheet_files = []
        for s in wb.find("m:sheets", NS).findall("m:sheet", NS):
            rid = s.get("{%s}id" % NS["r"])
            self.sheet_files.append((s.get("name"), "xl/" + target[rid].lstrip("/").removeprefix("xl/")))
        self.strings = []
        if "xl/sharedStrings.xml" in self.raw:
            for si in ET.fromstring(self.raw["xl/sharedStrings.xml"]).findall("m:si", NS):
                self.strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        styles = ET.fromstring(self.raw["xl/styles.xml"])
        formats = dict(BUILTIN_FORMATS)
        nf = styles.find("m:numFmts", NS)
        if nf is not None:
            for f in nf.findall("m:numFmt", NS):
                formats[int(f.get("numFmtId"))] = f.get("formatCode")
        self.xf_format = [formats.get(int(xf.get("numFmtId", "0")), "builtin")
                          for xf in styles.find("m:cellXfs", NS).findall("m:xf", NS)]

    def names(self):
        return [n for n, _ in self.sheet_files]

    def sheet_xml(self, name):
        return self.raw[dict(self.sheet_files)[name]].decode("utf-8")

    def sheet(self, name):
        """{(row, col): Cell}, both 0-based."""
        root = ET.fromstring(self.raw[dict(self.sheet_files)[name]])
        cells = {}
        for c in root.iter("{%s}c" % NS["m"]):
            ref = c.get("r")
            row = int(re.search(r"\d+", ref).group(0)) - 1
            col = column_index(ref)
            fmt = self.xf_format[int(c.get("s", "0"))]
            v = c.find("m:v", NS)
            f = c.find("m:f", NS)
            formula = (f.text or "") if f is not None else None
            t = c.get("t")
            if t == "s":
                cells[(row, col)] = Cell("s", self.strings[int(v.text)], fmt, formula)
            elif t in ("str", "inlineStr"):
                cells[(row, col)] = Cell("s", "".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])), fmt, formula)
            elif v is not None:
                kind = "d" if "yy" in fmt else "n"
                cells[(row, col)] = Cell(kind, Decimal(v.text), fmt, formula)
        return cells
