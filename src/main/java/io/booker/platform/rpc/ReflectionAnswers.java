package io.booker.platform.rpc;

import com.google.protobuf.Descriptors;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.reflection.v1.ErrorResponse;
import io.vertx.grpc.reflection.v1.ExtensionNumberResponse;
import io.vertx.grpc.reflection.v1.FileDescriptorResponse;
import io.vertx.grpc.reflection.v1.ListServiceResponse;
import io.vertx.grpc.reflection.v1.ServerReflectionRequest;
import io.vertx.grpc.reflection.v1.ServerReflectionResponse;
import io.vertx.grpc.reflection.v1.ServiceResponse;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.Service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one server reflection request, from the descriptors of the services a
 * {@link GrpcServer} serves: their names; a .proto file, by name or by a symbol it defines (with
 * the files it imports, so a client needs no second round trip); the extension numbers of a type
 * (Booker's protos declare none). Anything unknown is an error answer on the stream, as the
 * reflection protocol has it, never a failed call.
 */
final class ReflectionAnswers {

  private final GrpcServer server;

  ReflectionAnswers(GrpcServer server) {
    this.server = server;
  }

  ServerReflectionResponse answer(ServerReflectionRequest request) {
    ServerReflectionResponse.Builder out = ServerReflectionResponse.newBuilder()
      .setValidHost(request.getHost()).setOriginalRequest(request);
    switch (request.getMessageRequestCase()) {
      case LIST_SERVICES -> {
        ListServiceResponse.Builder list = ListServiceResponse.newBuilder();
        for (Service s : server.services()) {
          list.addService(ServiceResponse.newBuilder().setName(s.name().fullyQualifiedName()));
        }
        return out.setListServicesResponse(list).build();
      }
      case FILE_BY_FILENAME -> {
        Descriptors.FileDescriptor file = files().get(request.getFileByFilename());
        return file == null ? error(out, GrpcStatus.NOT_FOUND, "no file " + request.getFileByFilename())
          : out.setFileDescriptorResponse(withImports(file)).build();
      }
      case FILE_CONTAINING_SYMBOL -> {
        Descriptors.FileDescriptor file = fileDefining(request.getFileContainingSymbol());
        return file == null ? error(out, GrpcStatus.NOT_FOUND, "no symbol " + request.getFileContainingSymbol())
          : out.setFileDescriptorResponse(withImports(file)).build();
      }
      case ALL_EXTENSION_NUMBERS_OF_TYPE -> {
        String type = request.getAllExtensionNumbersOfType();
        return fileDefining(type) == null ? error(out, GrpcStatus.NOT_FOUND, "no type " + type)
          : out.setAllExtensionNumbersResponse(ExtensionNumberResponse.newBuilder().setBaseTypeName(type)).build();
      }
      case FILE_CONTAINING_EXTENSION -> {
        return error(out, GrpcStatus.NOT_FOUND, "no extensions");
      }
      default -> {
        return error(out, GrpcStatus.INVALID_ARGUMENT, "no request");
      }
    }
  }

  /** Every file the served services are defined in, and every file those import, by name. */
  private Map<String, Descriptors.FileDescriptor> files() {
    Map<String, Descriptors.FileDescriptor> files = new LinkedHashMap<>();
    Deque<Descriptors.FileDescriptor> todo = new ArrayDeque<>();
    for (Service s : server.services()) {
      if (s.descriptor() != null) {
        todo.add(s.descriptor().getFile());
      }
    }
    while (!todo.isEmpty()) {
      Descriptors.FileDescriptor f = todo.removeFirst();
      if (files.putIfAbsent(f.getName(), f) == null) {
        todo.addAll(f.getDependencies());
      }
    }
    return files;
  }

  /** The file that defines {@code symbol}: a service, a method, a message, a field, an enum or its value. */
  private Descriptors.FileDescriptor fileDefining(String symbol) {
    for (Descriptors.FileDescriptor f : files().values()) {
      if (f.findServiceByName(local(f, symbol)) != null || f.findMessageTypeByName(local(f, symbol)) != null
          || f.findEnumTypeByName(local(f, symbol)) != null || f.findExtensionByName(local(f, symbol)) != null) {
        return f;
      }
      String prefix = f.getPackage().isEmpty() ? "" : f.getPackage() + ".";
      if (symbol.startsWith(prefix) && defines(f, symbol)) {
        return f;
      }
    }
    return null;
  }

  /** Nested names: a method of a service, a nested message, enum or field of a message. */
  private static boolean defines(Descriptors.FileDescriptor f, String symbol) {
    for (Descriptors.ServiceDescriptor s : f.getServices()) {
      for (Descriptors.MethodDescriptor m : s.getMethods()) {
        if (m.getFullName().equals(symbol)) {
          return true;
        }
      }
    }
    Deque<Descriptors.Descriptor> todo = new ArrayDeque<>(f.getMessageTypes());
    while (!todo.isEmpty()) {
      Descriptors.Descriptor d = todo.removeFirst();
      if (d.getFullName().equals(symbol) || d.getFields().stream().anyMatch(x -> x.getFullName().equals(symbol))
          || d.getEnumTypes().stream().anyMatch(e -> e.getFullName().equals(symbol))) {
        return true;
      }
      todo.addAll(d.getNestedTypes());
    }
    return f.getEnumTypes().stream().flatMap(e -> e.getValues().stream()).anyMatch(v -> v.getFullName().equals(symbol));
  }

  /** {@code symbol} without the file's package, for the file's top-level lookups; "" when it is not in it. */
  private static String local(Descriptors.FileDescriptor f, String symbol) {
    String pkg = f.getPackage();
    if (pkg.isEmpty()) {
      return symbol;
    }
    return symbol.startsWith(pkg + ".") ? symbol.substring(pkg.length() + 1) : "";
  }

  /** The file and everything it imports, transitively, the file first. */
  private static FileDescriptorResponse withImports(Descriptors.FileDescriptor file) {
    FileDescriptorResponse.Builder out = FileDescriptorResponse.newBuilder();
    Map<String, Descriptors.FileDescriptor> seen = new LinkedHashMap<>();
    Deque<Descriptors.FileDescriptor> todo = new ArrayDeque<>();
    todo.add(file);
    while (!todo.isEmpty()) {
      Descriptors.FileDescriptor f = todo.removeFirst();
      if (seen.putIfAbsent(f.getName(), f) == null) {
        out.addFileDescriptorProto(f.toProto().toByteString());
        todo.addAll(f.getDependencies());
      }
    }
    return out.build();
  }

  private static ServerReflectionResponse error(ServerReflectionResponse.Builder out, GrpcStatus status, String message) {
    return out.setErrorResponse(ErrorResponse.newBuilder().setErrorCode(status.code).setErrorMessage(message)).build();
  }
}
