package org.talkfeed.serve;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.talkfeed.publish.FeedQuery;
import org.talkfeed.publish.FilteredFeeds;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /calendar.ics} and {@code /calendar.alarm.ics} with a query ({@code series}, {@code speaker}, {@code host},
 * {@code q}): the feed of the talks it picks, made by {@link FilteredFeeds}, with an ETag (304 when it matches) and
 * Last-Modified. Without any of those parameters, or before the feeds are set up, the request goes on to the files.
 */
final class FilteredFeedHandler extends Handler.Abstract {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final Supplier<FilteredFeeds> feeds;

    FilteredFeedHandler(Supplier<FilteredFeeds> feeds) {
        this.feeds = feeds;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        FilteredFeeds filtered = feeds.get();
        String path = Request.getPathInContext(request);
        boolean alarms = path.equals("/calendar.alarm.ics");
        if (filtered == null || request.getHttpURI().getQuery() == null || !(alarms || path.equals("/calendar.ics"))) {
            return false;
        }
        Optional<FeedQuery> query;
        try {
            query = FeedQuery.of(parameters(request));
        } catch (IllegalArgumentException e) {
            return plain(response, callback, HttpStatus.BAD_REQUEST_400, e.getMessage());
        }
        if (query.isEmpty()) {
            return false;
        }
        FilteredFeeds.Selection feed = filtered.select(query.get(), alarms);
        if (feed == null) {
            return false;
        }
        String etag = "\"q-" + feed.fingerprint() + "\"";
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.LAST_MODIFIED, HTTP_DATE.format(feed.published()));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        if (matches(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/calendar; charset=utf-8");
        if (HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        Content.Sink.write(response, true, feed.render(), callback);
        return true;
    }

    /** The query's parameters; a malformed query string is a bad request. */
    private static Map<String, List<String>> parameters(Request request) {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the query string cannot be read");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Fields.Field field : fields) {
            parameters.put(field.getName(), field.getValues());
        }
        return parameters;
    }

    /** Whether If-None-Match names this ETag (or is "*"), weak or strong. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static boolean plain(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(new HttpField(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8"));
        Content.Sink.write(response, true, message + "\n", callback);
        return true;
    }
}
