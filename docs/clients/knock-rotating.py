#!/usr/bin/env python3
"""Knocks the current sequence of a KnockAdmin rotating profile (Python 3, standard library only).

Usage: knock-rotating.py HOST SECRET_BASE32 PERIOD LENGTH START END
The numbers are the profile's rotation settings as the panel shows them. Each knock is one TCP SYN: the
connection attempt is given up after 0.3 s, before the kernel would send it again (a repeat resets the sequence).
"""
import base64, hashlib, hmac, socket, struct, sys, time


def sequence(secret: bytes, period: int, length: int, start: int, end: int, now: int) -> list[int]:
    t = now // period
    size = end - start + 1
    limit = 2**32 - (2**32 % size)
    ports, n = [], 0
    while len(ports) < length:
        block = hmac.new(secret, b"KnockAdmin sequence v1" + struct.pack(">qI", t, n), hashlib.sha256).digest()
        for i in range(0, 32, 4):
            w = struct.unpack(">I", block[i:i + 4])[0]
            port = start + w % size
            if w < limit and port not in ports and len(ports) < length:
                ports.append(port)
        n += 1
    return ports


def knock(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(0.3)
        try:
            s.connect((host, port))
        except OSError:
            pass


if __name__ == "__main__":
    host, secret_text = sys.argv[1], sys.argv[2]
    period, length, start, end = (int(value) for value in sys.argv[3:7])
    secret = base64.b32decode(secret_text.upper() + "=" * (-len(secret_text) % 8))
    for port in sequence(secret, period, length, start, end, int(time.time())):
        knock(host, port)
