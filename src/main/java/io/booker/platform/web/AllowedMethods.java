package io.booker.platform.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path template of a router answers, for the {@code Allow} header of a 405.
 * Vert.x-web knows that no route took the method but does not say which would have; the templates
 * are read once, after every route is mounted.
 */
public final class AllowedMethods {

  private record Entry(Pattern path, Set<String> methods) {
  }

  private final List<Entry> entries = new ArrayList<>();

  /** Adds the routes of {@code router}, mounted at {@code mount} ("" for a root router). */
  public AllowedMethods add(String mount, Router router) {
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
        continue;
      }
      Set<String> methods = new TreeSet<>();
      route.methods().forEach(m -> methods.add(m.name()));
      entries.add(new Entry(pattern(mount + route.getPath()), methods));
    }
    return this;
  }

  /** The methods {@code path} answers, HEAD with GET, as an {@code Allow} header value; "" for none. */
  public String allow(String path) {
    Set<String> methods = new TreeSet<>();
    for (Entry e : entries) {
      if (e.path().matcher(path).matches()) {
        methods.addAll(e.methods());
      }
    }
    if (methods.contains(HttpMethod.GET.name())) {
      methods.add(HttpMethod.HEAD.name());
    }
    return String.join(", ", methods);
  }

  static Pattern pattern(String template) {
    StringBuilder regex = new StringBuilder();
    String[] parts = template.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append('/');
      }
      String p = parts[i];
      if (p.startsWith(":")) {
        regex.append("[^/]+");
      } else if (p.equals("*")) {
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(p));
      }
    }
    // A trailing slash is optional, as it is for the router.
    return Pattern.compile(regex + "/?");
  }
}
