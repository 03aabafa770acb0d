package io.booker.notify.domain;

/**
 * The version rule: events of one booking travel on several topics, so they may arrive out of
 * order. Only an event newer than the newest one seen changes what notify knows or sends.
 */
public final class Versions {

  private Versions() {
  }

  /**
   * @param known the version notify holds for the booking, or null when it has none
   * @return whether an event of version {@code incoming} is stale (not newer than what is known)
   */
  public static boolean isStale(Long known, long incoming) {
    return known != null && incoming <= known;
  }
}
