package dev.tollgate.policy.typosquat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.policy.coordinates.Ecosystem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TyposquatDetectorTest {

  private static final TyposquatDetector DETECTOR =
      TyposquatDetector.build(
          ProtectedNames.builder()
              .add(Ecosystem.PYPI, "requests", 1)
              .add(Ecosystem.PYPI, "python-dateutil", 2)
              .add(Ecosystem.PYPI, "numpy", 3)
              .add(Ecosystem.PYPI, "colorama", 4)
              .add(Ecosystem.PYPI, "attrs", 5)
              .add(Ecosystem.PYPI, "pyside6", 6)
              .add(Ecosystem.NPM, "lodash", 1)
              .add(Ecosystem.NPM, "@types/node", 2)
              .add(Ecosystem.NPM, "@babel/core", 3)
              .add(Ecosystem.NPM, "react", 4)
              .add(Ecosystem.NPM, "cross-env", 5)
              .add(Ecosystem.NPM, "moment", 6)
              .add(Ecosystem.NPM, "d3", 7)
              .build());

  @ParameterizedTest(name = "{0} {1} imitates {2} ({3})")
  @CsvSource({
    "pypi, reqeusts,           requests,        TRANSPOSITION",
    "pypi, requsts,            requests,        ONE_EDIT",
    "pypi, requestss,          requests,        ONE_EDIT",
    "pypi, requezts,           requests,        ONE_EDIT",
    "pypi, pythondateutil,     python-dateutil, SEPARATOR",
    "pypi, requests-py,        requests,        AFFIX",
    "pypi, requests_python,    requests,        AFFIX",
    "pypi, python3-requests,   requests,        AFFIX",
    "pypi, py-requests,        requests,        AFFIX",
    "pypi, requests2,          requests,        AFFIX",
    "pypi, requests-lib,       requests,        AFFIX",
    "pypi, python3-dateutil,   python-dateutil, AFFIX",
    "pypi, r\u0435quests,      requests,        CONFUSABLE",
    "pypi, nurnpy,             numpy,           CONFUSABLE",
    "pypi, c0lorama,           colorama,        CONFUSABLE",
    "pypi, co1orama,           colorama,        CONFUSABLE",
    "npm,  @types-node,        @types/node,     SCOPE",
    "npm,  types-node,         @types/node,     SCOPE",
    "npm,  typesnode,          @types/node,     SCOPE",
    "npm,  @typse/node,        @types/node,     SCOPE",
    "npm,  babel-core,         @babel/core,     SCOPE",
    "npm,  lodash-js,          lodash,          AFFIX",
    "npm,  lodash.js,          lodash,          AFFIX",
    "npm,  node-lodash,        lodash,          AFFIX",
    "npm,  js-lodash,          lodash,          AFFIX",
    "npm,  d3.js,              d3,              AFFIX",
    "npm,  lodahs,             lodash,          TRANSPOSITION",
    "npm,  raect,              react,           TRANSPOSITION",
    "npm,  lodas,              lodash,          ONE_EDIT",
    "npm,  crossenv,           cross-env,       SEPARATOR",
    "npm,  cross_env,          cross-env,       SEPARATOR",
    "npm,  rnoment,            moment,          CONFUSABLE",
    "npm,  @types/nodde,       @types/node,     ONE_EDIT",
  })
  void flagsEachKindOfResemblance(
      String ecosystem, String candidate, String target, Similarity kind) {
    assertEquals(
        Optional.of(new TyposquatMatch(target, kind)),
        DETECTOR.check(Ecosystem.fromId(ecosystem), candidate));
  }

  @ParameterizedTest(name = "{0} {1} is not flagged")
  @CsvSource({
    // protected names, however spelled
    "pypi, requests",
    "pypi, Requests",
    "pypi, python_dateutil",
    "pypi, Python.DateUtil",
    "npm,  lodash",
    "npm,  @types/node",
    "npm,  @Babel/Core",
    // unrelated names
    "pypi, flask",
    "pypi, requests-oauthlib",
    "npm,  left-pad",
    "npm,  @myorg/node",
    // two edits apart, though one deletion of each is the same string
    "npm,  odashl",
    // four characters or fewer: one edit away from too many real packages
    "pypi, attr",
    "npm,  reac",
    // a version digit changed is a successor, not a typo
    "pypi, pyside2",
    // short affix words glued on bare name real packages
    "pypi, pyrequests",
    "npm,  lodashjs",
  })
  void doesNotFlag(String ecosystem, String candidate) {
    assertEquals(Optional.empty(), DETECTOR.check(Ecosystem.fromId(ecosystem), candidate));
  }

  @Test
  void flagsNeitherOfTwoProtectedNamesThatResembleEachOther() {
    TyposquatDetector both =
        TyposquatDetector.build(
            ProtectedNames.empty().with(Ecosystem.PYPI, List.of("requests", "request")));
    TyposquatDetector one =
        TyposquatDetector.build(ProtectedNames.empty().with(Ecosystem.PYPI, List.of("requests")));

    assertEquals(Optional.empty(), both.check(Ecosystem.PYPI, "request"));
    assertEquals(Optional.empty(), both.check(Ecosystem.PYPI, "requests"));
    assertEquals(
        Optional.of(new TyposquatMatch("requests", Similarity.ONE_EDIT)),
        one.check(Ecosystem.PYPI, "request"));
  }

  @ParameterizedTest(name = "requests ranked {0}, request ranked {1}: requestr imitates {2}")
  @CsvSource({"1, 2, requests", "2, 1, request"})
  void prefersTheMorePopularTarget(int requestsRank, int requestRank, String expected) {
    TyposquatDetector detector =
        TyposquatDetector.build(
            ProtectedNames.builder()
                .add(Ecosystem.PYPI, "requests", requestsRank)
                .add(Ecosystem.PYPI, "request", requestRank)
                .build());

    assertEquals(
        Optional.of(new TyposquatMatch(expected, Similarity.ONE_EDIT)),
        detector.check(Ecosystem.PYPI, "requestr"));
  }

  @ParameterizedTest(name = "{0} ranked, {1} added without rank: {0} wins")
  @CsvSource({"requests, request", "request, requests"})
  void ranksNamesAddedWithoutRankLast(String ranked, String unranked) {
    ProtectedNames names =
        ProtectedNames.builder()
            .add(Ecosystem.PYPI, ranked, 5000)
            .build()
            .with(Ecosystem.PYPI, List.of(unranked));

    Optional<TyposquatMatch> match = TyposquatDetector.build(names).check(Ecosystem.PYPI, "requestr");

    assertEquals(Optional.of(ranked), match.map(TyposquatMatch::target));
  }

  @Test
  void namesTheMostTellingKindWhenOneTargetMatchesSeveralWays() {
    // "requests2" is also one insertion away, "pythondateutil" one deletion away
    assertEquals(
        Similarity.AFFIX, DETECTOR.check(Ecosystem.PYPI, "requests2").orElseThrow().similarity());
    assertEquals(
        Similarity.SEPARATOR,
        DETECTOR.check(Ecosystem.PYPI, "pythondateutil").orElseThrow().similarity());
  }

  @Test
  void flagsNothingWithoutProtectedNames() {
    TyposquatDetector empty = TyposquatDetector.build(ProtectedNames.empty());

    assertTrue(empty.check(Ecosystem.NPM, "lodahs").isEmpty());
  }
}
