package dev.tollgate.adapter.sigstore.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A Rekor of the test's own, in memory: an RFC 6962 Merkle tree of entry bodies, a signed entry
 * timestamp per entry and a signed checkpoint, under a P-256 key the fake trusted root pins.
 */
public final class FakeRekor {

  /** The log's origin host; sigstore-java requires the checkpoint signer name to equal it. */
  static final String HOST = "rekor.tollgate.test";

  private final KeyPair keys;
  private final List<byte[]> leaves = new ArrayList<>();

  FakeRekor(KeyPair keys) {
    this.keys = keys;
    for (int i = 0; i < 5; i++) {
      append(("unrelated entry " + i).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** What a client gets back for one logged body. */
  public record Entry(byte[] body, long logIndex, long integratedTime, byte[] logId, byte[] signedEntryTimestamp,
      byte[] rootHash, long treeSize, List<byte[]> proof, String checkpoint) {}

  PublicKey publicKey() {
    return keys.getPublic();
  }

  byte[] logId() {
    return FakeKeys.sha256(keys.getPublic().getEncoded());
  }

  /** Logs {@code body} at {@code integratedTime} (seconds) and returns the full evidence. */
  Entry log(byte[] body, long integratedTime) {
    long index = append(body);
    String logIdHex = HexFormat.of().formatHex(logId());
    String signable = "{\"body\":\"" + Base64.getEncoder().encodeToString(body) + "\",\"integratedTime\":"
        + integratedTime + ",\"logID\":\"" + logIdHex + "\",\"logIndex\":" + index + "}";
    byte[] set = FakeKeys.sign(keys, signable.getBytes(StandardCharsets.UTF_8));
    List<byte[]> tree = List.copyOf(leaves);
    byte[] root = hash(tree);
    return new Entry(body, index, integratedTime, logId(), set, root, tree.size(), path((int) index, tree),
        checkpoint(tree.size(), root));
  }

  private long append(byte[] body) {
    leaves.add(FakeKeys.sha256(new byte[] {0}, body));
    return leaves.size() - 1L;
  }

  private String checkpoint(long size, byte[] root) {
    String note = HOST + " - 1193050959916656506\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    byte[] signature = FakeKeys.sign(keys, note.getBytes(StandardCharsets.UTF_8));
    byte[] hinted = new byte[4 + signature.length];
    System.arraycopy(logId(), 0, hinted, 0, 4);
    System.arraycopy(signature, 0, hinted, 4, signature.length);
    return note + "\n\u2014 " + HOST + " " + Base64.getEncoder().encodeToString(hinted) + "\n";
  }

  /** RFC 6962 MTH over leaf hashes. */
  private static byte[] hash(List<byte[]> leafHashes) {
    if (leafHashes.size() == 1) {
      return leafHashes.get(0);
    }
    int split = Integer.highestOneBit(leafHashes.size() - 1);
    return FakeKeys.sha256(new byte[] {1}, hash(leafHashes.subList(0, split)),
        hash(leafHashes.subList(split, leafHashes.size())));
  }

  /** RFC 6962 PATH(m, D[n]): the audit path for leaf {@code index}, leaf side first. */
  private static List<byte[]> path(int index, List<byte[]> leafHashes) {
    if (leafHashes.size() <= 1) {
      return new ArrayList<>();
    }
    int split = Integer.highestOneBit(leafHashes.size() - 1);
    List<byte[]> path;
    if (index < split) {
      path = path(index, leafHashes.subList(0, split));
      path.add(hash(leafHashes.subList(split, leafHashes.size())));
    } else {
      path = path(index - split, leafHashes.subList(split, leafHashes.size()));
      path.add(hash(leafHashes.subList(0, split)));
    }
    return path;
  }
}
