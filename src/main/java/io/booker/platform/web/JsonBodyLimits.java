package io.booker.platform.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.booker.common.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;

/**
 * Refuses (400) a JSON body nested deeper than the limit, with a key twice in one object, or that is
 * not one well-formed UTF-8 JSON value. Jackson's streaming parser does the checking (its nesting
 * constraint and strict duplicate detection); nothing is built, so the check costs one pass.
 * Runs after the body handler; an empty body is left to the route.
 */
public final class JsonBodyLimits implements Handler<RoutingContext> {

  private final JsonFactory factory;
  private final int maxDepth;

  public JsonBodyLimits(int maxDepth) {
    this.maxDepth = maxDepth;
    this.factory = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
      .build();
  }

  @Override
  public void handle(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      ctx.next();
      return;
    }
    String problem = problem(body.getBytes());
    if (problem != null) {
      Problems.send(ctx, ErrorCode.INVALID_ARGUMENT, problem);
      return;
    }
    ctx.next();
  }

  /** Why {@code json} is refused, or null. */
  String problem(byte[] json) {
    try (JsonParser parser = factory.createParser(json)) {
      if (parser.nextToken() == null) {
        return null;
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        return "request body is not valid JSON (more than one value)";
      }
      return null;
    } catch (StreamConstraintsException e) {
      return "request body is nested deeper than " + maxDepth + " levels";
    } catch (IOException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      return message.startsWith("Duplicate field") ? "request body has a duplicate key" : "request body is not valid JSON";
    }
  }
}
