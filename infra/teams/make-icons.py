#!/usr/bin/env python3
"""Draws the two Teams app icons (no image library needed): color.png 192x192 and outline.png 32x32.

Teams wants the outline icon white on a transparent background; the color icon is full bleed.
The picture is a terminal prompt ">_" for "SSH help".
"""
import struct
import zlib
from pathlib import Path


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def prompt(x, y, size):
    """True where the ">_" glyph is, in a 16x16 design grid scaled to the icon."""
    gx, gy = x * 16 // size, y * 16 // size
    chevron = 3 <= gx <= 7 and 4 <= gy <= 11 and -1 <= abs(gy - 7.5) - (7.5 - gx) <= 0.5
    underscore = 8 <= gx <= 12 and 10 <= gy <= 11
    return chevron or underscore


def color(x, y, size):
    if prompt(x, y, size):
        return (255, 255, 255, 255)
    return (35, 92, 160, 255)


def outline(x, y, size):
    return (255, 255, 255, 255) if prompt(x, y, size) else (0, 0, 0, 0)


here = Path(__file__).resolve().parent
png(here / "color.png", 192, color)
png(here / "outline.png", 32, outline)
