package io.booker.platform.web;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations a {@link Router} serves, read from its routes and, recursively, its sub-routers:
 * one {@code (method, path)} per method of every route that has a path, with path parameters in
 * OpenAPI style ({@code /api/v1/venues/{id}}). Routes without a path (body handlers, authentication)
 * are not operations and are left out. A route that matches any method is listed with method
 * {@code *}, and a regular-expression route with its pattern, so that neither can hide from a
 * comparison with the OpenAPI document.
 */
public final class RouteTable {

  private static final Pattern PARAM = Pattern.compile(":([A-Za-z0-9_]+)");

  /** One operation: an HTTP method (or {@code *}) and a path template. */
  public record Operation(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private RouteTable() {
  }

  /** Every operation of {@code router}, sorted by path, then method. */
  public static List<Operation> of(Router router) {
    TreeSet<Operation> out = new TreeSet<>(Comparator.comparing(Operation::path).thenComparing(Operation::method));
    walk(router, "", out);
    return new ArrayList<>(out);
  }

  private static void walk(Router router, String prefix, TreeSet<Operation> out) {
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (route.getSubRouter() != null) {
        walk(route.getSubRouter(), join(prefix, path == null ? "" : path), out);
      } else if (route.isRegexPath() && path == null) {
        // A route of its own regular expression (a path with :parameters is regex-backed too, but keeps its path).
        out.add(new Operation(methods(route), "regex:" + prefix + route.getName()));
      } else if (path != null) {
        String template = openApiStyle(join(prefix, path));
        if (route.methods() == null || route.methods().isEmpty()) {
          out.add(new Operation("*", template));
        } else {
          route.methods().forEach(m -> out.add(new Operation(m.name(), template)));
        }
      }
    }
  }

  private static String methods(Route route) {
    return route.methods() == null || route.methods().isEmpty() ? "*" : route.methods().toString();
  }

  /** {@code /api/v1/} + {@code /venues} is {@code /api/v1/venues}. */
  private static String join(String prefix, String path) {
    String head = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.startsWith("/") || path.isEmpty() ? head + path : head + "/" + path;
  }

  /** {@code /venues/:id} is {@code /venues/{id}}; a mount's trailing slash is dropped. */
  static String openApiStyle(String path) {
    Matcher m = PARAM.matcher(path);
    String template = m.replaceAll("{$1}");
    return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
  }
}
