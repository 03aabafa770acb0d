package io.booker.platform.rpc;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * One unary RPC of a generated service interface: its full name (which is also its event-bus
 * address, {@code venue.VenueService/GetVenue}), the Java method and the message prototypes.
 */
public record RpcMethod(String serviceName, String name, Method javaMethod, Message requestPrototype, Message responsePrototype) {

  public String fullName() {
    return serviceName + "/" + name;
  }

  /** Every method of {@code descriptor}, resolved against the generated Java interface. */
  public static List<RpcMethod> of(Class<?> serviceInterface, Descriptors.ServiceDescriptor descriptor) {
    List<RpcMethod> methods = new ArrayList<>();
    for (Descriptors.MethodDescriptor md : descriptor.getMethods()) {
      if (md.isClientStreaming() || md.isServerStreaming()) {
        throw new IllegalArgumentException("streaming RPCs are not bound: " + md.getFullName());
      }
      Method m = find(serviceInterface, lowerCamel(md.getName()));
      Class<?> requestType = m.getParameterTypes()[0];
      Class<?> responseType = futureType(m);
      methods.add(new RpcMethod(descriptor.getFullName(), md.getName(), m, defaultInstance(requestType), defaultInstance(responseType)));
    }
    return methods;
  }

  private static Method find(Class<?> iface, String javaName) {
    for (Method m : iface.getMethods()) {
      if (m.getName().equals(javaName) && m.getParameterCount() == 1 && Message.class.isAssignableFrom(m.getParameterTypes()[0])) {
        return m;
      }
    }
    throw new IllegalArgumentException(iface.getName() + " has no unary method " + javaName);
  }

  private static Class<?> futureType(Method m) {
    Type t = m.getGenericReturnType();
    if (t instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    throw new IllegalArgumentException(m + " does not return Future<Message>");
  }

  private static Message defaultInstance(Class<?> type) {
    try {
      return (Message) type.getMethod("getDefaultInstance").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type + " is not a generated protobuf message", e);
    }
  }

  static String lowerCamel(String rpcName) {
    return Character.toLowerCase(rpcName.charAt(0)) + rpcName.substring(1);
  }
}
