package dev.tollgate.adapter.npm;

import java.util.Locale;

/**
 * The two packument formats the registry serves, chosen by the client's {@code Accept}: npm 11 and
 * yarn 4 ask for the full document, pnpm and yarn 1 for the abbreviated ("corgi") one, which keeps
 * only what installing needs. The gateway asks upstream for the format its client asked for and
 * passes the upstream's {@code Content-Type} on; both filter the same way.
 */
public enum PackumentFormat {
  FULL("application/json", "application/json"),
  ABBREVIATED(
      "application/vnd.npm.install-v1+json",
      "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*");

  private final String mediaType;
  private final String upstreamAccept;

  PackumentFormat(String mediaType, String upstreamAccept) {
    this.mediaType = mediaType;
    this.upstreamAccept = upstreamAccept;
  }

  /**
   * The format a client asked for: abbreviated if its {@code Accept} lists the abbreviated type
   * with a non-zero {@code q}, full otherwise (also when there is no header, as for yarn 4). Give
   * repeated header lines joined with {@code ", "}.
   */
  public static PackumentFormat forAccept(String accept) {
    if (accept == null) {
      return FULL;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (parts[0].trim().toLowerCase(Locale.ROOT).equals(ABBREVIATED.mediaType)
          && qualityOf(parts) > 0) {
        return ABBREVIATED;
      }
    }
    return FULL;
  }

  /** The media type of this format, as the registry labels it. */
  public String mediaType() {
    return mediaType;
  }

  /** The {@code Accept} header to send upstream for this format. */
  public String upstreamAccept() {
    return upstreamAccept;
  }

  /** The {@code q} parameter of a media range split at ';', 1 if absent, 0 if unreadable. */
  private static double qualityOf(String[] rangeParts) {
    for (int i = 1; i < rangeParts.length; i++) {
      String parameter = rangeParts[i].trim();
      if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
