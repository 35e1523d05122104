package dev.keyward.authority.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the API. The server registers exactly the routes of its table; {@code /openapi.json}
 * and the admin-token tests are checked against the same table.
 *
 * @param path Javalin path, which is also the OpenAPI path ({@code /v1/admin/keys/{key}})
 * @param admin whether it needs the admin bearer token
 */
public record Route(HandlerType method, String path, boolean admin, Handler handler) {}
