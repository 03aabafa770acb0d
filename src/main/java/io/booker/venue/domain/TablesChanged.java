package io.booker.venue.domain;

/**
 * A room's tables changed between the booking check and the delete that relied on it (a table
 * was added or removed meanwhile); nothing was deleted, and the check must be made again.
 */
public final class TablesChanged extends RuntimeException {

  public TablesChanged() {
    super("the room's tables changed during the delete", null, false, false);
  }
}
