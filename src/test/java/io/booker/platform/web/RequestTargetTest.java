package io.booker.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Which raw request targets reach the router, and which JSON media types a body may have. */
class RequestTargetTest {

  @Test
  void ordinaryTargetsPass() {
    assertNull(RequestTarget.problem("/api/v1/venues/0b5c4f4e-1f0a-4b7e-9b7a-1d2c3e4f5a6b", "limit=5&cursor=a%3Db"));
    assertNull(RequestTarget.problem("/api/v1/venues/", null));
    assertNull(RequestTarget.problem("/api/v1/users/caf%C3%A9", "name=%E2%82%AC+x"));
  }

  @Test
  void segmentsTheRouterWouldNormaliseAreRefused() {
    for (String path : new String[] {"/a/..", "/a/.", "/a/%2e%2e", "/a/%2E/b", "/a/.%2e/b", "//a", "/a//b", "/a/%2f", "/a/%5Cb", "/a/%00"}) {
      assertNotNull(RequestTarget.problem(path, null), path);
    }
  }

  @Test
  void malformedEscapesAreRefusedInPathAndQuery() {
    assertNotNull(RequestTarget.problem("/a/%zz", null));
    assertNotNull(RequestTarget.problem("/a/%4", null));
    assertNotNull(RequestTarget.problem("/a", "x=%zz"));
    assertNotNull(RequestTarget.problem("/a", "x=%"));
    assertNotNull(RequestTarget.problem("/a", "x=%C3%28"), "not UTF-8");
    assertNotNull(RequestTarget.problem("a", null), "not origin-form");
  }

  @Test
  void onlyUtf8JsonIsJson() {
    assertTrue(JsonContentType.isJson("application/json"));
    assertTrue(JsonContentType.isJson("Application/JSON; charset=UTF-8"));
    assertTrue(JsonContentType.isJson("application/merge-patch+json"));
    assertFalse(JsonContentType.isJson("text/plain"));
    assertFalse(JsonContentType.isJson("application/json; charset=latin1"));
    assertFalse(JsonContentType.isJson("application/x-www-form-urlencoded"));
  }
}
