package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TyposquatEvaluationTest {

  private final TyposquatEvaluation evaluation =
      new TyposquatEvaluation(
          TyposquatDetector.build(
              ProtectedNames.empty()
                  .with(Ecosystem.PYPI, List.of("requests"))
                  .with(Ecosystem.NPM, List.of("lodash", "@types/node"))));

  @Test
  void writesOneResultLinePerName() throws IOException {
    String input =
        "# candidates\n"
            + "pypi\treqeusts\n"
            + "PyPI\tRequests\n"
            + "\n"
            + "npm\t@types-node\n"
            + "npm\tleft-pad\n";
    StringWriter out = new StringWriter();

    int flagged = evaluation.run(new StringReader(input), out);

    assertEquals(
        "pypi\treqeusts\t1\trequests\n"
            + "pypi\tRequests\t0\t\n"
            + "npm\t@types-node\t1\t@types/node\n"
            + "npm\tleft-pad\t0\t\n",
        out.toString());
    assertEquals(2, flagged);
  }

  @Test
  void rejectsABadLineByNumber() {
    StringReader input = new StringReader("npm\tlodahs\nnpm lodahs\n");

    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> evaluation.run(input, new StringWriter()));

    assertEquals("line 2: expected 2 tab-separated fields, found 1", error.getMessage());
  }
}
