package io.synthlogs.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (a URI over 8 KiB, illegal characters
 * in the request line, headers too large): the same {@code {"error","field","allowed"}} JSON as every
 * other error, instead of Jetty's HTML page. (Jetty 12 routes bad messages here too; its older
 * {@code badMessageError} hook is no longer called.)
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return Json.write(ApiError.body(reason + " (HTTP " + code + ")", null, null))
                .getBytes(StandardCharsets.UTF_8);
    }
}
