#!/usr/bin/env python3
"""Writes topologies/sample-metro.graphml: a small Topology Zoo style network.

The file follows the Internet Topology Zoo's GraphML conventions (the keys the
Zoo toolset writes: Latitude/Longitude doubles, an Internal int flag,
LinkSpeedRaw in bit/s, LinkSpeed + LinkSpeedUnits, LinkLabel, graph-level
Network/GeoExtent/NetworkDate/Creator) so `edgesim import topology`
recognises it as a Zoo file, and adds a few attribute types the Zoo lacks
(a boolean key with a <default>, a long key). The network itself is made up:
nine PoPs at the real coordinates of German cities, an external PoP in
Vienna, one data-centre PoP without coordinates. Deterministic: running it
again rewrites the same bytes.

    python3 tools/samples/make_graphml_sample.py
"""
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "topologies" / "sample-metro.graphml"

# id, label, latitude, longitude, internal, ASN (None: no coordinates)
POPS = [
    ("0", "Berlin", 52.52, 13.405, 1, 64500),
    ("1", "Hamburg", 53.5511, 9.9937, 1, 64500),
    ("2", "Munich", 48.1351, 11.582, 1, 64500),
    ("3", "Frankfurt", 50.1109, 8.6821, 1, 64500),
    ("4", "Cologne", 50.9375, 6.9603, 1, 64500),
    ("5", "Stuttgart", 48.7758, 9.1829, 1, 64500),
    ("6", "Leipzig", 51.3397, 12.3731, 1, 64500),
    ("7", "Hanover", 52.3759, 9.732, 1, 64500),
    ("8", "Vienna", 48.2082, 16.3738, 0, 4294967296),
    ("9", "Datacenter West", None, None, 1, 64500),
]

# source, target, LinkSpeedRaw (bit/s), LinkSpeed, units, LinkLabel, backbone
LINKS = [
    ("0", "1", 10e9, "10", "G", "10 Gbps", True),
    ("0", "6", 10e9, "10", "G", "10 Gbps", True),
    ("6", "2", None, None, None, "STM-16", True),
    ("2", "5", 10e9, "10", "G", "10 Gbps", True),
    ("5", "3", 10e9, "10", "G", "10 Gbps", True),
    ("3", "4", 10e9, "10", "G", "10 Gbps", True),
    ("4", "7", None, None, None, "OC-48", None),
    ("7", "1", 10e9, "10", "G", "10 Gbps", True),
    ("7", "0", 2.5e9, "2.5", "G", "2.5 Gbps", None),
    ("3", "6", 10e9, "10", "G", "10 Gbps", True),
    ("3", "6", None, "1", "G", None, None),
    ("2", "8", 1e9, "1", "G", "1 Gbps peering", False),
    ("3", "9", None, "100", "G", None, None),
]

NODE_KEYS = [("d4", "Latitude", "double"), ("d5", "Internal", "int"), ("d6", "Longitude", "double"),
             ("d7", "label", "string"), ("d8", "ASN", "long")]
EDGE_KEYS = [("d9", "LinkSpeedRaw", "double"), ("d10", "LinkSpeed", "string"), ("d11", "LinkSpeedUnits", "string"),
             ("d12", "LinkLabel", "string")]


def main() -> None:
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- A made-up metro network in the style of the Internet Topology Zoo; see tools/samples/make_graphml_sample.py -->',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key attr.name="GeoExtent" attr.type="string" for="graph" id="d0" />',
        '  <key attr.name="Network" attr.type="string" for="graph" id="d1" />',
        '  <key attr.name="NetworkDate" attr.type="string" for="graph" id="d2" />',
        '  <key attr.name="Creator" attr.type="string" for="graph" id="d3" />',
    ]
    for key_id, name, kind in NODE_KEYS:
        lines.append(f'  <key attr.name="{name}" attr.type="{kind}" for="node" id="{key_id}" />')
    for key_id, name, kind in EDGE_KEYS:
        lines.append(f'  <key attr.name="{name}" attr.type="{kind}" for="edge" id="{key_id}" />')
    lines.append('  <key attr.name="Backbone" attr.type="boolean" for="edge" id="d13">')
    lines.append('    <default>false</default>')
    lines.append('  </key>')
    lines.append('  <graph edgedefault="undirected">')
    for key_id, value in (("d0", "Country"), ("d1", "SampleMetro"), ("d2", "2024_01"), ("d3", "edgesim sample script")):
        lines.append(f'    <data key="{key_id}">{value}</data>')
    for pop, label, latitude, longitude, internal, asn in POPS:
        lines.append(f'    <node id="{pop}">')
        if latitude is not None:
            lines.append(f'      <data key="d4">{latitude}</data>')
        lines.append(f'      <data key="d5">{internal}</data>')
        if longitude is not None:
            lines.append(f'      <data key="d6">{longitude}</data>')
        lines.append(f'      <data key="d7">{escape(label)}</data>')
        lines.append(f'      <data key="d8">{asn}</data>')
        lines.append('    </node>')
    for source, target, raw, speed, units, label, backbone in LINKS:
        lines.append(f'    <edge source="{source}" target="{target}">')
        if raw is not None:
            lines.append(f'      <data key="d9">{raw}</data>')
        if speed is not None:
            lines.append(f'      <data key="d10">{speed}</data>')
        if units is not None:
            lines.append(f'      <data key="d11">{units}</data>')
        if label is not None:
            lines.append(f'      <data key="d12">{escape(label)}</data>')
        if backbone is not None:
            lines.append(f'      <data key="d13">{"True" if backbone else "False"}</data>')
        lines.append('    </edge>')
    lines.append('  </graph>')
    lines.append('</graphml>')
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
