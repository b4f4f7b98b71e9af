package dev.tollgate.adapter.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.adapter.pypi.DistributionFilename.Kind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DistributionFilenameTest {

  @ParameterizedTest(name = "{1} in {0}: {2} {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # wheels, with and without build tags, any case of extension
          requests       | requests-2.31.0-py3-none-any.whl                         | WHEEL | 2.31.0
          tg-alpha       | tg_alpha-1.0.0-py3-none-any.whl                          | WHEEL | 1.0.0
          zope-interface | zope.interface-6.0-cp311-cp311-manylinux_2_17_x86_64.whl | WHEEL | 6.0
          tg-alpha       | tg_alpha-2.0.0-1-py3-none-any.whl                        | WHEEL | 2.0.0
          tg-alpha       | tg_alpha-2.0.0-12abc-py2.py3-none-any.WHL                | WHEEL | 2.0.0
          numpy          | numpy-2.0.0rc1-cp312-cp312-win_amd64.whl                 | WHEEL | 2.0.0rc1
          tg-alpha       | tg_alpha-1.0+local.7-py3-none-any.whl                    | WHEEL | 1.0+local.7
          # source distributions, every archive pip accepts
          requests       | requests-2.31.0.tar.gz                                   | SDIST | 2.31.0
          tg-alpha       | tg-alpha-1.1.0.tar.gz                                    | SDIST | 1.1.0
          tg-alpha       | TG_Alpha-1.1.0.zip                                       | SDIST | 1.1.0
          tg-alpha       | tg-alpha-1.1.0.tar.bz2                                   | SDIST | 1.1.0
          tg-alpha       | tg-alpha-1.1.0.tar.xz                                    | SDIST | 1.1.0
          tg-alpha       | tg-alpha-1.1.0.tgz                                       | SDIST | 1.1.0
          tg-alpha       | tg-alpha-1.1.0.tar                                       | SDIST | 1.1.0
          # legacy sdists: dashes in the name, and in the version
          foo-bar-baz    | foo-bar-baz-2.0.tar.gz                                   | SDIST | 2.0
          foo-bar-baz    | foo_bar.baz-2.0.tar.gz                                   | SDIST | 2.0
          foo            | foo-1.0-beta.tar.gz                                      | SDIST | 1.0-beta
          foo            | foo-bar-1.0.tar.gz                                       | SDIST | bar-1.0
          # eggs
          setuptools     | setuptools-0.6c11-py2.7.egg                              | EGG   | 0.6c11
          tg-alpha       | tg_alpha-1.0-py3.8-linux-x86_64.egg                      | EGG   | 1.0
          tg-alpha       | tg_alpha-1.0.egg                                         | EGG   | 1.0
          # no version: malformed, or another project's file
          tg-alpha       | tg_alpha-1.0.0-py3-none.whl                              | -     | -
          tg-alpha       | tg_alpha-1.0.0-x-y-py3-none-any.whl                      | -     | -
          tg-alpha       | tg_alpha-1.0.0-build-py3-none-any.whl                    | -     | -
          tg-alpha       | tg_alpha--py3-none-any.whl                               | -     | -
          tg-alpha       | evil-1.0.0-py3-none-any.whl                              | -     | -
          tg-alpha       | tg-alpha-.tar.gz                                         | -     | -
          tg-alpha       | tg-alpha.tar.gz                                          | -     | -
          tg-alpha       | tg-alphabet-1.0.tar.gz                                   | -     | -
          tg-alpha       | tg-alpha-1.0.exe                                         | -     | -
          tg-alpha       | tg-alpha-1.0.tar.gz.asc                                  | -     | -
          tg-alpha       | tg_alpha.egg                                             | -     | -
          tg-alpha       | tg-alpha-1.0.rpm                                         | -     | -
          """)
  void readsVersionForProject(String project, String filename, Kind kind, String version) {
    Optional<DistributionFilename> parsed = DistributionFilename.parse(filename, project);
    assertEquals(Optional.ofNullable(kind), parsed.map(DistributionFilename::kind));
    assertEquals(Optional.ofNullable(version), parsed.map(DistributionFilename::version));
    assertEquals(Optional.ofNullable(version), DistributionFilename.versionOf(filename, project));
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "foo-bar-1.0.tar.gz               | foo-bar | 1.0",
        "foo-1.0-beta.tar.gz              | foo     | 1.0-beta",
        "requests-2.31.0-py3-none-any.whl | requests| 2.31.0",
        "no-version-here.tar.gz           | -       | -",
      })
  void guessesSdistVersionWithoutProject(String filename, String project, String version) {
    Optional<DistributionFilename> parsed = DistributionFilename.parse(filename);
    assertEquals(Optional.ofNullable(project), parsed.map(DistributionFilename::project));
    assertEquals(Optional.ofNullable(version), parsed.map(DistributionFilename::version));
  }
}
