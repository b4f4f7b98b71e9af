#!/usr/bin/env python3
"""Writes an OCI image layout whose one layer is SIZE_MIB of seeded pseudo-random bytes, for the
load benchmark to push to a registry and pull through the gateway and directly.

Usage: oci_fixtures.py LAYOUT_DIR TAG SIZE_MIB SEED
Prints the layer digest (sha256:<hex>), which the push keeps (skopeo --preserve-digests). The manifest's
digest is not printed: the benchmark compares the gateway's manifest with the registry's.

The gateway checks only digests, so the layer need not be a real gzip'd tar; the same seed gives the
same bytes (and digests) on every run and machine. The layer is written and hashed in 1 MiB chunks,
so memory stays small whatever the size.
"""
import hashlib
import json
import os
import random
import sys

CHUNK = 1 << 20


def put(blobs, data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)


def write_layer(blobs, size_mib, seed):
    rng = random.Random(seed)
    hasher = hashlib.sha256()
    partial = os.path.join(blobs, "layer.partial")
    with open(partial, "wb") as f:
        for _ in range(size_mib):
            chunk = rng.randbytes(CHUNK)
            hasher.update(chunk)
            f.write(chunk)
    digest = hasher.hexdigest()
    os.replace(partial, os.path.join(blobs, digest))
    return "sha256:" + digest, size_mib * CHUNK


def main():
    layout, tag, size_mib, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    blobs = os.path.join(layout, "blobs", "sha256")
    os.makedirs(blobs, exist_ok=True)
    layer, layer_size = write_layer(blobs, size_mib, seed)
    config = {"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": [layer]}}
    config_digest, config_size = put(blobs, json.dumps(config, separators=(",", ":")).encode())
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest,
                           "size": config_size},
                "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer,
                            "size": layer_size}]}
    manifest_digest, manifest_size = put(blobs, json.dumps(manifest, separators=(",", ":")).encode())
    index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json",
             "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
                            "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": tag}}]}
    with open(os.path.join(layout, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f)
    with open(os.path.join(layout, "oci-layout"), "w", encoding="utf-8") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)
    print(layer)


if __name__ == "__main__":
    main()
