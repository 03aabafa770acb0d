package io.booker.platform.web;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.booker.common.ServiceException;
import io.booker.common.Text;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.List;

/**
 * The REST edge's JSON for protobuf messages: snake_case proto field names, every field present
 * (unset messages as {@code null}), 64-bit integers as JSON numbers (Unix-second timestamps), and
 * requests that accept the proto names and the camelCase aliases the original bound. Type errors
 * name the field. (Kafka payloads use canonical protobuf JSON instead, see OutboxEvent.)
 */
public final class ProtoJson {

  private ProtoJson() {
  }

  public static JsonObject toJson(Message message) {
    JsonObject json = new JsonObject();
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      if (field.isRepeated()) {
        JsonArray array = new JsonArray();
        int n = message.getRepeatedFieldCount(field);
        for (int i = 0; i < n; i++) {
          array.add(value(field, message.getRepeatedField(field, i)));
        }
        json.put(field.getName(), array);
      } else if (field.hasPresence() && !message.hasField(field)) {
        // An absent message, or an absent proto3 "optional" scalar (the seating rules' caps): null, not 0.
        json.putNull(field.getName());
      } else {
        json.put(field.getName(), value(field, message.getField(field)));
      }
    }
    return json;
  }

  /** A {@code google.protobuf.Struct} is free-form JSON: it is written as the object it stands for. */
  private static JsonObject structJson(Struct struct) {
    JsonObject out = new JsonObject();
    struct.getFieldsMap().forEach((k, v) -> out.put(k, valueJson(v)));
    return out;
  }

  private static Object valueJson(Value v) {
    switch (v.getKindCase()) {
      case STRUCT_VALUE: return structJson(v.getStructValue());
      case LIST_VALUE:
        JsonArray array = new JsonArray();
        v.getListValue().getValuesList().forEach(item -> array.add(valueJson(item)));
        return array;
      case STRING_VALUE: return v.getStringValue();
      case BOOL_VALUE: return v.getBoolValue();
      case NUMBER_VALUE:
        double d = v.getNumberValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
      default: return null;
    }
  }

  public static JsonArray toJsonArray(List<? extends Message> messages) {
    JsonArray array = new JsonArray();
    messages.forEach(m -> array.add(toJson(m)));
    return array;
  }

  private static Object value(FieldDescriptor field, Object v) {
    switch (field.getJavaType()) {
      case MESSAGE: return v instanceof Struct struct ? structJson(struct) : toJson((Message) v);
      case ENUM: return ((com.google.protobuf.Descriptors.EnumValueDescriptor) v).getName();
      case BYTE_STRING: return Base64.getEncoder().encodeToString(((ByteString) v).toByteArray());
      default: return v;
    }
  }

  /** Merges {@code json} into {@code builder}; unknown keys are ignored, wrong types are INVALID_ARGUMENT. */
  public static <B extends Message.Builder> B merge(JsonObject json, B builder) {
    merge(json, builder, "");
    return builder;
  }

  private static void merge(JsonObject json, Message.Builder builder, String prefix) {
    for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
      String key = json.containsKey(field.getName()) ? field.getName()
        : json.containsKey(field.getJsonName()) ? field.getJsonName() : null;
      if (key == null || json.getValue(key) == null) {
        continue;
      }
      Object raw = json.getValue(key);
      String path = prefix + field.getName();
      if (field.isRepeated()) {
        if (!(raw instanceof JsonArray array)) {
          throw ServiceException.invalid(path, "must be an array");
        }
        for (int i = 0; i < array.size(); i++) {
          builder.addRepeatedField(field, convert(field, array.getValue(i), builder, path + "[" + i + "]"));
        }
      } else {
        builder.setField(field, convert(field, raw, builder, path));
      }
    }
  }

  private static Object convert(FieldDescriptor field, Object raw, Message.Builder parent, String path) {
    switch (field.getJavaType()) {
      case STRING:
        if (raw instanceof String s) {
          Text.requireWellFormed(path, s);
          return s;
        }
        throw ServiceException.invalid(path, "must be a string");
      case BOOLEAN:
        if (raw instanceof Boolean b) {
          return b;
        }
        throw ServiceException.invalid(path, "must be true or false");
      case INT:
        return (int) integral(raw, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG:
        return integral(raw, path, Long.MIN_VALUE, Long.MAX_VALUE);
      case DOUBLE:
      case FLOAT:
        if (raw instanceof Number n) {
          return field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Object) n.floatValue() : (Object) n.doubleValue();
        }
        throw ServiceException.invalid(path, "must be a number");
      case MESSAGE:
        if (raw instanceof JsonObject obj) {
          Message.Builder child = parent.newBuilderForField(field);
          merge(obj, child, path + ".");
          return child.build();
        }
        throw ServiceException.invalid(path, "must be an object");
      case ENUM:
        if (raw instanceof String s && field.getEnumType().findValueByName(s) != null) {
          return field.getEnumType().findValueByName(s);
        }
        throw ServiceException.invalid(path, "must be one of " + field.getEnumType().getValues());
      default:
        throw ServiceException.invalid(path, "is not supported");
    }
  }

  private static long integral(Object raw, String path, long min, long max) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
      long v = ((Number) raw).longValue();
      if (v >= min && v <= max) {
        return v;
      }
      throw ServiceException.invalid(path, "is out of range");
    }
    if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
      double d = n.doubleValue();
      if (d >= min && d <= max) {
        return (long) d;
      }
      throw ServiceException.invalid(path, "is out of range");
    }
    throw ServiceException.invalid(path, "must be an integer");
  }
}
