package io.booker.venue;

import io.booker.venue.domain.SlotText;
import io.booker.venue.domain.TableFields;
import io.booker.venue.domain.TablePosition;
import io.booker.venue.domain.TableRefText;
import io.booker.venue.domain.VenueFields;

import java.util.List;

/**
 * Builders of the use cases' input records for the tests, field by field as a request names them;
 * a field not set is empty (0, false, no position), as in a request without it.
 */
final class Inputs {

  private Inputs() {
  }

  static VenueInput venue() {
    return new VenueInput();
  }

  static TableInput table() {
    return new TableInput();
  }

  static final class VenueInput {
    private String name = "";
    private String timezone = "";
    private String address = "";
    private String phone = "";
    private String email = "";
    private String description = "";
    private String language = "";

    VenueInput setName(String v) { name = v; return this; }
    VenueInput setTimezone(String v) { timezone = v; return this; }
    VenueInput setAddress(String v) { address = v; return this; }
    VenueInput setPhone(String v) { phone = v; return this; }
    VenueInput setEmail(String v) { email = v; return this; }
    VenueInput setDescription(String v) { description = v; return this; }
    VenueInput setLanguage(String v) { language = v; return this; }

    VenueFields build() {
      return new VenueFields(name, timezone, address, phone, email, description, language);
    }
  }

  /** A table's fields, with the id the request names (its room on create, the table on update). */
  static final class TableInput {
    private String id = "";
    private String name = "";
    private int capacity;
    private boolean canMerge;
    private String zone = "";
    private TablePosition position;

    TableInput setId(String v) { id = v; return this; }
    TableInput setRoomId(String v) { id = v; return this; }
    TableInput setName(String v) { name = v; return this; }
    TableInput setCapacity(int v) { capacity = v; return this; }
    TableInput setCanMerge(boolean v) { canMerge = v; return this; }
    TableInput setZone(String v) { zone = v; return this; }
    TableInput setPosition(TablePosition v) { position = v; return this; }

    String id() {
      return id;
    }

    TableFields build() {
      return new TableFields(name, capacity, canMerge, zone, position);
    }
  }

  /** The arguments of an availability check; a slot not set is absent (null). */
  static final class Ask {
    String venueId = "";
    SlotText slot;
    int partySize;
    boolean includeUnavailable;
    int maxOffers;

    Ask setVenueId(String v) { venueId = v; return this; }
    Ask setSlot(SlotText v) { slot = v; return this; }
    Ask clearSlot() { slot = null; return this; }
    Ask setPartySize(int v) { partySize = v; return this; }
    Ask setIncludeUnavailable(boolean v) { includeUnavailable = v; return this; }
    Ask setMaxOffers(int v) { maxOffers = v; return this; }
  }

  /** The arguments of a ResolveBookingSlot; a table or slot not set is absent (null). */
  static final class Resolve {
    String venueId = "";
    TableRefText table;
    TableRefText merged;
    SlotText slot;
    int partySize;

    Resolve setVenueId(String v) { venueId = v; return this; }
    Resolve setTable(TableRefText v) { table = v; return this; }
    Resolve clearTable() { table = null; return this; }
    Resolve setMergedWithTable(TableRefText v) { merged = v; return this; }
    Resolve setSlot(SlotText v) { slot = v; return this; }
    Resolve clearSlot() { slot = null; return this; }
    Resolve setPartySize(int v) { partySize = v; return this; }
  }

  /** The arguments of a CheckTables; a slot not set is absent (null). */
  static final class Tables {
    String venueId = "";
    List<String> tableIds = List.of();
    SlotText slot;

    Tables setVenueId(String v) { venueId = v; return this; }
    Tables setTableIds(List<String> v) { tableIds = v; return this; }
    Tables setSlot(SlotText v) { slot = v; return this; }
    Tables clearSlot() { slot = null; return this; }
  }
}
