#!/usr/bin/env python3
"""Draws kapukulcs.ico: a white key on a blue rounded square, at the sizes
Explorer asks for (16-256 px), each a PNG inside the .ico (Windows Vista
and later read them). Only the standard library, so anyone can redraw it:

    python3 packaging/windows/icon.py packaging/windows/kapukulcs.ico
"""
import struct
import sys
import zlib

BLUE = (31, 95, 168)
WHITE = (255, 255, 255)
SIZES = (16, 24, 32, 48, 64, 128, 256)


def inside_rounded(x, y, lo, hi, r):
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def colour(x, y):
    """The colour at (x, y) of the 256-unit design, or None outside it."""
    if not inside_rounded(x, y, 8, 248, 44):
        return None
    # The key: a ring (its bow), a shaft and two teeth.
    d = ((x - 86) ** 2 + (y - 128) ** 2) ** 0.5
    if 24 <= d <= 56:
        return WHITE
    if 136 <= x <= 226 and 116 <= y <= 140:
        return WHITE
    if (186 <= x <= 204 or 212 <= x <= 226) and 140 <= y <= (174 if x <= 204 else 162):
        return WHITE
    return BLUE


def render(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples) * 256 / size
                    y = (py + (sy + 0.5) / samples) * 256 / size
                    c = colour(x, y)
                    if c is not None:
                        acc[0] += c[0]
                        acc[1] += c[1]
                        acc[2] += c[2]
                        acc[3] += 1
            n = acc[3]
            if n:
                row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, 255 * n // samples**2])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def ico(images):
    out = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    data = b""
    for size, image in images:
        side = 0 if size == 256 else size
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(image), offset + len(data))
        data += image
    return out + data


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(ico([(s, render(s)) for s in SIZES]))
