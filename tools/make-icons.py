#!/usr/bin/env python3
"""Draws the app's icons (a gold ring on maroon) as PNGs, with no imaging library: run once, commit the output."""
import math, struct, sys, zlib
from pathlib import Path

MAROON, GOLD, WHITE = (123, 30, 58), (214, 170, 60), (255, 255, 255)

def pixel(x, y, size, maskable):
    c = size / 2
    # Maskable icons keep their mark inside the central 80% safe zone and fill the whole square.
    r_out, r_in = size * (0.27 if maskable else 0.33), size * (0.19 if maskable else 0.235)
    corner = 0 if maskable else size * 0.18
    dx, dy = max(abs(x - c) - (c - corner), 0), max(abs(y - c) - (c - corner), 0)
    if corner and math.hypot(dx, dy) > corner:
        return None
    if math.hypot(x - c, y - (c + size * 0.03 - r_out)) <= size * 0.06:
        return WHITE
    d = math.hypot(x - c, y - c - size * 0.03)
    return GOLD if r_in <= d <= r_out else MAROON

def draw(size, maskable):
    ss, rows = 3, []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            acc, n = [0, 0, 0, 0], 0
            for sy in range(ss):
                for sx in range(ss):
                    p = pixel(x + (sx + .5) / ss, y + (sy + .5) / ss, size, maskable)
                    n += 1
                    if p:
                        acc[0] += p[0]; acc[1] += p[1]; acc[2] += p[2]; acc[3] += 255
            a = acc[3] // n
            row += bytes([acc[0] * 255 // max(acc[3], 1), acc[1] * 255 // max(acc[3], 1), acc[2] * 255 // max(acc[3], 1), a]) if a else bytes(4)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b''))

out = Path(sys.argv[1])
for name, size, maskable in [('icon-192.png', 192, False), ('icon-512.png', 512, False), ('icon-maskable-512.png', 512, True)]:
    (out / name).write_bytes(draw(size, maskable))
