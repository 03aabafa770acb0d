package io.booker.gateway.auth;

import io.booker.common.ServiceException;
import io.booker.gateway.auth.domain.NewUser;
import io.booker.gateway.auth.domain.User;
import io.booker.gateway.auth.domain.UserChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Users and their requests as JSON: snake_case, every field present, Unix seconds, never a password hash. */
final class UserJson {

  private UserJson() {
  }

  static JsonObject toJson(User u) {
    JsonArray venues = new JsonArray();
    u.venueIds().forEach(v -> venues.add(v.toString()));
    return new JsonObject()
      .put("id", u.id().toString())
      .put("login", u.login())
      .put("display_name", u.displayName())
      .put("role", u.role().wireName())
      .put("venue_ids", venues)
      .put("disabled", u.disabled())
      .put("created_at", u.createdAt().getEpochSecond())
      .put("updated_at", u.updatedAt().getEpochSecond());
  }

  static NewUser newUser(JsonObject body) {
    List<String> venues = strings(body, "venue_ids");
    return NewUser.of(string(body, "login"), string(body, "display_name"), string(body, "password"), string(body, "role"),
      venues == null ? List.of() : venues);
  }

  static UserChange change(JsonObject body) {
    Object disabled = body.getValue("disabled");
    if (disabled != null && !(disabled instanceof Boolean)) {
      throw ServiceException.invalid("disabled", "must be true or false");
    }
    return UserChange.of(string(body, "display_name"), string(body, "role"), strings(body, "venue_ids"), (Boolean) disabled);
  }

  /** A string field; null when absent or JSON null. */
  static String string(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v != null && !(v instanceof String)) {
      throw ServiceException.invalid(field, "must be a string");
    }
    return (String) v;
  }

  /** A string field that must be there and not be empty. */
  static String required(JsonObject body, String field) {
    String v = string(body, field);
    if (v == null || v.isEmpty()) {
      throw ServiceException.invalid(field, "is required");
    }
    return v;
  }

  /** An array of strings; null when absent. */
  static List<String> strings(JsonObject body, String field) {
    Object v = body.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray array)) {
      throw ServiceException.invalid(field, "must be an array of strings");
    }
    List<String> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s)) {
        throw ServiceException.invalid(field, "must be an array of strings");
      }
      out.add(s);
    }
    return out;
  }

  /** A user id from a path. */
  static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ServiceException.invalid("id", "must be a UUID");
    }
  }
}
