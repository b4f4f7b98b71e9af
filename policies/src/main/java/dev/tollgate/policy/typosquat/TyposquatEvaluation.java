package dev.tollgate.policy.typosquat;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Optional;

/**
 * The core of {@code tollgate typosquat}: runs the detector over a list of names so that a security
 * team can see which names it would refuse, and as what, before the policy is enforced (and measure
 * false positives on their own dependencies). Input lines are {@code ecosystem<TAB>name}; blank
 * lines and {@code #} comments are skipped. Each output line is
 * {@code ecosystem<TAB>name<TAB>flagged<TAB>target}, flagged being 1 or 0 and the target empty when
 * not flagged.
 */
public final class TyposquatEvaluation {

  private final TyposquatDetector detector;

  public TyposquatEvaluation(TyposquatDetector detector) {
    this.detector = detector;
  }

  /**
   * Writes one result line to {@code out} for each name read from {@code in}, then flushes.
   *
   * @return how many names were flagged
   * @throws IllegalArgumentException naming the line, for a line of another shape or an unknown
   *     ecosystem
   */
  public int run(Reader in, Writer out) throws IOException {
    int[] flagged = {0};
    TabSeparatedLines.read(
        in,
        2,
        2,
        line -> {
          Ecosystem ecosystem = line.ecosystem(0);
          String name = line.field(1);
          Optional<TyposquatMatch> match = detector.check(ecosystem, name);
          if (match.isPresent()) {
            flagged[0]++;
          }
          out.write(
              ecosystem.id()
                  + '\t'
                  + name
                  + '\t'
                  + (match.isPresent() ? '1' : '0')
                  + '\t'
                  + match.map(TyposquatMatch::target).orElse("")
                  + '\n');
        });
    out.flush();
    return flagged[0];
  }
}
