#!/usr/bin/env python3
"""Writes the origin tree the load benchmark serves: a PEP 503 index with one project of many files
(so the cached page has a realistic size) and one project with a single large file (for MB/s), and
an npm package with many versions (so the cached packument has a realistic size) whose newest
version has a large tarball.

Usage: fixtures.py OUTDIR PAGE_PROJECT PAGE_FILES BIG_PROJECT BIG_MIB SEED ORIGIN NPM_PACKAGE NPM_VERSIONS NPM_MIB
ORIGIN is the origin's base URL (http://127.0.0.1:PORT): npm packuments name their tarballs by
absolute URL, and the gateway fetches only tarballs on its upstream's host and port.
Prints four lines: the large wheel's name and sha256, the newest npm version and its tarball's sha512.

Layout: simple/ and files/ (PyPI), packuments/<NPM_PACKAGE>.json (the origin serves it at
/<NPM_PACKAGE>; it cannot be a file of that name, as that is the directory of the tarballs) and
<NPM_PACKAGE>/-/<NPM_PACKAGE>-<version>.tgz.

Only the digests of files matter to the gateway, so the files are arbitrary bytes; wheel names are
valid because the gateway reads the version from them, and tarballs need not be real gzip'd tars.
The large files come from a seeded generator so every run (and every machine) benchmarks the same
bytes.
"""
import base64
import datetime
import hashlib
import html
import json
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


def write_random(path, mib, seed, algorithms):
    """mib MiB of seeded pseudo-random bytes at path, hashed while written; one hash per algorithm."""
    generator = random.Random(seed)
    digests = [hashlib.new(a) for a in algorithms]
    with open(path, "wb") as f:
        for _ in range(mib):
            chunk = generator.randbytes(CHUNK)
            for digest in digests:
                digest.update(chunk)
            f.write(chunk)
    return digests


def write_big_file(out, project, mib, seed):
    """A mib MiB wheel of seeded pseudo-random bytes; returns its name and sha256."""
    name = f"{module_name(project)}-1.0.0-py3-none-any.whl"
    (digest,) = write_random(os.path.join(out, "files", name), mib, seed, ["sha256"])
    return name, digest.hexdigest()


def npm_versions(count):
    """count semver versions, oldest first: 1.0.0 .. 1.9.9, 2.0.0 .. (ten patches per minor)."""
    return [f"{1 + i // 100}.{i // 10 % 10}.{i % 10}" for i in range(count)]


def npm_dist(url, sha512, sha1):
    """A version's dist: the registry's SRI string (base64 of the raw sha512) and legacy shasum."""
    return {"integrity": "sha512-" + base64.b64encode(sha512.digest()).decode("ascii"),
            "shasum": sha1.hexdigest(), "tarball": url}


def write_tarballs(out, origin, package, versions, newest_mib, seed):
    """One tarball per version: the newest newest_mib MiB of seeded bytes (for MB/s), the others a
    line of text each. Returns version -> dist, and the newest tarball's sha512 in hex."""
    directory = os.path.join(out, package, "-")
    os.makedirs(directory, exist_ok=True)
    names = {v: f"{package}-{v}.tgz" for v in versions}
    digests = {}
    for version in versions[:-1]:
        data = f"{package} benchmark fixture {names[version]}\n".encode()
        with open(os.path.join(directory, names[version]), "wb") as f:
            f.write(data)
        digests[version] = hashlib.sha512(data), hashlib.sha1(data)
    newest = versions[-1]
    digests[newest] = write_random(os.path.join(directory, names[newest]), newest_mib, seed, ["sha512", "sha1"])
    dists = {v: npm_dist(f"{origin}/{package}/-/{names[v]}", *digests[v]) for v in versions}
    return dists, digests[newest][0].hexdigest()


# What a typical library's versions carry besides dist: the full packument repeats all of it per
# version, which is what makes real packuments large.
NPM_DEPENDENCIES = ["tg-npm-dep-core", "tg-npm-dep-util", "tg-npm-dep-log", "tg-npm-dep-parse", "tg-npm-dep-fmt"]
NPM_DEV_DEPENDENCIES = ["tg-npm-dev-test", "tg-npm-dev-lint", "tg-npm-dev-types", "tg-npm-dev-build"]
NPM_PERSON = {"name": "tollgate-bench", "email": "bench@example.com"}


def npm_version_document(package, version, dist, generator):
    """A full version document as the registry stores it; build and test scripts, no install script
    (the gateway refuses those by default). Dependency ranges vary per version, from the generator."""
    def ranges(names):
        return {n: f"^{generator.randint(0, 9)}.{generator.randint(0, 20)}.{generator.randint(0, 9)}" for n in names}
    return {
        "name": package, "version": version,
        "description": "Load-benchmark fixture package of Tollgate, shaped like a typical utility library",
        "keywords": ["benchmark", "fixture", "tollgate"], "homepage": "https://example.com/tollgate/bench#readme",
        "bugs": {"url": "https://example.com/tollgate/bench/issues"}, "license": "MIT",
        "author": NPM_PERSON, "main": "lib/index.js", "types": "lib/index.d.ts", "files": ["lib"],
        "engines": {"node": ">=18"},
        "scripts": {"build": "tsc -p tsconfig.build.json", "lint": "eslint src test", "test": "node --test test/"},
        "repository": {"type": "git", "url": "git+https://example.com/tollgate/bench.git"},
        "dependencies": ranges(NPM_DEPENDENCIES), "devDependencies": ranges(NPM_DEV_DEPENDENCIES),
        "gitHead": hashlib.sha1(f"{package}@{version}".encode()).hexdigest(),
        "_id": f"{package}@{version}", "_nodeVersion": "20.11.1", "_npmVersion": "10.2.4",
        "dist": dict(dist, fileCount=24, unpackedSize=generator.randint(40_000, 90_000)),
        "_npmUser": NPM_PERSON, "maintainers": [NPM_PERSON], "directories": {}, "_hasShrinkwrap": False,
    }


def write_packument(out, package, dists, seed):
    """The full packument (what npm fetches with Accept: application/json) of every version in dists,
    with a publish time per version a week apart, long past (no minimum release age holds one back)."""
    versions = list(dists)
    generator = random.Random(seed)
    first = datetime.datetime(2019, 1, 7, 9, 30, tzinfo=datetime.timezone.utc)
    published = {v: (first + datetime.timedelta(days=7 * i)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
                 for i, v in enumerate(versions)}
    readme = "".join(f"## Section {i}\n\nHow to use part {i} of {package}, with an example.\n\n" for i in range(40))
    packument = {
        "_id": package, "name": package, "dist-tags": {"latest": versions[-1]},
        "versions": {v: npm_version_document(package, v, dists[v], generator) for v in versions},
        "time": {"created": published[versions[0]], "modified": published[versions[-1]], **published},
        "maintainers": [NPM_PERSON], "description": "Load-benchmark fixture package of Tollgate",
        "readme": readme, "readmeFilename": "README.md", "license": "MIT",
    }
    os.makedirs(os.path.join(out, "packuments"), exist_ok=True)
    with open(os.path.join(out, "packuments", f"{package}.json"), "w", encoding="utf-8") as f:
        json.dump(packument, f, separators=(",", ":"))  # compact, as the registry serves it


def main():
    out, page_project, page_files, big_project, big_mib, seed = sys.argv[1:7]
    origin, npm_package, npm_count, npm_mib = sys.argv[7:11]
    os.makedirs(os.path.join(out, "files"), exist_ok=True)
    write_page(out, page_project, write_small_files(out, page_project, int(page_files)))
    big_name, big_sha = write_big_file(out, big_project, int(big_mib), int(seed))
    write_page(out, big_project, [(big_name, big_sha)])
    root = "".join(f'    <a href="{p}/">{p}</a><br/>\n' for p in sorted((page_project, big_project)))
    with open(os.path.join(out, "simple", "index.html"), "w", encoding="utf-8") as f:
        f.write(f"<!DOCTYPE html>\n<html>\n  <body>\n{root}  </body>\n</html>\n")
    # seed + 1: the tarball's bytes differ from the wheel's, so no cache could serve one for the other.
    dists, npm_sha512 = write_tarballs(out, origin, npm_package, npm_versions(int(npm_count)), int(npm_mib), int(seed) + 1)
    write_packument(out, npm_package, dists, int(seed))
    print(big_name)
    print(big_sha)
    print(list(dists)[-1])
    print(npm_sha512)


if __name__ == "__main__":
    main()
