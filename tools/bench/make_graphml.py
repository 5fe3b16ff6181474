#!/usr/bin/env python3
"""Writes a synthetic GraphML file for the import benchmark, deterministically.

Shape: networkx-style keys (node `kind` string, node `cores` long, edge
`latency` double), `edgedefault="undirected"`, node ids `n<k>`, edges without
ids joining uniformly random node pairs (seeded), one element per line (100k
nodes and 300k edges make about 30 MB). Usage:

    make_graphml.py NODES EDGES OUTPUT [SEED]
"""
import random
import sys

KINDS = ("device", "edge", "cloud", "router", "switch")


def main() -> None:
    nodes, edges, output = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 42
    generator = random.Random(seed)
    with open(output, "w", encoding="utf-8") as handle:
        write = handle.write
        write("<?xml version='1.0' encoding='utf-8'?>\n")
        write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
              'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        write('  <key id="d2" for="edge" attr.name="latency" attr.type="double" />\n')
        write('  <key id="d1" for="node" attr.name="cores" attr.type="long" />\n')
        write('  <key id="d0" for="node" attr.name="kind" attr.type="string" />\n')
        write('  <graph edgedefault="undirected">\n')
        lines = []
        for node in range(nodes):
            kind = KINDS[generator.randrange(len(KINDS))]
            cores = generator.choice((1, 2, 4, 8, 16, 32, 64))
            lines.append(f'<node id="n{node}"><data key="d0">{kind}</data><data key="d1">{cores}</data></node>\n')
            if len(lines) >= 10000:
                write("".join(lines))
                lines.clear()
        for edge in range(edges):
            source, target = generator.randrange(nodes), generator.randrange(nodes)
            latency = round(generator.uniform(0.05, 40.0), 3)
            lines.append(f'<edge source="n{source}" target="n{target}"><data key="d2">{latency}</data></edge>\n')
            if len(lines) >= 10000:
                write("".join(lines))
                lines.clear()
        write("".join(lines))
        write("  </graph>\n</graphml>\n")


if __name__ == "__main__":
    main()
