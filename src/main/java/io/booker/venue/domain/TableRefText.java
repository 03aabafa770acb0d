package io.booker.venue.domain;

/** A reference to a table exactly as a request carried it: {@code tableId} required, {@code roomId} empty when not given. */
public record TableRefText(String tableId, String roomId) {

  public TableRefText {
    tableId = tableId == null ? "" : tableId;
    roomId = roomId == null ? "" : roomId;
  }
}
