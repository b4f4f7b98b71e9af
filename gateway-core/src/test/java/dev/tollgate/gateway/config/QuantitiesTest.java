package dev.tollgate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      500ms   | PT0.5S
      0s      | PT0S
      30s     | PT30S
      5m      | PT5M
      5M      | PT5M
      ' 24 h' | PT24H
      7d      | PT168H
      """)
  void readsDurations(String text, Duration expected) {
    assertEquals(expected, Quantities.duration(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      ''
      5
      s
      -1s
      1.5s
      5 minutes
      10y
      200000000000000d
      99999999999999999999s
      """)
  void refusesWhatIsNotADuration(String text) {
    assertThrows(IllegalArgumentException.class, () -> Quantities.duration(text));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      65536     | 65536
      0         | 0
      100b      | 100
      1KB       | 1000
      64KiB     | 65536
      512MiB    | 536870912
      1MB       | 1000000
      10GiB     | 10737418240
      10GB      | 10000000000
      1TiB      | 1099511627776
      '10 gib'  | 10737418240
      """)
  void readsSizes(String text, long expected) {
    assertEquals(expected, Quantities.bytes(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', textBlock = """
      ''
      KiB
      -1
      1.5GiB
      10 gigs
      10PiB
      99999999999TiB
      99999999999999999999
      """)
  void refusesWhatIsNotASize(String text) {
    assertThrows(IllegalArgumentException.class, () -> Quantities.bytes(text));
  }
}
