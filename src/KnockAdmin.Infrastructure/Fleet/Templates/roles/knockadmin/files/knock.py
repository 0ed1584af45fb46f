#!/usr/bin/env python3
"""Knocks once on each step of a KnockAdmin sequence, in order, from the control node.

Usage: knock.py ADDRESS STEPS_JSON, with STEPS_JSON as [{"port": 7000, "protocol": "tcp"}, ...].
One packet per step: a TCP SYN (the socket is closed before the kernel would send it again, which would be a
repeated knock) or one UDP datagram.
"""
import json
import socket
import sys
import time

GAP_SECONDS = 0.2


def knock(address, port, protocol):
    kind = socket.SOCK_DGRAM if protocol == "udp" else socket.SOCK_STREAM
    family, _, _, _, target = socket.getaddrinfo(address, port, type=kind)[0]
    with socket.socket(family, kind) as sock:
        if kind == socket.SOCK_DGRAM:
            sock.sendto(b"\0", target)
            return
        sock.setblocking(False)
        try:
            sock.connect(target)
        except BlockingIOError:
            pass  # The SYN is on its way; nothing answers a closed step.


def main():
    address, steps = sys.argv[1], json.loads(sys.argv[2])
    if not steps:
        sys.exit("no knock steps given")
    for step in steps:
        knock(address, int(step["port"]), step.get("protocol", "tcp"))
        time.sleep(GAP_SECONDS)
    print(f"knocked {len(steps)} step(s) on {address}")


if __name__ == "__main__":
    main()
