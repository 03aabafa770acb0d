package io.booker.venue.domain;

import java.util.List;

/** One page of a list, in the list's order, with the number of items of the whole list. */
public record Page<T>(List<T> items, int total) {

  public Page {
    items = List.copyOf(items);
  }
}
