#!/usr/bin/env python3
"""Compare stackradar's counts and speed with a plain Python implementation of the same job.

Why this exists: to check that `stackradar report` counts what its documentation says it
counts, by recomputing the counts independently, and to know how much faster it is than a
competent Python pipeline doing the same work on the same corpus in the same run.

Run from the repository root, after `cargo build --release`:

    python3 benches/compare.py CORPUS_DIR [--stackradar target/release/stackradar] [--runs 3]

It runs `stackradar report CORPUS_DIR --out TMP --no-charts --force` (wall clock, median of
`--runs`), then the Python pipeline below (median of `--runs`, capped so that a slow run is not
repeated needlessly), compares the counts and prints MB/s of both and the ratio. Exit status:
0 when the counts agree (apart from the known differences below), 1 when they do not, 2 on a
usage error or when stackradar fails.

The Python pipeline (standard library only, Python 3.11) follows stackradar's documented rules:

- walk: recursively, following symbolic links, skipping hidden entries, reading
  .md .markdown .txt .text .html .htm (case-insensitive), skipping binary-looking files (NUL or
  more than 1 control byte in 10 in the first 8 KiB) and files over 64 MiB;
- decode: a UTF-8 byte-order mark is dropped; text must be valid UTF-8;
- talks: front matter, dated headings (Q&A collections), notes with their title line, `[Talk]`
  headings, Q&A and body passages, code fences (src/parse/*.rs);
- technologies: the catalog in assets/catalog/*.json (plus a `stackradar.catalog.json` in the
  corpus folder or the stackradar config folder, as stackradar reads them); every alias form
  (listed aliases, name, id, joined and hyphenated forms of spaced names; one-byte forms
  dropped) and the stance cue words go into one regular expression whose alternatives are
  sorted longest first, which makes Python's leftmost-first alternation leftmost-longest.
  Matching works on the UTF-8 bytes, as stackradar does: ASCII-case-insensitive, word
  boundaries only for aliases that start or end with an ASCII letter, digit or `_` (so CJK
  characters are boundaries), a rejected match resumes one character later (or after the Latin
  word it sits in), and the alias rules (exact case, `requires_context` within 60 bytes in the
  passage, talk-level context, `not_followed_by`, `not_preceded_by`) are checked in catalog
  order (src/extract/matcher.rs, src/extract/context.rs).

Counted: talks; mentions and talks per technology; for every pair of technologies, the talks
that mention both. stackradar's `cooccurrence.csv` holds only the network it draws (the 120
technologies in most talks, at least 2 talks each, edges of at least 2 talks), so the full pair
counts on its side are derived from its `mentions.csv`; `cooccurrence.csv` is then checked
against the Python pairs under the same filter, and `tools.csv` against `mentions.csv`.

The ratio compares whole jobs as a user runs them: stackradar's time is the full `report`
(it also decides stances, migrations and organisations, runs the analyses and writes every
table), the Python time is reading the catalog, walking, parsing and counting. The stance cue
words are read from src/extract/stance.rs, since they share stackradar's automaton with the
aliases and so take part in leftmost-longest matching.

Parallelism: files are processed by a `multiprocessing.Pool` with one worker per CPU
(`os.cpu_count()`), as stackradar uses every core (rayon); each worker gets whole files and
returns per-file counters that the parent adds up.

Known differences, not reproduced on purpose (files they affect are left out of the
comparison on both sides and listed, so they never count as disagreement):

- Files that are not valid UTF-8 (legacy encodings, broken bytes): stackradar guesses the
  encoding (chardetng); a plain script would need those libraries. They are reported.
- Files whose text stackradar's mojibake repair changed (`summary.json`, `lines_repaired` > 0):
  the repair uses a word-lattice language model, out of reach of a plain script. A clean
  corpus has none.
- HTML files: stackradar reduces them to text with html2text, whose layout a plain script does
  not reproduce byte for byte.

Simplifications that could matter only on unusual input (a difference they cause is reported
as a disagreement, not hidden): front matter is read with a small `key: value` reader, not a
YAML parser (plain and quoted scalars only; a title written as a YAML number, list or block
scalar reads differently); Python's idea of white space and of Unicode digits in regular
expressions differs slightly from Rust's (e.g. U+001C..U+001F are white space for Python); a
folder reached twice through symbolic links is read once here, while stackradar refuses only
links back to a folder above them.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations

# --- walking and reading (src/corpus/load.rs) ----------------------------------------------

NOTE_EXTENSIONS = {"md", "markdown", "txt", "text", "html", "htm"}
MAX_FILE_BYTES = 64 * 1024 * 1024


def note_files(root: str) -> list[tuple[str, str]]:
    """(shown path, full path) of every note file under `root`, sorted by shown path."""
    found = []
    # os.walk(followlinks=True) does not detect loops; remember the real folders seen (stricter
    # than stackradar, which only refuses a link back to an ancestor: see the docstring).
    seen_dirs = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:
            dirs[:] = []
            continue
        seen_dirs.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            full = os.path.join(folder, name)
            ext = name.rsplit(".", 1)[1].lower() if "." in name else ""
            if ext in NOTE_EXTENSIONS and os.path.isfile(full):
                shown = os.path.relpath(full, root).replace(os.sep, "/")
                found.append((shown, full))
    return sorted(found)


def looks_binary(data: bytes) -> bool:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    head = data[:8192]
    if b"\0" in head:
        return True
    control = sum(1 for b in head if b < 0x20 and b not in (9, 10, 13, 12, 27))
    return control * 10 > len(head)


# --- dates (src/parse/dates.rs): only whether a date is there, and where --------------------

NUMERIC = re.compile(
    r"(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?)"
)
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
MONTH_DAY_YEAR = re.compile(
    rf"(?i)\b({MONTHS})[a-z]*\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
)
DAY_MONTH_YEAR = re.compile(
    rf"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})[a-z]*\.?,?\s+(\d{{4}})\b"
)


def number(text: str | None) -> int:
    # Rust parses only ASCII digits; full-width digits make an impossible date there.
    return int(text) if text and text.isascii() and text.isdigit() else 0


def real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return 1970 <= year <= 2099


def month_number(name: str) -> int:
    return MONTHS.split("|").index(name[:3].lower()) + 1


def dates_in(text: str):
    """Yield (is_real, start, end) for every date in `text`, by start (stable across kinds)."""
    found = []
    for m in NUMERIC.finditer(text):
        start, end = m.start(1), m.end()
        before, after = text[start - 1:start], text[end:end + 1]
        if (before and before in "0123456789") or (after and after in "0123456789"):
            continue
        month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        found.append((real_date(number(m.group(1)), number(month), number(day)), start, end, 0))
    for m in MONTH_DAY_YEAR.finditer(text):
        ok = real_date(number(m.group(3)), month_number(m.group(1)), number(m.group(2)))
        found.append((ok, m.start(), m.end(), 1))
    for m in DAY_MONTH_YEAR.finditer(text):
        ok = real_date(number(m.group(3)), month_number(m.group(2)), number(m.group(1)))
        found.append((ok, m.start(), m.end(), 2))
    found.sort(key=lambda f: (f[1], f[3]))
    return [f[:3] for f in found]


def leading_date_len(text: str) -> int | None:
    """Characters a date at the very start of `text` spans (valid or not), or None."""
    trimmed = text.lstrip()
    found = dates_in(trimmed)
    if not found or found[0][1] != 0:
        return None
    return len(text) - len(trimmed) + found[0][2]


def leading_real_date(text: str) -> bool:
    trimmed = text.lstrip()
    found = dates_in(trimmed)
    return bool(found) and found[0][1] == 0 and found[0][0]


def first_real_date(text: str) -> int | None:
    """Character offset of the first real date in `text`."""
    return next((start for ok, start, _ in dates_in(text) if ok), None)


# --- lines and headings (src/parse/lines.rs) ------------------------------------------------


class Line:
    __slots__ = ("text", "start", "end", "in_code", "_heading")

    def __init__(self, text: str, start: int, end: int, in_code: bool):
        self.text, self.start, self.end, self.in_code = text, start, end, in_code
        self._heading = False

    def heading(self):
        """(level, text, byte offset of text) for an ATX heading outside code, else None."""
        if self._heading is False:
            self._heading = None if self.in_code or "#" not in self.text else self._read_heading()
        return self._heading

    def _read_heading(self):
        text = self.text
        lead = len(text) - len(text.lstrip(" "))
        level = len(text[lead:]) - len(text[lead:].lstrip("#"))
        rest = text[lead + level:]
        ok = 1 <= level <= 6 and (
            rest == "" or rest[0] in " \t[【" or rest[0] in "0123456789"
        )
        if not ok:
            return None
        body = rest.lstrip()
        at = lead + level + len(rest) - len(body)
        heading = body.rstrip().rstrip("#").rstrip()
        return level, heading, self.start + len(text[:at].encode())

    def is_blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str, offset: int) -> list[Line]:
    """Lines of `text` (which starts at byte `offset` of the file), with code fences marked."""
    out = []
    fence = None
    start = offset
    raws = text.split("\n")
    if raws and raws[-1] == "":
        raws.pop()  # a final newline does not start another line
    for raw in raws:
        content = raw[:-1] if raw.endswith("\r") else raw
        size = len(content.encode())
        stripped = content.lstrip()
        marker = "```" if stripped.startswith("```") else "~~~" if stripped.startswith("~~~") else None
        in_code = fence is not None or marker is not None
        if fence is None and marker:
            fence = marker
        elif fence is not None and marker == fence:
            fence = None
        out.append(Line(content, start, start + size, in_code))
        start += size + (len(raw) - len(content)) + 1
    return out


# --- front matter (src/parse/front_matter.rs), read without a YAML parser -------------------


def unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    if " #" in value:  # a YAML comment after a plain scalar
        value = value.split(" #", 1)[0].rstrip()
    return value


def inclusive_lines(text: str) -> list[str]:
    """Lines with their `\n`, like Rust's `split_inclusive('\n')`."""
    pieces = [piece + "\n" for piece in text.split("\n")]
    pieces[-1] = pieces[-1][:-1]
    return pieces if pieces[-1] else pieces[:-1]


def read_fields(lines: list[str]) -> dict:
    """Top-level `title:` and `date:` scalars of a front matter block."""
    fields = {}
    for line in lines:
        key, sep, value = line.partition(":")
        if sep and key in ("title", "date"):
            fields[key] = unquote(value) or None
    return fields


def front_matter(text: str):
    """(title, date, body byte offset) of the front matter at the start of `text`, or None."""
    pieces = inclusive_lines(text)
    if not pieces or pieces[0].rstrip() != "---":
        return None
    offset = len(pieces[0].encode())
    for count, line in enumerate(pieces[1:], start=1):
        if line.rstrip() in ("---", "..."):
            fields = read_fields(pieces[1:count])
            return fields.get("title"), fields.get("date"), offset + len(line.encode())
        offset += len(line.encode())
    # Never closed: a front matter that lost its end if the next line looks like `key: value`
    # (then the whole text stays the body), else a horizontal rule.
    second = pieces[1].rstrip("\n").rstrip("\r") if len(pieces) > 1 else ""
    key = second.split(":", 1)[0] if ":" in second else ""
    if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key):
        fields = read_fields(pieces[1:])
        return fields.get("title"), fields.get("date"), 0
    return None


# --- talks and passages (src/parse/talks.rs, src/parse/qa.rs) --------------------------------

TALK_TAG = re.compile(
    r"(?i)^(?:\[\s*(?:talk|分享|演讲|演講|讲座|講座)\s*\]|【\s*(?:talk|分享|演讲|演講|讲座|講座)\s*】)\s*[:：]?\s*"
)
QUOTED_QUESTION = re.compile(
    r"^\s*(?:>\s*)+(?:[-*+]\s+)?(?:Q\s*[\d.\-]*(?:\s*[:：.、)）]|\s|$)|(?:问|問)(?:题|題)?\s*\d*\s*[:：])\s*"
)
PLAIN_QUESTION = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*)?(?:Q\s*\d*|Question\s*\d*|(?:问|問)(?:题|題)?\s*\d*)\s*(?:\*\*)?\s*[:：]\s*"
)
ANSWER = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]\s+)?(?:\*\*)?(?:A\s*\d*|Answer\s*\d*|答|回答)\s*(?:\*\*)?\s*[:：]\s*"
)
MARKER_STARTS = frozenset(">-*+Q问問A答回")
BYLINE_WINDOW_LINES = 40
MAX_BYLINE_BYTES = 120
TITLE_HEADING_WINDOW_LINES = 3


def qa_passages(lines: list[Line], skip: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Byte ranges of the question, answer and body passages of one talk, in text order."""
    passages = []
    open_ = None  # [start, end]
    state = "body"  # or "answer", or ("question", quoted, gap)
    questions = 0

    def start(line, offset=0):
        nonlocal open_
        if open_:
            passages.append(tuple(open_))
        open_ = [line.start + len(line.text[:offset].encode()), line.end]

    for line in lines:
        if skip and any(s <= line.start < e for s, e in skip):
            if open_:
                passages.append(tuple(open_))
            open_, state = None, "body"
            continue
        # Every marker starts with one of these characters (after white space): a cheap test
        # before three regular expressions.
        marked = not line.in_code and line.text.lstrip()[:1] in MARKER_STARTS
        m = marked and (QUOTED_QUESTION.match(line.text) or PLAIN_QUESTION.match(line.text))
        if m:
            questions += 1
            start(line, m.end())
            state = ("question", line.text.lstrip().startswith(">"), False)
            continue
        m = marked and questions and ANSWER.match(line.text)
        if m:
            start(line, m.end())
            state = "answer"
            continue
        if line.heading():  # never inside code
            start(line)
            passages.append(tuple(open_))
            open_, state = None, "body"
            continue
        if line.is_blank():
            if state == "body":
                if open_:
                    passages.append(tuple(open_))
                open_ = None
            elif state != "answer":
                state = ("question", state[1], True)
            continue
        if state == "body":
            if open_:
                open_[1] = line.end
            else:
                start(line)
        elif state == "answer":
            open_[1] = line.end
        else:
            _, quoted, gap = state
            continues = (line.text.lstrip().startswith(">") and not gap) if quoted else not gap
            if continues:
                open_[1] = line.end
            else:  # text after a question without an `A:` marker is its answer
                start(line)
                state = "answer"
    if open_:
        passages.append(tuple(open_))
    return passages


def byte_find(line: Line, needle: str) -> int:
    """Byte offset in the file of `needle` inside `line` (of the line start if absent)."""
    at = line.text.find(needle)
    return line.start + (len(line.text[:at].encode()) if at >= 0 else 0)


def dated_headings(lines: list[Line]):
    """(index, line, level, title byte range) for every heading that starts with a date."""
    out = []
    for index, line in enumerate(lines):
        h = line.heading()
        if not h:
            continue
        level, heading, heading_offset = h
        length = leading_date_len(heading)
        if length is None:
            continue
        title = heading[length:]
        while title and (title[0].isspace() or title[0] in ":：-—|"):
            title = title[1:]
        end = heading_offset + len(heading.encode())
        out.append((index, line, level, (end - len(title.encode()), end)))
    return out


def collection_talks(lines, dated):
    """(talk byte range, passages) of each dated heading: it runs to the next dated heading or
    the next heading above its level."""
    talks = []
    for i, (index, line, level, title) in enumerate(dated):
        next_talk = dated[i + 1][0] if i + 1 < len(dated) else len(lines)
        body = lines[index + 1:next_talk]
        for cut, other in enumerate(body):
            h = other.heading()
            if h and h[0] < level:
                body = body[:cut]
                break
        end = body[-1].end if body else line.end
        talks.append(((line.start, end), [title] + qa_passages(body, [])))
    return talks


def tagged_talks(lines):
    """(range, passages) of `[Talk]` headings in a note."""
    talks = []
    for i, line in enumerate(lines):
        h = line.heading()
        if not h:
            continue
        level, heading, _ = h
        tag = TALK_TAG.match(heading)
        if not tag:
            continue
        title = heading[tag.end():].strip() or heading
        title_start = byte_find(line, title)
        rest = lines[i + 1:]
        for cut, l in enumerate(rest):
            hh = l.heading()
            if hh and hh[0] <= level:
                rest = rest[:cut]
                break
        end = rest[-1].end if rest else line.end
        passages = [(title_start, title_start + len(title.encode()))] + qa_passages(rest, [])
        talks.append(((line.start, end), passages))
    return talks


def note_title_range(path, text, data, lines, fm_title, fm_date):
    """Byte range of a note's title passage, or None."""
    content = [l for l in lines if not l.is_blank() and not l.in_code]
    first_h1 = None
    for l in content[:TITLE_HEADING_WINDOW_LINES]:
        h = l.heading()
        if h and h[0] == 1:
            first_h1 = (l, h[1])
            break
    if fm_title is not None:
        # A first heading repeating the front-matter title is the title line; otherwise the
        # first place the text says the title, front matter included.
        if first_h1 and first_h1[1].lstrip("#").strip() == fm_title.strip():
            line, heading = first_h1
            heading = heading.lstrip("#").strip()
            start = byte_find(line, heading)
            return start, start + len(heading.encode())
        at = text.find(fm_title)
        if at < 0:
            return None
        start = len(text[:at].encode())
        return start, start + len(fm_title.encode())
    chosen = first_h1 or byline_title(path, data, lines, fm_date) or (
        (content[0], content[0].text.strip()) if content else None
    )
    if not chosen:
        return None
    line, title = chosen
    title = title.lstrip("#").strip()
    start = byte_find(line, title)
    return start, start + len(title.encode())


def byline_title(path, data, lines, fm_date):
    """The line above a date standing alone near the top (a blog's title and byline)."""
    if fm_date is not None and leading_real_date(fm_date):
        return None
    if first_real_date(path.rsplit("/", 1)[-1]) is not None:
        return None
    window = lines[:BYLINE_WINDOW_LINES]
    if not window:
        return None
    # The first real date of the body decides; reading a little past the window is enough to
    # know whether it lies inside it.
    head = data[window[0].start:window[-1].end + 256].decode("utf-8", "ignore")
    offset = first_real_date(head)
    if offset is None:
        return None
    offset = window[0].start + len(head[:offset].encode())
    pos = next((i for i, l in enumerate(window) if l.start <= offset <= l.end), None)
    if pos is None or len(window[pos].text.encode()) > MAX_BYLINE_BYTES:
        return None
    trimmed = window[pos].text.strip()
    found = dates_in(trimmed)
    if not (found and found[0][1] == 0 and len(trimmed[found[0][2]:].encode()) <= 8):
        return None
    for above in reversed(lines[:pos]):
        if not above.is_blank() and not above.in_code:
            return above, above.text.strip()
    return None


def talks_of(path: str, text: str, data: bytes):
    """Every talk of a file (`text`, whose UTF-8 is `data`) as (byte range, passage ranges)."""
    fm = front_matter(text)
    fm_title, fm_date, body_start = fm if fm else (None, None, 0)
    lines = split_lines(data[body_start:].decode(), body_start)
    dated = dated_headings(lines)
    if dated:
        return collection_talks(lines, dated)
    title = note_title_range(path, text, data, lines, fm_title, fm_date)
    tagged = tagged_talks(lines)
    skip = [r for r, _ in tagged]
    if title:
        # A title taken from a body line is the title passage, not body text as well.
        line = next((l for l in lines if l.start <= title[0] and title[1] <= l.end), None)
        if line:
            skip.append((line.start, line.end + 1))
    start = lines[0].start if lines else 0
    end = lines[-1].end if lines else start
    note = ((start, end), ([title] if title else []) + qa_passages(lines, skip))
    return [note] + tagged


# --- the catalog (src/catalog/*.rs) ----------------------------------------------------------

CATALOG_FILES = ["platform", "network", "observability", "delivery", "data", "dev", "cloud"]
CATEGORIES = set(
    "orchestration container-runtime networking service-mesh ingress-gateway logging monitoring "
    "tracing ci-cd registry storage database message-queue cache config-discovery rpc-framework "
    "language os cloud serverless security scheduling-batch big-data-ai package-deploy "
    "observability-other other".split()
)
RULES = ("requires_context", "requires_talk_context", "excluded_by_talk_context",
         "not_followed_by", "not_preceded_by")
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_alias(raw) -> dict:
    alias = {"text": raw} if isinstance(raw, str) else dict(raw)
    alias["text"] = alias["text"].strip()
    alias.setdefault("case_sensitive", False)
    for rule in RULES:
        # Context words are compared ASCII-case-insensitively on bytes.
        alias[rule] = tuple(w.encode().lower() for w in alias.get(rule, ()))
    return alias


def plain_alias(text: str) -> dict:
    """A form without rules; unlike listed aliases, names and ids are not trimmed."""
    return dict(read_alias(""), text=text)


def load_catalog(repo: str, corpus: str) -> list[dict]:
    """Technologies in ToolId order: the embedded files, then user files (same id replaces)."""
    paths = [os.path.join(repo, "assets", "catalog", f"{name}.json") for name in CATALOG_FILES]
    config = os.environ.get("XDG_CONFIG_HOME")
    config = config if config and os.path.isabs(config) else (
        os.path.join(os.environ["HOME"], ".config") if "HOME" in os.environ else None)
    if config:
        paths.append(os.path.join(config, "stackradar", "stackradar.catalog.json"))
    paths.append(os.path.join(corpus, "stackradar.catalog.json"))
    techs, index = [], {}
    for path in paths:
        if not os.path.isfile(path):
            continue
        try:
            with open(path, encoding="utf-8") as f:
                entries = json.load(f).get("technologies", [])
        except (ValueError, OSError, AttributeError):
            continue
        for raw in entries:
            try:
                tech = {"id": raw["id"], "name": raw["name"],
                        "aliases": [read_alias(a) for a in raw.get("aliases", [])]}
            except (KeyError, TypeError, AttributeError):
                continue  # a bad entry costs that entry
            if not ID.fullmatch(tech["id"]) or not tech["name"].strip() or raw["category"] not in CATEGORIES:
                continue
            if any(not a["text"] for a in tech["aliases"]):
                continue
            if tech["id"] in index:
                techs[index[tech["id"]]] = tech
            else:
                index[tech["id"]] = len(techs)
                techs.append(tech)
    return techs


def match_forms(tech: dict) -> list[dict]:
    """Listed aliases, then name and id, then joined and hyphenated forms of spaced texts."""
    forms = []

    def push(alias):
        key = alias["text"].encode().lower()  # eq_ignore_ascii_case
        if alias["text"] and not any(f["text"].encode().lower() == key for f in forms):
            forms.append(alias)

    for alias in tech["aliases"]:
        if alias not in forms:
            forms.append(alias)
    push(plain_alias(tech["name"]))
    push(plain_alias(tech["id"]))
    for alias in [f for f in forms if " " in f["text"]]:
        for joiner in ("", "-"):
            push(dict(alias, text=alias["text"].replace(" ", joiner)))
    return forms


def stance_cues(repo: str) -> list[str]:
    """The cue words of src/extract/stance.rs: they share the automaton with the aliases, so a
    cue can hide an overlapping alias and must be matched too."""
    with open(os.path.join(repo, "src", "extract", "stance.rs"), encoding="utf-8") as f:
        source = f.read()
    table = source.split("pub const CUES", 1)[1].split("];", 1)[0]
    return re.findall(r'\(\s*"((?:[^"\\]|\\.)*)"\s*,\s*Cue::', table)


class Matcher:
    """Every alias text (grouped ignoring ASCII case) and cue word in one bytes regex."""

    def __init__(self, techs: list[dict], cues: list[str]):
        self.groups: dict[bytes, list[tuple[int, dict]]] = {}
        for tool, tech in enumerate(techs):
            for alias in match_forms(tech):
                text = alias["text"].encode()
                if len(text) > 1:  # one-letter forms would match inside every word
                    self.groups.setdefault(text.lower(), []).append((tool, alias))
        self.cues = {c.encode().lower() for c in cues} - set(self.groups)
        # Matching runs on the ASCII-lower-cased text (same byte offsets), so the regex needs no
        # IGNORECASE; a trie-shaped regex makes each position cost one byte test, not thousands.
        self.regex = re.compile(trie_regex(self.groups.keys() | self.cues))

    def scan(self, hay: bytes, low: bytes, passage, talk, memo, out: list[int]) -> None:
        """Appends the tool of every mention in `passage` (a byte range of `hay`, whose ASCII
        lower case is `low`) to `out`."""
        at, end = passage
        groups, cues, finditer = self.groups, self.cues, self.regex.finditer
        while at < end:
            # Accepted matches resume where they end, as finditer does; a rejected one restarts
            # the search one character later (or after the Latin word it sits in).
            for m in finditer(low, at, end):
                start, stop = m.span()
                accepted = on_boundaries(hay, start, stop)
                if accepted:
                    key = m.group()
                    if key not in cues:
                        accepted = False
                        for i, (tool, alias) in enumerate(groups[key]):
                            if alias_holds(alias, (key, i), hay, low, start, stop, passage, talk, memo):
                                out.append(tool)
                                accepted = True
                                break
                if not accepted:
                    at = resume_after_rejection(hay, start)
                    break
            else:
                return


def resume_after_rejection(hay: bytes, start: int) -> int:
    if start > 0 and hay[start - 1] in WORD and hay[start] in WORD:
        # Inside a Latin word no match can start on a boundary: go to its end.
        at = start
        while at < len(hay) and hay[at] in WORD:
            at += 1
        return at
    first = hay[start]
    return start + (4 if first >= 0xF0 else 3 if first >= 0xE0 else 2 if first >= 0xC0 else 1)


def trie_regex(keys) -> bytes:
    """A regex matching any of `keys`, shaped as their trie. At every node the longer
    continuations come before stopping, so the first match found is the longest: with
    `search`, leftmost-longest, as stackradar's automaton."""
    trie: dict = {}
    for key in keys:
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = True

    def build(node: dict) -> bytes:
        alts, leaves = [], []
        for byte in sorted(b for b in node if b is not None):
            child, literal = node[byte], re.escape(bytes([byte]))
            if list(child) == [None]:
                leaves.append(literal)
            else:
                alts.append(literal + build(child))
        if leaves:
            alts.append(leaves[0] if len(leaves) == 1 else b"[" + b"".join(leaves) + b"]")
        group = alts[0] if len(alts) == 1 else b"(?:" + b"|".join(alts) + b")"
        return b"(?:" + group + b")?" if None in node else group

    return build(trie)


WORD = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def on_boundaries(hay: bytes, start: int, end: int) -> bool:
    """Latin letters, digits and `_` continue a word; anything else (CJK too) is a boundary."""
    if start > 0 and hay[start] in WORD and hay[start - 1] in WORD:
        return False
    return not (end < len(hay) and hay[end - 1] in WORD and hay[end] in WORD)


def alias_holds(alias, key, hay, low, start, end, passage, talk, memo) -> bool:
    if alias["case_sensitive"] and hay[start:end] != alias["text"].encode():
        return False
    if any(low[end:min(end + len(w), passage[1])] == w for w in alias["not_followed_by"]):
        return False
    if any(start - len(w) >= passage[0] and low[start - len(w):start] == w
           for w in alias["not_preceded_by"]):
        return False
    if alias["requires_context"]:
        window = low[max(start - 60, passage[0]):min(end + 60, passage[1])]
        if not any(w in window for w in alias["requires_context"]):
            return False
    for rule, wanted in (("requires_talk_context", True), ("excluded_by_talk_context", False)):
        words = alias[rule]
        if words:
            memo_key = (key, rule)
            if memo_key not in memo:
                talk_text = low[talk[0]:talk[1]]
                memo[memo_key] = any(w in talk_text for w in words)
            if memo[memo_key] != wanted:
                return False
    return True


# --- the Python pipeline --------------------------------------------------------------------

MATCHER: Matcher | None = None  # set in the parent before the pool forks


def count_file(job):
    """Counts of one file: (path, status, talks, mentions per tool, talks per tool, pairs)."""
    shown, full = job
    try:
        size = os.path.getsize(full)
        if size > MAX_FILE_BYTES:
            return shown, "too-large", 0, Counter(), Counter(), Counter()
        with open(full, "rb") as f:
            data = f.read()
    except OSError:
        return shown, "unreadable", 0, Counter(), Counter(), Counter()
    if looks_binary(data):
        return shown, "binary", 0, Counter(), Counter(), Counter()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return shown, "not-utf8", 0, Counter(), Counter(), Counter()
    if shown.lower().endswith((".html", ".htm")):
        return shown, "html", 0, Counter(), Counter(), Counter()
    mentions, df, pairs = Counter(), Counter(), Counter()
    talks = talks_of(shown, text, data)
    found: list[int] = []
    low = data.lower()  # bytes.lower() changes ASCII letters only, as stackradar compares
    for talk_range, passages in talks:
        found.clear()
        memo: dict = {}
        for passage in passages:
            MATCHER.scan(data, low, passage, talk_range, memo, found)
        mentions.update(found)
        tools = sorted(set(found))
        df.update(tools)
        pairs.update(combinations(tools, 2))
    return shown, "ok", len(talks), mentions, df, pairs


def python_counts(corpus: str, repo: str, workers: int) -> tuple[list[str], list[tuple]]:
    """Runs the whole Python pipeline: technology ids in catalog order, and per-file counts."""
    global MATCHER
    techs = load_catalog(repo, corpus)
    MATCHER = Matcher(techs, stance_cues(repo))
    jobs = note_files(corpus)
    # Large files first, so that the last worker does not end with the largest one alone.
    jobs.sort(key=lambda job: -os.path.getsize(job[1]))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        files = list(pool.imap_unordered(count_file, jobs, chunksize=1))
    return [t["id"] for t in techs], sorted(files, key=lambda f: f[0])


def python_totals(ids: list[str], files: list[tuple], excluded: set[str]):
    """Talks, mentions per technology, talks per technology and pairs, by technology id."""
    talks, mentions, df, pairs = 0, Counter(), Counter(), Counter()
    for shown, _, n, m, d, p in files:
        if shown not in excluded:
            talks += n
            mentions.update(m)
            df.update(d)
            pairs.update(p)
    named = Counter({ids[k]: v for k, v in mentions.items()}), Counter({ids[k]: v for k, v in df.items()})
    return talks, *named, Counter({tuple(sorted((ids[a], ids[b]))): v for (a, b), v in pairs.items()})


# --- stackradar's side -----------------------------------------------------------------------


def run_stackradar(binary: str, corpus: str, out: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([binary, "report", corpus, "--out", out, "--no-charts", "--force"],
                          capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"stackradar failed ({done.returncode}): {done.stderr.strip()}")
    return took


def stackradar_counts(out: str, excluded: set[str]):
    """Talks, mentions, talks per tool and all pairs from the report, leaving out `excluded`."""
    talks = 0
    with open(os.path.join(out, "talks.jsonl"), encoding="utf-8") as f:
        for line in f:
            if json.loads(line)["file"] not in excluded:
                talks += 1
    mentions, per_talk = Counter(), {}
    with open(os.path.join(out, "mentions.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            talk = row["talk_id"]
            if talk.rsplit("#", 1)[0] in excluded:
                continue
            mentions[row["tool"]] += 1
            per_talk.setdefault(talk, set()).add(row["tool"])
    df, pairs = Counter(), Counter()
    for tools in per_talk.values():
        df.update(tools)
        pairs.update(combinations(sorted(tools), 2))
    return talks, mentions, df, pairs


def read_csv(out: str, name: str) -> list[dict]:
    with open(os.path.join(out, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def network_pairs(df: Counter, pairs: Counter, order: list[str]) -> Counter:
    """The pairs `cooccurrence.csv` keeps: among the 120 technologies in most talks (ties in
    catalog order) with at least 2 talks, the pairs with at least 2 talks (src/analysis/graph.rs)."""
    rank = {tool: i for i, tool in enumerate(order)}
    chosen = sorted((t for t, n in df.items() if n >= 2), key=lambda t: (-df[t], rank[t]))[:120]
    keep = set(chosen)
    return Counter({p: n for p, n in pairs.items() if n >= 2 and p[0] in keep and p[1] in keep})


# --- comparing and reporting -----------------------------------------------------------------


def largest_differences(ours: Counter, theirs: Counter, limit: int = 8):
    keys = sorted(set(ours) | set(theirs), key=lambda k: (-abs(ours[k] - theirs[k]), str(k)))
    return [(k, ours[k], theirs[k]) for k in keys[:limit] if ours[k] != theirs[k]]


def agreement(label: str, ours: Counter, theirs: Counter) -> bool:
    keys = set(ours) | set(theirs)
    same = sum(1 for k in keys if ours[k] == theirs[k])
    print(f"  {label:<22} {same:>7} of {len(keys):>7} agree exactly"
          f"   (totals: stackradar {sum(ours.values())}, Python {sum(theirs.values())})")
    for key, a, b in largest_differences(ours, theirs):
        name = " + ".join(key) if isinstance(key, tuple) else key
        print(f"      {name:<40} stackradar {a:>8}   Python {b:>8}")
    return same == len(keys)


def timed_median(run, runs: int, budget: float) -> tuple[float, object]:
    """Median wall-clock seconds of up to `runs` runs, stopping once `budget` seconds are spent."""
    times, result = [], None
    while len(times) < runs:
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
        if sum(times) > budget:
            break
    return statistics.median(times), result


def main() -> int:
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="folder of notes")
    parser.add_argument("--stackradar", default=os.path.join("target", "release", "stackradar"))
    parser.add_argument("--runs", type=int, default=3, help="runs of each side, median taken")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="Python worker processes (default: one per CPU)")
    args = parser.parse_args()
    if not os.path.isdir(args.corpus):
        parser.error(f"{args.corpus}: not a folder")
    if not os.path.isfile(args.stackradar):
        parser.error(f"{args.stackradar}: no such binary (cargo build --release, or --stackradar)")
    corpus = os.path.abspath(args.corpus)

    with tempfile.TemporaryDirectory(prefix="stackradar-compare-") as out:
        sr_time, _ = timed_median(lambda: run_stackradar(args.stackradar, corpus, out), args.runs, 120)
        py_time, (ids, files) = timed_median(lambda: python_counts(corpus, repo, args.workers),
                                             args.runs, 120)
        with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
            summary = json.load(f)
        # Files either side read differently on purpose are left out of both (see above).
        repaired = {f["path"] for f in summary["per_file"] if f["repair"]["lines_repaired"] > 0}
        status = {f[0]: f[1] for f in files}
        excluded = repaired | {path for path, state in status.items() if state != "ok"}
        sr = stackradar_counts(out, excluded)
        tools_csv = read_csv(out, "tools.csv")
        cooc_csv = read_csv(out, "cooccurrence.csv")
    py = python_totals(ids, files, excluded)
    mb = sum(os.path.getsize(full) for _, full in note_files(corpus)) / 1e6

    print(f"corpus: {len(files)} note files, {mb:.1f} MB")
    left_out = {path: state for path, state in status.items() if state != "ok"}
    left_out.update({path: "mojibake repaired by stackradar" for path in repaired})
    for reason in sorted(set(left_out.values())):
        names = sorted(p for p, r in left_out.items() if r == reason)
        print(f"  left out of the comparison ({reason}): {len(names)} files, e.g. {', '.join(names[:3])}")
    ok = report_agreement(sr, py, ids, tools_csv if not excluded else None, cooc_csv)

    print(f"\nspeed (wall clock, median of up to {args.runs} runs):")
    print(f"  stackradar  {sr_time:8.2f} s  {mb / sr_time:8.1f} MB/s")
    print(f"  Python      {py_time:8.2f} s  {mb / py_time:8.1f} MB/s   ({args.workers} processes)")
    print(f"  ratio       stackradar is {py_time / sr_time:.1f}x as fast")
    print("\ncounts agree" if ok else "\ncounts DISAGREE")
    return 0 if ok else 1


def report_agreement(sr, py, ids, tools_csv, cooc_csv) -> bool:
    """Prints the agreement table; True when everything agrees exactly."""
    (sr_talks, sr_mentions, sr_df, sr_pairs), (py_talks, py_mentions, py_df, py_pairs) = sr, py
    print("\nagreement (stackradar vs Python):")
    ok = sr_talks == py_talks
    print(f"  {'talks':<24} stackradar {sr_talks}, Python {py_talks}" + ("" if ok else "   DIFFER"))
    ok &= agreement("mentions per technology", sr_mentions, py_mentions)
    ok &= agreement("talks per technology", sr_df, py_df)
    ok &= agreement("pairs (talks together)", sr_pairs, py_pairs)
    if tools_csv is not None:
        # The report's own tables, when no file was left out: they cover the whole corpus.
        table = Counter({r["tool"]: int(r["mentions"]) for r in tools_csv})
        ok &= agreement("tools.csv mentions", table, py_mentions)
        edges = Counter({tuple(sorted((r["a"], r["b"]))): int(r["talks"]) for r in cooc_csv})
        ok &= agreement("cooccurrence.csv edges", edges, network_pairs(py_df, py_pairs, ids))
    return ok


if __name__ == "__main__":
    sys.exit(main())
