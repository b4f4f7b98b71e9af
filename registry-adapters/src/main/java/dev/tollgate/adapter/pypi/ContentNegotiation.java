package dev.tollgate.adapter.pypi;

import dev.tollgate.adapter.pypi.Negotiation.Chosen;
import dev.tollgate.adapter.pypi.Negotiation.NotAcceptable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Server-driven content negotiation for simple-API pages (PEP 691): picks HTML or JSON from the
 * client's {@code Accept} header lines and the optional {@code format} query parameter.
 *
 * <p>Each offered type takes the quality of the most specific range that matches it ({@code
 * type/subtype} over {@code type/*} over {@code *}{@code /*}), so {@code q=0} on a type excludes it
 * even when a wildcard admits everything. The highest quality wins; on a tie, a type the client
 * named beats one it reached by wildcard, and then {@code text/html} comes first, then v1 HTML,
 * then JSON, the order PyPI itself answers in, so that clients sending only {@code *}{@code /*} or
 * no {@code Accept} at all (which counts as {@code *}{@code /*}) keep getting the legacy page they
 * were written for. A {@code format} parameter, when given, overrides {@code Accept} and must name
 * one served type exactly.
 */
public final class ContentNegotiation {

  /** The types a 406 lists, most expressive first. */
  public static final List<String> AVAILABLE =
      List.of(SimpleFormat.JSON_V1, SimpleFormat.HTML_V1, SimpleFormat.TEXT_HTML);

  /** What may be asked for, in tie-break order, and what is answered for each. */
  private static final List<Offer> OFFERS =
      List.of(
          new Offer(SimpleFormat.TEXT_HTML, SimpleFormat.HTML, SimpleFormat.TEXT_HTML, false),
          new Offer(SimpleFormat.HTML_V1, SimpleFormat.HTML, SimpleFormat.HTML_V1, false),
          new Offer(SimpleFormat.HTML_LATEST, SimpleFormat.HTML, SimpleFormat.HTML_V1, true),
          new Offer(SimpleFormat.JSON_V1, SimpleFormat.JSON, SimpleFormat.JSON_V1, false),
          new Offer(SimpleFormat.JSON_LATEST, SimpleFormat.JSON, SimpleFormat.JSON_V1, true));

  private static final MediaType ANYTHING = new MediaType("*", "*", Map.of());

  /** RFC 9110 qvalue, also in the {@code .5} form some HTTP libraries send. */
  private static final Pattern QVALUE =
      Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?|\\.[0-9]{1,3}");

  private ContentNegotiation() {}

  /**
   * Chooses the serialisation for one request.
   *
   * @param acceptHeaderValues every {@code Accept} header line of the request; none, or none that
   *     parses, counts as {@code *}{@code /*}
   * @param formatParameter the {@code format} query parameter, if the request had one
   */
  public static Negotiation negotiate(
      List<String> acceptHeaderValues, Optional<String> formatParameter) {
    Optional<String> format = formatParameter.map(String::trim).filter(f -> !f.isEmpty());
    if (format.isPresent()) {
      return byFormatParameter(format.get());
    }
    List<MediaType> ranges = new ArrayList<>();
    for (String value : acceptHeaderValues) {
      ranges.addAll(MediaType.parseList(value));
    }
    if (ranges.isEmpty()) {
      ranges.add(ANYTHING);
    }
    Offer best = null;
    Match bestMatch = Match.NONE;
    for (Offer offer : OFFERS) {
      Match match = Match.of(offer.requested(), ranges);
      boolean admitted = !offer.onlyByName() || match.specificity() == Match.EXACT;
      if (admitted && match.quality() > 0 && match.isBetterThan(bestMatch)) {
        best = offer;
        bestMatch = match;
      }
    }
    return best == null ? new NotAcceptable(AVAILABLE) : best.chosen();
  }

  private static Negotiation byFormatParameter(String format) {
    String wanted = format.toLowerCase(Locale.ROOT);
    for (Offer offer : OFFERS) {
      if (offer.requested().equals(wanted)) {
        return offer.chosen();
      }
    }
    return new NotAcceptable(AVAILABLE);
  }

  /**
   * A type a client may ask for, and the format and content type that answer it. The {@code latest}
   * aliases count only when named: a wildcard must not reach a v1 type the client excluded by name
   * through them.
   */
  private record Offer(
      String requested, SimpleFormat format, String answeredAs, boolean onlyByName) {
    Chosen chosen() {
      return new Chosen(format, answeredAs);
    }
  }

  /**
   * How a client's ranges rate one offered type: the quality of the most specific matching range (3
   * for the exact type, 2 for {@code type/*}, 1 for {@code *}{@code /*}, 0 for no match).
   */
  private record Match(double quality, int specificity) {
    static final Match NONE = new Match(0, 0);
    static final int EXACT = 3;

    static Match of(String offered, List<MediaType> ranges) {
      int slash = offered.indexOf('/');
      String type = offered.substring(0, slash);
      String subtype = offered.substring(slash + 1);
      Match best = NONE;
      for (MediaType range : ranges) {
        int specificity = specificity(range, type, subtype);
        if (specificity == 0) {
          continue;
        }
        Optional<Double> quality = quality(range);
        if (quality.isEmpty()) {
          continue;
        }
        boolean moreSpecific = specificity > best.specificity();
        boolean sameButHigher = specificity == best.specificity() && quality.get() > best.quality();
        if (moreSpecific || sameButHigher) {
          best = new Match(quality.get(), specificity);
        }
      }
      return best;
    }

    boolean isBetterThan(Match other) {
      return quality > other.quality
          || (quality == other.quality && specificity > other.specificity);
    }

    private static int specificity(MediaType range, String type, String subtype) {
      if (range.type().equals("*")) {
        return range.subtype().equals("*") ? 1 : 0;
      }
      if (!range.type().equals(type)) {
        return 0;
      }
      if (range.subtype().equals("*")) {
        return 2;
      }
      return range.subtype().equals(subtype) ? EXACT : 0;
    }

    /** The range's {@code q} (1 when absent); empty when it is not a number from 0 to 1. */
    private static Optional<Double> quality(MediaType range) {
      String q = range.parameters().get("q");
      if (q == null) {
        return Optional.of(1.0);
      }
      return QVALUE.matcher(q).matches() ? Optional.of(Double.parseDouble(q)) : Optional.empty();
    }
  }
}
