package dev.tollgate.policy.version.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected answers are node-semver 7.8's with default options ({@code semver.satisfies},
 * {@code semver.validRange}). Rows marked "fixture" come from node-semver's test/fixtures; the rows
 * there that need the {@code loose} or {@code includePrerelease} option are left out: 27 of 126 in
 * range-include.js, 19 of 98 in range-exclude.js (and one whose version is not a string), 22 of 133
 * in range-parse.js.
 */
class NpmRangeTest {

  @ParameterizedTest(name = "{0} allows {1}")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: range-include.js
      1.0.0 - 2.0.0                   ; 1.2.3
      ^1.2.3+build                    ; 1.2.3
      ^1.2.3+build                    ; 1.3.0
      1.2.3-pre+asdf - 2.4.3-pre+asdf ; 1.2.3
      1.2.3-pre+asdf - 2.4.3-pre+asdf ; 1.2.3-pre.2
      1.2.3-pre+asdf - 2.4.3-pre+asdf ; 2.4.3-alpha
      1.2.3+asdf - 2.4.3+asdf         ; 1.2.3
      1.0.0                           ; 1.0.0
      >=*                             ; 0.2.4
      ''                              ; 1.0.0
      *                               ; 1.2.3
      >=1.0.0                         ; 1.0.0
      >=1.0.0                         ; 1.0.1
      >=1.0.0                         ; 1.1.0
      >1.0.0                          ; 1.0.1
      >1.0.0                          ; 1.1.0
      <=2.0.0                         ; 2.0.0
      <=2.0.0                         ; 1.9999.9999
      <=2.0.0                         ; 0.2.9
      <2.0.0                          ; 1.9999.9999
      <2.0.0                          ; 0.2.9
      >= 1.0.0                        ; 1.0.0
      >=  1.0.0                       ; 1.0.1
      >=   1.0.0                      ; 1.1.0
      > 1.0.0                         ; 1.0.1
      >  1.0.0                        ; 1.1.0
      <=   2.0.0                      ; 2.0.0
      <= 2.0.0                        ; 1.9999.9999
      <=  2.0.0                       ; 0.2.9
      <    2.0.0                      ; 1.9999.9999
      <\t2.0.0                        ; 0.2.9
      >=0.1.97                        ; 0.1.97
      0.1.20 || 1.2.4                 ; 1.2.4
      >=0.2.3 || <0.0.1               ; 0.0.0
      >=0.2.3 || <0.0.1               ; 0.2.3
      >=0.2.3 || <0.0.1               ; 0.2.4
      ||                              ; 1.3.4
      2.x.x                           ; 2.1.3
      1.2.x                           ; 1.2.3
      1.2.x || 2.x                    ; 2.1.3
      1.2.x || 2.x                    ; 1.2.3
      x                               ; 1.2.3
      2.*.*                           ; 2.1.3
      1.2.*                           ; 1.2.3
      1.2.* || 2.*                    ; 2.1.3
      1.2.* || 2.*                    ; 1.2.3
      2                               ; 2.1.2
      2.3                             ; 2.3.1
      ~0.0.1                          ; 0.0.1
      ~0.0.1                          ; 0.0.2
      ~x                              ; 0.0.9
      ~2                              ; 2.0.9
      ~2.4                            ; 2.4.0
      ~2.4                            ; 2.4.5
      ~>3.2.1                         ; 3.2.2
      ~1                              ; 1.2.3
      ~>1                             ; 1.2.3
      ~> 1                            ; 1.2.3
      ~1.0                            ; 1.0.2
      ~ 1.0                           ; 1.0.2
      ~ 1.0.3                         ; 1.0.12
      >=1                             ; 1.0.0
      >= 1                            ; 1.0.0
      <1.2                            ; 1.1.1
      < 1.2                           ; 1.1.1
      ~v0.5.4-pre                     ; 0.5.5
      ~v0.5.4-pre                     ; 0.5.4
      =0.7.x                          ; 0.7.2
      <=0.7.x                         ; 0.7.2
      >=0.7.x                         ; 0.7.2
      <=0.7.x                         ; 0.6.2
      ~1.2.1 >=1.2.3                  ; 1.2.3
      ~1.2.1 =1.2.3                   ; 1.2.3
      ~1.2.1 1.2.3                    ; 1.2.3
      ~1.2.1 >=1.2.3 1.2.3            ; 1.2.3
      ~1.2.1 1.2.3 >=1.2.3            ; 1.2.3
      >=1.2.1 1.2.3                   ; 1.2.3
      1.2.3 >=1.2.1                   ; 1.2.3
      >=1.2.3 >=1.2.1                 ; 1.2.3
      >=1.2.1 >=1.2.3                 ; 1.2.3
      >=1.2                           ; 1.2.8
      ^1.2.3                          ; 1.8.1
      ^0.1.2                          ; 0.1.2
      ^0.1                            ; 0.1.2
      ^0.0.1                          ; 0.0.1
      ^1.2                            ; 1.4.2
      ^1.2 ^1                         ; 1.4.2
      ^1.2.3-alpha                    ; 1.2.3-pre
      ^1.2.0-alpha                    ; 1.2.0-pre
      ^0.0.1-alpha                    ; 0.0.1-beta
      ^0.0.1-alpha                    ; 0.0.1
      ^0.1.1-alpha                    ; 0.1.1-beta
      ^x                              ; 1.2.3
      x - 1.0.0                       ; 0.9.7
      x - 1.x                         ; 0.9.7
      1.0.0 - x                       ; 1.9.7
      1.x - x                         ; 1.9.7
      <=7.x                           ; 7.9.9
      # a pre-release is admitted by a comparator naming a pre-release of the same major.minor.patch
      ^1.2.3-beta.1                   ; 1.2.3-beta.2
      >=1.0.0-rc.1                    ; 1.0.0-rc.2
      >1.2.3-alpha                    ; 1.2.3-alpha.1
      >=1.2.3-0 <1.2.3                ; 1.2.3-rc
      >=1.0.0-alpha <2.0.0            ; 1.0.0-alpha.1
      1.2.3-beta || 1.2.4-beta        ; 1.2.4-beta
      1.2.3-rc.1 - 2.0.0-rc.2         ; 2.0.0-rc.1
      # node-semver drops a >=0.0.0 it finds spelled so, and with it the bar to 0.0.0's pre-releases
      >=0.0.0 <=0.0.0-beta            ; 0.0.0-alpha
      # one alternative admitting every release makes the range admit every release
      1.2.3 ||                        ; 2.0.0
      # versions as the registry might spell them; build metadata never counts
      1.2.3                           ; 1.2.3+build
      =1.2.3                          ; v1.2.3
      1.2.3                           ; ' 1.2.3 '
      >=9007199254740991.0.0          ; 9007199254740991.0.1
      1.0.0-99999999999999999999      ; 1.0.0-99999999999999999999
      # whitespace after an operator, and the spellings node-semver's rewriting also lets through
      >= v1.2.3                       ; 1.2.3
      > =1.2.3                        ; 1.2.3
      ~ >1                            ; 1.9.0
      ^= 1                            ; 1.9.0
      v 1 - 2                         ; 2.9.0
      ==1.2                           ; 1.2.9
      """)
  void allows(String range, String version) {
    assertTrue(NpmRange.parse(range).allows(version));
    assertTrue(NpmRange.parse(range).allows(NpmVersion.parse(version)));
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: range-exclude.js
      1.0.0 - 2.0.0                   ; 2.2.3
      1.2.3+asdf - 2.4.3+asdf         ; 1.2.3-pre.2
      1.2.3+asdf - 2.4.3+asdf         ; 2.4.3-alpha
      ^1.2.3+build                    ; 2.0.0
      ^1.2.3+build                    ; 1.2.0
      ^1.2.3                          ; 1.2.3-pre
      ^1.2                            ; 1.2.0-pre
      >1.2                            ; 1.3.0-beta
      <=1.2.3                         ; 1.2.3-beta
      ^1.2.3                          ; 1.2.3-beta
      =0.7.x                          ; 0.7.0-asdf
      >=0.7.x                         ; 0.7.0-asdf
      <=0.7.x                         ; 0.7.0-asdf
      1.0.0                           ; 1.0.1
      >=1.0.0                         ; 0.0.0
      >=1.0.0                         ; 0.0.1
      >=1.0.0                         ; 0.1.0
      >1.0.0                          ; 0.0.1
      >1.0.0                          ; 0.1.0
      <=2.0.0                         ; 3.0.0
      <=2.0.0                         ; 2.9999.9999
      <=2.0.0                         ; 2.2.9
      <2.0.0                          ; 2.9999.9999
      <2.0.0                          ; 2.2.9
      >=0.1.97                        ; 0.1.93
      0.1.20 || 1.2.4                 ; 1.2.3
      >=0.2.3 || <0.0.1               ; 0.0.3
      >=0.2.3 || <0.0.1               ; 0.2.2
      2.x.x                           ; 1.1.3
      2.x.x                           ; 3.1.3
      1.2.x                           ; 1.3.3
      1.2.x || 2.x                    ; 3.1.3
      1.2.x || 2.x                    ; 1.1.3
      2.*.*                           ; 1.1.3
      2.*.*                           ; 3.1.3
      1.2.*                           ; 1.3.3
      1.2.* || 2.*                    ; 3.1.3
      1.2.* || 2.*                    ; 1.1.3
      2                               ; 1.1.2
      2.3                             ; 2.4.1
      ~0.0.1                          ; 0.1.0-alpha
      ~0.0.1                          ; 0.1.0
      ~2.4                            ; 2.5.0
      ~2.4                            ; 2.3.9
      ~>3.2.1                         ; 3.3.2
      ~>3.2.1                         ; 3.2.0
      ~1                              ; 0.2.3
      ~>1                             ; 2.2.3
      ~1.0                            ; 1.1.0
      <1                              ; 1.0.0
      >=1.2                           ; 1.1.1
      ~v0.5.4-beta                    ; 0.5.4-alpha
      =0.7.x                          ; 0.8.2
      >=0.7.x                         ; 0.6.2
      <0.7.x                          ; 0.7.2
      <1.2.3                          ; 1.2.3-beta
      =1.2.3                          ; 1.2.3-beta
      >1.2                            ; 1.2.8
      ^0.0.1                          ; 0.0.2-alpha
      ^0.0.1                          ; 0.0.2
      ^1.2.3                          ; 2.0.0-alpha
      ^1.2.3                          ; 1.2.2
      ^1.2                            ; 1.1.9
      *                               ; not a version
      >=2                             ; glorp
      ^1.0.0                          ; 2.0.0-rc1
      1 - 2                           ; 2.0.0-pre
      1 - 2                           ; 1.0.0-pre
      1.0 - 2                         ; 1.0.0-pre
      1.1.x                           ; 1.0.0-a
      1.1.x                           ; 1.1.0-a
      1.1.x                           ; 1.2.0-a
      1.x                             ; 1.0.0-a
      1.x                             ; 1.1.0-a
      1.x                             ; 1.2.0-a
      >=1.0.0 <1.1.0                  ; 1.1.0
      >=1.0.0 <1.1.0                  ; 1.1.0-pre
      >=1.0.0 <1.1.0-pre              ; 1.1.0-pre
      # pre-releases of other releases stay out, even inside the bounds (includePrerelease is off)
      ^1.2.3-beta.1                   ; 1.3.0-beta.1
      ^1.2.3                          ; 1.2.4-rc.1
      >1.2.3-alpha                    ; 1.2.4-alpha.1
      <2.0.0                          ; 2.0.0-rc.1
      <2                              ; 1.9.9-rc.1
      *                               ; 1.0.0-rc.1
      ''                              ; 1.0.0-rc.1
      # node-semver keeps only the alternative that admits every release, so its pre-releases go
      * || >=1.0.0-rc.1               ; 1.0.0-rc.2
      # a lower bound spelled >=v0.0.0 stays, and 0.0.0's pre-releases are below it
      >=v0.0.0 <=0.0.0-beta           ; 0.0.0-alpha
      # fail closed: what semver.valid refuses is never admitted
      1.2.3                           ; =1.2.3
      *                               ; 9007199254740992.0.0
      1.2.3-1                         ; 1.2.3-01
      1.x                             ; 1.2
      *                               ; ''
      # nothing is below 0.0.0-0
      <0.0.0-0                        ; 0.0.0-0
      >x                              ; 1.0.0
      """)
  void refuses(String range, String version) {
    assertFalse(NpmRange.parse(range).allows(version));
  }

  @Test
  void refusesNullVersions() {
    assertFalse(NpmRange.parse("*").allows((String) null));
  }

  @ParameterizedTest(name = "{0} stands for {1}")
  @CsvSource(delimiter = ';', textBlock = """
      # fixture: range-parse.js
      1.0.0 - 2.0.0                    ; >=1.0.0 <=2.0.0
      1 - 2                            ; >=1.0.0 <3.0.0-0
      1.0 - 2.0                        ; >=1.0.0 <2.1.0-0
      1.0.0                            ; 1.0.0
      >=*                              ; *
      ''                               ; *
      *                                ; *
      >=1.0.0                          ; >=1.0.0
      >1.0.0                           ; >1.0.0
      <=2.0.0                          ; <=2.0.0
      1                                ; >=1.0.0 <2.0.0-0
      <2.0.0                           ; <2.0.0
      >= 1.0.0                         ; >=1.0.0
      >=  1.0.0                        ; >=1.0.0
      >=   1.0.0                       ; >=1.0.0
      > 1.0.0                          ; >1.0.0
      >  1.0.0                         ; >1.0.0
      <=   2.0.0                       ; <=2.0.0
      <= 2.0.0                         ; <=2.0.0
      <=  2.0.0                        ; <=2.0.0
      <    2.0.0                       ; <2.0.0
      <\t2.0.0                         ; <2.0.0
      >=0.1.97                         ; >=0.1.97
      0.1.20 || 1.2.4                  ; 0.1.20||1.2.4
      >=0.2.3 || <0.0.1                ; >=0.2.3||<0.0.1
      ||                               ; *
      2.x.x                            ; >=2.0.0 <3.0.0-0
      1.2.x                            ; >=1.2.0 <1.3.0-0
      1.2.x || 2.x                     ; >=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0
      x                                ; *
      2.*.*                            ; >=2.0.0 <3.0.0-0
      1.2.*                            ; >=1.2.0 <1.3.0-0
      1.2.* || 2.*                     ; >=1.2.0 <1.3.0-0||>=2.0.0 <3.0.0-0
      2                                ; >=2.0.0 <3.0.0-0
      2.3                              ; >=2.3.0 <2.4.0-0
      ~2.4                             ; >=2.4.0 <2.5.0-0
      ~>3.2.1                          ; >=3.2.1 <3.3.0-0
      ~1                               ; >=1.0.0 <2.0.0-0
      ~>1                              ; >=1.0.0 <2.0.0-0
      ~> 1                             ; >=1.0.0 <2.0.0-0
      ~1.0                             ; >=1.0.0 <1.1.0-0
      ~ 1.0                            ; >=1.0.0 <1.1.0-0
      ^0                               ; <1.0.0-0
      ^ 1                              ; >=1.0.0 <2.0.0-0
      ^0.1                             ; >=0.1.0 <0.2.0-0
      ^1.0                             ; >=1.0.0 <2.0.0-0
      ^1.2                             ; >=1.2.0 <2.0.0-0
      ^0.0.1                           ; >=0.0.1 <0.0.2-0
      ^0.0.1-beta                      ; >=0.0.1-beta <0.0.2-0
      ^0.1.2                           ; >=0.1.2 <0.2.0-0
      ^1.2.3                           ; >=1.2.3 <2.0.0-0
      ^1.2.3-beta.4                    ; >=1.2.3-beta.4 <2.0.0-0
      <1                               ; <1.0.0-0
      < 1                              ; <1.0.0-0
      >=1                              ; >=1.0.0
      >= 1                             ; >=1.0.0
      <1.2                             ; <1.2.0-0
      < 1.2                            ; <1.2.0-0
      ^ 1.2 ^ 1                        ; >=1.2.0 <2.0.0-0 >=1.0.0
      1.2 - 3.4.5                      ; >=1.2.0 <=3.4.5
      1.2.3 - 3.4                      ; >=1.2.3 <3.5.0-0
      1.2 - 3.4                        ; >=1.2.0 <3.5.0-0
      >1                               ; >=2.0.0
      >1.2                             ; >=1.3.0
      >X                               ; <0.0.0-0
      <X                               ; <0.0.0-0
      <x <* || >* 2.x                  ; <0.0.0-0
      >x 2.x || * || <x                ; *
      =9007199254740991.0.0            ; 9007199254740991.0.0
      ^9007199254740990.0.0            ; >=9007199254740990.0.0 <9007199254740991.0.0-0
      1.x.x+build >2.x+build           ; >=1.0.0 <2.0.0-0 >=3.0.0
      >=1.x+build <2.x.x+build         ; >=1.0.0 <2.0.0-0
      1.x.x+build || 2.x.x+build       ; >=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0
      1.x+build.123                    ; >=1.0.0 <2.0.0-0
      1.x.x+meta-data                  ; >=1.0.0 <2.0.0-0
      1.x.x+build.123 >2.x.x+meta-data ; >=1.0.0 <2.0.0-0 >=3.0.0
      1.x.x+build <2.x.x+meta          ; >=1.0.0 <2.0.0-0
      >1.x+build <=2.x.x+meta          ; >=2.0.0 <3.0.0-0
      ' 1.x.x+build   >2.x.x+build  '  ; >=1.0.0 <2.0.0-0 >=3.0.0
      ^1.x+build                       ; >=1.0.0 <2.0.0-0
      ^1.x.x+build                     ; >=1.0.0 <2.0.0-0
      ^1.2.x+build                     ; >=1.2.0 <2.0.0-0
      ^1.x+meta-data                   ; >=1.0.0 <2.0.0-0
      ^1.x.x+build.123                 ; >=1.0.0 <2.0.0-0
      ~1.x+build                       ; >=1.0.0 <2.0.0-0
      ~1.x.x+build                     ; >=1.0.0 <2.0.0-0
      ~1.2.x+build                     ; >=1.2.0 <1.3.0-0
      ~1.x+meta-data                   ; >=1.0.0 <2.0.0-0
      ~1.x.x+build.123                 ; >=1.0.0 <2.0.0-0
      ^1.x.x+build || ~2.x.x+meta      ; >=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0
      ~1.x.x+build >2.x+meta           ; >=1.0.0 <2.0.0-0 >=3.0.0
      ^1.x+build.123 <2.x.x+meta-data  ; >=1.0.0 <2.0.0-0
      1.x.x-alpha+build                ; >=1.0.0 <2.0.0-0
      >1.x.x-alpha+build               ; >=2.0.0
      >=1.x.x-alpha+build <2.x.x+build ; >=1.0.0 <2.0.0-0
      1.x.x-alpha+build || 2.x.x+build ; >=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0
      # the shorthands of the brief
      ~1.2.3                           ; >=1.2.3 <1.3.0-0
      ~1.2                             ; >=1.2.0 <1.3.0-0
      ~>1.2                            ; >=1.2.0 <1.3.0-0
      ^0.2.3                           ; >=0.2.3 <0.3.0-0
      ^0.0.3                           ; >=0.0.3 <0.0.4-0
      ^1.2.x                           ; >=1.2.0 <2.0.0-0
      ^0.0.x                           ; <0.1.0-0
      ^0.0                             ; <0.1.0-0
      ^1.x                             ; >=1.0.0 <2.0.0-0
      >=1.2.3 <2                       ; >=1.2.3 <2.0.0-0
      1.2.3 - 2.3.4                    ; >=1.2.3 <=2.3.4
      1.2.3-rc.1 - 2.0.0-rc.2          ; >=1.2.3-rc.1 <=2.0.0-rc.2
      ~0.0.0-rc.1                      ; >=0.0.0-rc.1 <0.1.0-0
      # duplicates kept once; >=0.0.0 spelled so means any version, spelled >=v0.0.0 it stays
      1.2.3 =1.2.3 v1.2.3              ; 1.2.3
      >=0.0.0                          ; *
      >=v0.0.0                         ; >=0.0.0
      >=0.0.0-0                        ; >=0.0.0-0
      # an empty alternative admits every release, and then node-semver keeps only it
      1 |||| 2                         ; *
      1.2.3 - 2.0.0 || >=3 <4          ; >=1.2.3 <=2.0.0||>=3.0.0 <4.0.0-0
      1||2                             ; >=1.0.0 <2.0.0-0||>=2.0.0 <3.0.0-0
      # prefixes of v and = and the whitespace node-semver's rewriting lets through
      =v1.2.3                          ; 1.2.3
      vv1.2                            ; >=1.2.0 <1.3.0-0
      ==1.2                            ; >=1.2.0 <1.3.0-0
      ~=1.2                            ; >=1.2.0 <1.3.0-0
      ^v1.2.3                          ; >=1.2.3 <2.0.0-0
      > =1.2.3                         ; >=1.2.3
      < =1.2                           ; <1.3.0-0
      ~ >1                             ; >=1.0.0 <2.0.0-0
      ~ > =1                           ; >=1.0.0 <2.0.0-0
      ~>= 1                            ; >=1.0.0 <2.0.0-0
      ^= 1                             ; >=1.0.0 <2.0.0-0
      ^ = 1                            ; >=1.0.0 <2.0.0-0
      v 1 - 2                          ; >=1.0.0 <3.0.0-0
      v1.2.3 - v2                      ; >=1.2.3 <3.0.0-0
      1.2 - =2.0.0-rc.1                ; >=1.2.0 <=2.0.0-rc.1
      # a pre-release after wildcards is ignored; a number after a wildcard in ^ ~ and hyphens too
      x.x.x-beta                       ; *
      1.2.x-beta                       ; >=1.2.0 <1.3.0-0
      ^1.x.3                           ; >=1.0.0 <2.0.0-0
      1.x.3 - 2                        ; >=1.0.0 <3.0.0-0
      # any JavaScript whitespace separates comparators
      >=1.2.3\u00A0<2                  ; >=1.2.3 <2.0.0-0
      >=1.2.3\u3000\u2028<2            ; >=1.2.3 <2.0.0-0
      """)
  void desugaresAsValidRangeDoes(String range, String desugared) {
    assertEquals(desugared, NpmRange.parse(range).desugared());
  }

  /** fixture: range-parse.js, build metadata long enough to trip node-semver's own length guards. */
  static Stream<Arguments> longBuildMetadata() {
    return Stream.of(
        Arguments.of("v1.0+" + "a".repeat(249) + "x6", ">=1.0.0 <1.1.0-0"),
        Arguments.of("1.2.3+" + "a".repeat(251) + " - 2.0.0", ">=1.2.3 <=2.0.0"),
        Arguments.of("> 1.2.3+" + "a".repeat(251), ">1.2.3"),
        Arguments.of("~1.2.3+" + "a".repeat(251), ">=1.2.3 <1.3.0-0"),
        Arguments.of("^1.2.3+" + "a".repeat(251), ">=1.2.3 <2.0.0-0"));
  }

  @ParameterizedTest
  @MethodSource("longBuildMetadata")
  void ignoresLongBuildMetadata(String range, String desugared) {
    assertEquals(desugared, NpmRange.parse(range).desugared());
  }

  @ParameterizedTest(name = "[{0}] is invalid at {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      # fixture: range-parse.js
      1.x.5                ; '1.x.5' has a number after a wildcard (x, X or *)
      1.*.5                ; '1.*.5' has a number after a wildcard (x, X or *)
      1.x.5 || 2.x         ; '1.x.5' has a number after a wildcard (x, X or *)
      x.1                  ; 'x.1' has a number after a wildcard (x, X or *)
      x.1.2                ; 'x.1.2' has a number after a wildcard (x, X or *)
      x.x.1                ; 'x.x.1' has a number after a wildcard (x, X or *)
      >01.02.03            ; '>01.02.03' is not a comparator
      ~1.2.3beta           ; '~1.2.3beta' is not a comparator
      >=09090              ; '>=09090' is not a comparator
      ^9007199254740991.0.0 ; '^9007199254740991.0.0' needs a number above 9007199254740991
      # numbers above node-semver's limit, stated or implied
      9007199254740992     ; '9007199254740992' has a number larger than 9007199254740991
      ~9007199254740991.9007199254740991.0 ; needs a number above 9007199254740991
      <=9007199254740991.x ; needs a number above 9007199254740991
      >9007199254740991    ; needs a number above 9007199254740991
      # operators and hyphens out of place
      1 - 2 - 3            ; '-' is not a comparator
      1 -2                 ; '-2' is not a comparator
      1- 2                 ; '1-' is not a comparator
      >=1.2.3<2            ; '>=1.2.3<2' is not a comparator
      <>1                  ; '<>1' is not a comparator
      =>1                  ; '=>1' is not a comparator
      >>1                  ; '>>1' is not a comparator
      ~~1                  ; '~~1' is not a comparator
      ^^1                  ; '^^1' is not a comparator
      >= foo               ; '>= foo' is not a comparator
      < = 1                ; '< =' is not a comparator
      ~> = 1               ; '~> =' is not a comparator
      |                    ; '|' is not a comparator
      1 ||| 2              ; '|' is not a comparator
      # malformed versions
      1.2.3-               ; '1.2.3-' is not a comparator
      1.2.3+               ; '1.2.3+' is not a comparator
      1.2.3-beta.01        ; '1.2.3-beta.01' is not a comparator
      1.2.3.4              ; '1.2.3.4' is not a comparator
      1.2-beta             ; '1.2-beta' is not a comparator
      latest               ; 'latest' is not a comparator
      # a full version takes one v at most, and no =, after its operator
      ==1.2.3              ; '==1.2.3' has '=' before a full version, where only a single 'v' may stand
      v=1.2.3              ; 'v=1.2.3' has 'v=' before a full version
      = 1.2.3 - 2          ; '= 1.2.3 - 2' has '= ' before a full version
      =1.2.3-rc.1 - 2      ; '=1.2.3-rc.1 - 2' has '=' before a full version
      # what node-semver accepts only through its textual rewriting is refused here
      >=1.2.3*             ; '>=1.2.3*' is not a comparator
      1.2.3 +build         ; '+build' is not a comparator
      ^1.x.99999999999999999999 ; has a number larger than 9007199254740991
      """)
  void refusesInvalidRangesNamingTheBadPart(String range, String problem) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> NpmRange.parse(range));
    String message = error.getMessage();
    assertTrue(message.startsWith("npm version range '" + range.strip() + "' is invalid: "), message);
    assertTrue(message.contains(problem), message);
  }

  @Test
  void keepsTheTextAsWrittenWithoutSurroundingWhitespace() {
    NpmRange range = NpmRange.parse("  >=1.2.3   <2 ");
    assertEquals(">=1.2.3   <2", range.text());
    assertEquals(">=1.2.3   <2", range.toString());
    assertEquals(">=1.2.3 <2.0.0-0", range.desugared());
  }

  @Test
  void refusesNullText() {
    assertThrows(NullPointerException.class, () -> NpmRange.parse(null));
  }
}
