#!/usr/bin/env python3
"""Makes NotoSansCJKsc-subset.otf, the CJK font bundled with the app.

egui draws a box for every character its fonts lack, and the notes stackradar reads are mostly
Chinese. The full Noto Sans CJK collection is ~20 MB per weight, so the app bundles a subset:
every character of GB2312 (Simplified), Big5 level 1 (the common Traditional characters) and
the punctuation and symbols that Chinese text uses. Rarer characters still render through the
system-font fallback when the machine has a CJK font.

Requirements: Debian's fonts-noto-cjk (for NotoSansCJK-Regular.ttc, SIL OFL 1.1) and PyPI's
fonttools (for pyftsubset). Run from anywhere; it writes next to itself:

    python3 assets/fonts/make_subset.py
"""

import pathlib
import subprocess
import sys
import tempfile

SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
# Face 2 of the collection is the Simplified Chinese one (SC): its glyph shapes follow the
# mainland standard, which is what most of the notes are written in.
FACE_INDEX = 2
HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "NotoSansCJKsc-subset.otf"


def double_byte_chars(codec, leads, trails):
    """Every character a double-byte codec maps the given lead and trail bytes to."""
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                chars.update(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                pass
    return chars


def wanted_chars():
    """GB2312, Big5 level 1 and symbols, plus the punctuation blocks Chinese text uses."""
    chars = double_byte_chars("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    big5_trails = list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF))
    # 0xA1-0xA3: Big5 symbols; 0xA4-0xC6: level-1 (frequently used) characters.
    chars |= double_byte_chars("big5", range(0xA1, 0xC7), big5_trails)
    blocks = [
        (0x0020, 0x007E),  # ASCII, so that Latin text in a CJK line keeps one look
        (0x2000, 0x206F),  # general punctuation: dashes, quotes, ellipsis
        (0x3000, 0x303F),  # CJK symbols and punctuation: 。、「」《》
        (0xFF00, 0xFFEF),  # full-width forms: ，：（）
        (0xFE30, 0xFE4F),  # CJK compatibility forms: vertical punctuation
        (0x2190, 0x21FF),  # arrows, for the interface (back, folding)
        (0x25A0, 0x25FF),  # geometric shapes: ▶ ▼ ◆
        (0x2600, 0x26FF),  # miscellaneous symbols: ⚠
        (0x2B00, 0x2BFF),  # more arrows: ⬅
    ]
    for first, last in blocks:
        chars.update(chr(c) for c in range(first, last + 1))
    return sorted(c for c in chars if c.isprintable())


def alias_replacement_character():
    """Draws U+FFFD (the replacement character) as ◆.

    Text that could not be decoded or repaired shows U+FFFD, and Noto Sans CJK has no glyph for
    it; egui would draw an empty box (or, in tests, refuse). A black diamond is the shape the
    replacement character is drawn around in most fonts, so it reads as intended.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(OUTPUT)
    for table in font["cmap"].tables:
        if table.isUnicode() and 0x25C6 in table.cmap:
            table.cmap[0xFFFD] = table.cmap[0x25C6]
    font.save(OUTPUT)


def main():
    if not SOURCE.exists():
        sys.exit(f"{SOURCE} is missing: apt-get install fonts-noto-cjk")
    chars = wanted_chars()
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        f.write("".join(chars))
        text_file = f.name
    subprocess.run(
        [
            "pyftsubset",
            str(SOURCE),
            f"--font-number={FACE_INDEX}",
            f"--text-file={text_file}",
            "--layout-features=",
            "--no-hinting",
            "--name-IDs=*",
            f"--output-file={OUTPUT}",
        ],
        check=True,
    )
    pathlib.Path(text_file).unlink()
    alias_replacement_character()
    print(f"{OUTPUT.name}: {len(chars)} characters, {OUTPUT.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
