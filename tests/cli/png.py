"""Reads a PNG with the Python standard library only (zlib): enough for the CLI tests to look at a
browser's screenshot. `python3 png.py stats FILE` prints size and colour statistics;
`python3 png.py crop FILE OUT Y0 Y1` writes rows Y0..Y1 to OUT (to look at a long page)."""
import struct
import sys
import zlib


def read(path):
    """Returns (width, height, rows) with rows a list of bytes objects of RGB(A) pixels."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat = 8, b""
    width = height = depth = ctype = interlace = None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if depth != 8 or ctype not in (2, 6) or interlace != 0:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def pixels(width, bpp, rows):
    for line in rows:
        for x in range(width):
            yield line[x * bpp:x * bpp + 3]


def write(path, width, bpp, rows):
    ctype = 2 if bpp == 3 else 6
    raw = b"".join(b"\x00" + r for r in rows)
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, ctype, 0, 0, 0))
    out += chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b"")
    open(path, "wb").write(out)


if __name__ == "__main__":
    cmd, path = sys.argv[1], sys.argv[2]
    w, h, bpp, rows = read(path)
    if cmd == "crop":
        y0, y1 = int(sys.argv[4]), int(sys.argv[5])
        write(sys.argv[3], w, bpp, rows[y0:y1])
    else:
        colours = {}
        for p in pixels(w, bpp, rows):
            colours[p] = colours.get(p, 0) + 1
        print(w, h, len(colours), max(colours.values()) / (w * h))
