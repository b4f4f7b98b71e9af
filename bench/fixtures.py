#!/usr/bin/env python3
"""Writes the origin tree the load benchmark serves: a PEP 503 index with one project of many files
(so the cached page has a realistic size) and one project with a single large file (for MB/s).

Usage: fixtures.py OUTDIR PAGE_PROJECT PAGE_FILES BIG_PROJECT BIG_MIB SEED
Prints the large file's name and sha256 as two lines.

Only the sha256 of a file matters to the gateway, so the files are arbitrary bytes; their names are
valid wheel names because the gateway reads the version from them. The large file comes from a
seeded generator so every run (and every machine) benchmarks the same bytes.
"""
import hashlib
import html
import os
import random
import sys

# Platform tags of a typical binary release; one wheel per tag and version.
WHEEL_TAGS = [
    "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
    "cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64",
    "cp311-cp311-musllinux_1_1_x86_64",
    "cp311-cp311-macosx_11_0_arm64",
    "cp311-cp311-win_amd64",
]
CHUNK = 1 << 20


def module_name(project):
    """The distribution name as it appears in a wheel filename (PEP 427: '-' becomes '_')."""
    return project.replace("-", "_")


def write_page(out, project, links):
    """A PEP 503 project page at simple/<project>/index.html; links are (filename, sha256) pairs."""
    rows = "".join(
        f'    <a href="../../files/{html.escape(name)}#sha256={digest}" data-requires-python="&gt;=3.8">'
        f"{html.escape(name)}</a><br/>\n"
        for name, digest in links)
    page = (f"<!DOCTYPE html>\n<html>\n  <head>\n    <meta name=\"pypi:repository-version\" content=\"1.0\">\n"
            f"    <title>Links for {project}</title>\n  </head>\n  <body>\n    <h1>Links for {project}</h1>\n"
            f"{rows}  </body>\n</html>\n")
    directory = os.path.join(out, "simple", project)
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "index.html"), "w", encoding="utf-8") as f:
        f.write(page)


def write_small_files(out, project, count):
    """count small wheels spread over versions x WHEEL_TAGS; returns their (filename, sha256)."""
    links = []
    for i in range(count):
        version = f"1.{i // len(WHEEL_TAGS)}.0"
        name = f"{module_name(project)}-{version}-{WHEEL_TAGS[i % len(WHEEL_TAGS)]}.whl"
        data = f"{project} benchmark fixture {name}\n".encode()
        with open(os.path.join(out, "files", name), "wb") as f:
            f.write(data)
        links.append((name, hashlib.sha256(data).hexdigest()))
    return links


def write_big_file(out, project, mib, seed):
    """A mib MiB wheel of seeded pseudo-random bytes, hashed while it is written."""
    name = f"{module_name(project)}-1.0.0-py3-none-any.whl"
    generator = random.Random(seed)
    digest = hashlib.sha256()
    with open(os.path.join(out, "files", name), "wb") as f:
        for _ in range(mib):
            chunk = generator.randbytes(CHUNK)
            digest.update(chunk)
            f.write(chunk)
    return name, digest.hexdigest()


def main():
    out, page_project, page_files, big_project, big_mib, seed = sys.argv[1:7]
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    write_page(out, page_project, write_small_files(out, page_project, int(page_files)))
    big_name, big_sha = write_big_file(out, big_project, int(big_mib), int(seed))
    write_page(out, big_project, [(big_name, big_sha)])
    root = "".join(f'    <a href="{p}/">{p}</a><br/>\n' for p in sorted((page_project, big_project)))
    with open(os.path.join(out, "simple", "index.html"), "w", encoding="utf-8") as f:
        f.write(f"<!DOCTYPE html>\n<html>\n  <body>\n{root}  </body>\n</html>\n")
    print(big_name)
    print(big_sha)


if __name__ == "__main__":
    main()
