#!/usr/bin/env python3
"""pdfa_check.py FILE.pdf: the PDF/A-2b rules that free tools can check
(there is no PDF/A validator in Debian or npm; veraPDF is not packaged).
It reads the file's objects through qpdf (--json, --show-object) and the
XMP through xmllint, and prints each rule broken, one a line; exit 1 when
any is.  Checked: the header and its binary comment; the trailer's /ID and
no encryption; the catalog's XMP stream unfiltered, well-formed, with
pdfaid part 2, conformance B, and the Info dictionary's entries the same as
their XMP properties; an output intent GTS_PDFA1 whose profile is an RGB
display ICC profile, and no CMYK drawing beside it; every font embedded
(FontFile, FontFile2 or FontFile3) and every composite font with a
ToUnicode map; blend modes of PDF 1.7 only (PDF/A-2, unlike PDF/A-1,
allows transparency); no JavaScript, actions on open or on events, launch
actions, embedded files, LZW, image alternates or interpolation."""
import json
import os
import re
import subprocess
import sys
import tempfile

PDFAID = "http://www.aiim.org/pdfa/ns/id/"
# An Info entry and the XMP property that must say the same.
INFO_XMP = {"/Title": "dc:title/rdf:Alt/rdf:li", "/Author": "dc:creator/rdf:Seq/rdf:li[1]",
            "/Subject": "dc:description/rdf:Alt/rdf:li", "/Producer": "pdf:Producer",
            "/Creator": "xmp:CreatorTool", "/Keywords": "pdf:Keywords"}
# PDF/A-2 allows transparency (a scanned PDF's pages often carry a
# transparency group) with the blend modes of PDF 1.7 only.
BLEND_MODES = {"/" + m for m in ("Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge "
                                 "ColorBurn HardLight SoftLight Difference Exclusion Hue Saturation "
                                 "Color Luminosity").split()}
FORBIDDEN_KEYS = {"/JS": "JavaScript", "/AA": "an additional-actions dictionary",
                  "/EmbeddedFiles": "embedded files", "/Alternates": "image alternates",
                  "/OPI": "OPI", "/Encrypt": "encryption"}
FORBIDDEN_NAMES = {"/JavaScript": "a JavaScript action", "/Launch": "a launch action",
                   "/LZWDecode": "LZW compression", "/DeviceCMYK": "CMYK drawing beside an RGB intent"}


def xpath(xmp_file, expr):
    """The text of the XMP's first property at expr ("dc:title/rdf:Alt/rdf:li",
    a step may end in [N]), "" when there is none.  xmllint's --xpath takes
    no namespace bindings, so steps match local names; the prefixes are
    checked once, for pdfaid, by the caller."""
    steps = []
    for step in expr.split("/"):
        name, index = re.match(r"\w+:(\w+)(\[\d+\])?", step).groups()
        steps.append("*[local-name()='%s']%s" % (name, index or ""))
    return subprocess.run(["xmllint", "--xpath", "string(//*[local-name()='Description']/%s)"
                           % "/".join(steps), xmp_file], capture_output=True, text=True).stdout


def text(v):
    """A qpdf JSON string ("u:text" or "b:hex") as text."""
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    if isinstance(v, str) and v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return v


def walk(v):
    """Every (key, value) pair and every value of a qpdf JSON value."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield k, x
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield None, x
            yield from walk(x)


def main(path):
    broken = []
    with open(path, "rb") as f:
        head = f.read(64)
    lines = head.split(b"\n")
    if not re.match(rb"%PDF-1\.[0-7]$", lines[0]):
        broken.append("header is not %PDF-1.n on its own line")
    if len(lines) < 2 or not lines[1].startswith(b"%") or sum(c > 127 for c in lines[1][1:5]) < 4:
        broken.append("no comment of four binary bytes after the header")
    if subprocess.run(["qpdf", "--is-encrypted", path]).returncode == 0:
        print("the file is encrypted")
        return 1
    objs = json.loads(subprocess.run(["qpdf", "--json", path], capture_output=True,
                                     check=True).stdout)["qpdf"][1]

    def value(ref):
        o = objs.get("obj:" + ref) if isinstance(ref, str) and ref.endswith(" R") else None
        if o is None:
            return ref
        return o["stream"]["dict"] if "stream" in o else o.get("value")

    trailer = objs["trailer"]["value"]
    if not (isinstance(trailer.get("/ID"), list) and len(trailer["/ID"]) == 2):
        broken.append("the trailer has no /ID of two strings")
    catalog = value(trailer["/Root"])
    meta_ref = catalog.get("/Metadata")
    fd, xmp_file = tempfile.mkstemp(suffix=".xmp")
    os.close(fd)
    if not meta_ref:
        broken.append("the catalog has no /Metadata")
    else:
        meta = value(meta_ref)
        if "/Filter" in meta:
            broken.append("the XMP stream is filtered")
        if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
            broken.append("the XMP stream is not /Type /Metadata /Subtype /XML")
        data = subprocess.run(["qpdf", "--show-object=" + meta_ref.split()[0], "--raw-stream-data", path],
                              capture_output=True, check=True).stdout
        open(xmp_file, "wb").write(data)
        if subprocess.run(["xmllint", "--noout", xmp_file], capture_output=True).returncode:
            broken.append("the XMP is not well-formed XML")
        elif not re.search(rb'xmlns:(\w+)="' + re.escape(PDFAID.encode()), data):
            broken.append("the XMP has no pdfaid namespace")
        else:
            if xpath(xmp_file, "pdfaid:part").strip() != "2":
                broken.append("the XMP's pdfaid:part is not 2")
            if xpath(xmp_file, "pdfaid:conformance").strip() != "B":
                broken.append("the XMP's pdfaid:conformance is not B")
            info = value(trailer.get("/Info")) or {}
            for key, prop in INFO_XMP.items():
                if key in info and xpath(xmp_file, prop).strip() != text(info[key]).strip():
                    broken.append("Info %s is not the XMP's %s" % (key, prop))
    intents = [value(i) for i in catalog.get("/OutputIntents", [])]
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        broken.append("not exactly one GTS_PDFA1 output intent")
    else:
        ref = pdfa[0].get("/DestOutputProfile", "")
        icc = subprocess.run(["qpdf", "--show-object=" + ref.split()[0], "--filtered-stream-data", path],
                             capture_output=True).stdout if ref else b""
        if len(icc) < 128 or icc[36:40] != b"acsp" or icc[16:20] != b"RGB " or icc[12:16] != b"mntr":
            broken.append("the output intent's profile is not an RGB display ICC profile")
    for name, o in objs.items():
        if not name.startswith("obj:"):
            continue
        d = o["stream"]["dict"] if "stream" in o else o.get("value")
        for k, v in walk(d):
            if k in FORBIDDEN_KEYS:
                broken.append("%s: %s" % (name, FORBIDDEN_KEYS[k]))
            if isinstance(v, str) and v in FORBIDDEN_NAMES:
                broken.append("%s: %s" % (name, FORBIDDEN_NAMES[v]))
            if k == "/BM" and not all(m in BLEND_MODES for m in (v if isinstance(v, list) else [v])):
                broken.append("%s: blend mode %s is not one of PDF's" % (name, v))
            if k == "/Interpolate" and v is True:
                broken.append("%s: an interpolated image" % name)
        if not isinstance(d, dict):
            continue
        if d.get("/Type") == "/FontDescriptor" and not any(
                k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            broken.append("%s: a font that is not embedded" % name)
        if (d.get("/Type") == "/Font" and d.get("/Subtype") not in ("/Type0", "/Type3")
                and "/FontDescriptor" not in d):
            broken.append("%s: a font that is not embedded (no descriptor)" % name)
        if d.get("/Type") == "/Font" and d.get("/Subtype") == "/Type0" and "/ToUnicode" not in d:
            broken.append("%s: a composite font without a ToUnicode map" % name)
        if d.get("/Type") == "/Catalog" and "/OpenAction" in d:
            broken.append("%s: an action on opening" % name)
    os.unlink(xmp_file)
    for b in broken:
        print(b)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
