package dev.tollgate.adapter.oci;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OciErrorsTest {

  @Test
  void writesTheBodyClientsPrint() {
    assertEquals("{\"errors\":[{\"code\":\"DENIED\",\"message\":\"'library/ubunto' looks like a typosquat of"
            + " 'library/ubuntu'\"}]}",
        new String(OciErrors.body(OciErrorCode.DENIED, "'library/ubunto' looks like a typosquat of 'library/ubuntu'"),
            UTF_8));
  }

  @Test
  void writesDetailsSortedAndEscapesText() {
    OciError error = new OciError(OciErrorCode.NAME_UNKNOWN, "no \"such\" image\n",
        Map.of("rule", "not-allowed", "name", "x/y"));
    assertEquals("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"no \\\"such\\\" image\\n\","
            + "\"detail\":{\"name\":\"x/y\",\"rule\":\"not-allowed\"}},"
            + "{\"code\":\"UNSUPPORTED\",\"message\":\"pushes are not supported\"}]}",
        new String(OciErrors.body(List.of(error, OciError.of(OciErrorCode.UNSUPPORTED, "pushes are not supported"))),
            UTF_8));
  }

  @Test
  void eachCodeCarriesItsStatus() {
    assertEquals(403, OciErrorCode.DENIED.httpStatus());
    assertEquals(404, OciErrorCode.MANIFEST_UNKNOWN.httpStatus());
    assertEquals(400, OciErrorCode.NAME_INVALID.httpStatus());
    assertEquals(405, OciErrorCode.UNSUPPORTED.httpStatus());
  }
}
