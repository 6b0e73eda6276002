#!/usr/bin/env python3
"""Draws the Teams app icons (standard library only): color.png, 192x192, a white speech bubble with a cross on the
clinic's green, and outline.png, 32x32, the same bubble as a white outline on transparent, as Teams requires.
Run from anywhere: python3 deploy/teams/make-icons.py"""
import os
import struct
import zlib

GREEN = (0x00, 0x63, 0x5A, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    """Writes an RGBA PNG whose pixel (x, y) is pixel(x, y); rows unfiltered."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def in_rounded_box(x, y, left, top, right, bottom, radius):
    cx = min(max(x, left + radius), right - radius)
    cy = min(max(y, top + radius), bottom - radius)
    return left <= x <= right and top <= y <= bottom and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_bubble(x, y, s, inset=0.0):
    """The speech bubble in a unit square scaled by s: a rounded box and a tail at the lower left."""
    box = in_rounded_box(x, y, (0.12 + inset) * s, (0.16 + inset) * s, (0.88 - inset) * s, (0.70 - inset) * s, (0.14 - inset) * s)
    # The tail: a triangle below the box, pointing down-left.
    ty = (y - 0.68 * s) / (0.18 * s)
    tail = 0 <= ty <= 1 and (0.26 + inset + 0.0 * ty) * s <= x <= (0.46 - inset - 0.20 * ty) * s
    return box or (tail and inset == 0.0)


def in_cross(x, y, s):
    cx, cy, arm, half = 0.5 * s, 0.43 * s, 0.17 * s, 0.055 * s
    return (abs(x - cx) <= half and abs(y - cy) <= arm) or (abs(y - cy) <= half and abs(x - cx) <= arm)


def color(x, y):
    s = 192
    px, py = x + 0.5, y + 0.5
    if in_bubble(px, py, s):
        return GREEN if in_cross(px, py, s) else WHITE
    return GREEN


def outline(x, y):
    s = 32
    px, py = x + 0.5, y + 0.5
    # A two-pixel white line: inside the bubble but not inside the bubble shrunk by two pixels.
    return WHITE if in_bubble(px, py, s) and not in_bubble(px, py, s, inset=2.0 / s) else CLEAR


here = os.path.dirname(os.path.abspath(__file__))
png(os.path.join(here, "color.png"), 192, color)
png(os.path.join(here, "outline.png"), 32, outline)
