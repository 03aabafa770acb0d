package io.booker.venue.domain;

/**
 * A venue's fields as a create or update request gives them, and (once checked by
 * {@link StructureFields}) as they are written. An update replaces every field, with one
 * exception: an empty {@code timezone} keeps the venue's current zone (on create it means UTC).
 * An empty {@code language} means "not set" (on update it clears the language). Null reads as empty.
 */
public record VenueFields(String name, String timezone, String address, String phone, String email, String description,
    String language) {

  public VenueFields {
    name = Venue.orEmpty(name);
    timezone = Venue.orEmpty(timezone);
    address = Venue.orEmpty(address);
    phone = Venue.orEmpty(phone);
    email = Venue.orEmpty(email);
    description = Venue.orEmpty(description);
    language = Venue.orEmpty(language);
  }
}
