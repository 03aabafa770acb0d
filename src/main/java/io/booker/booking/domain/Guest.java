package io.booker.booking.domain;

import java.util.Objects;

/** Who the booking is for: name (required), phone and email (empty when not given). */
public record Guest(String name, String phone, String email) {

  public Guest {
    Objects.requireNonNull(name, "name");
    phone = phone == null ? "" : phone;
    email = email == null ? "" : email;
  }
}
