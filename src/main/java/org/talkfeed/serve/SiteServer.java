package org.talkfeed.serve;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.AllowedResourceAliasChecker;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ConditionalHandler;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.gzip.GzipHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import org.talkfeed.publish.FilteredFeeds;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the published site over HTTP with Jetty: GET and HEAD only, files of the site folder only
 * (index.html for a folder), with ETag and Last-Modified so that polling calendar clients get 304,
 * and gzip for text; {@code /calendar.ics} with a query is a filtered feed once {@link #serveFilteredFeeds} was
 * called. Connections that send nothing are dropped after {@link #IDLE_TIMEOUT} and hold
 * no thread while they wait.
 */
public final class SiteServer implements AutoCloseable {
    /** How long a connection may stay silent, between requests or while sending one. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** How long reading or writing may stall once a request is being handled. */
    private static final Duration REQUEST_IO_TIMEOUT = Duration.ofSeconds(15);
    static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "ics", "text/calendar; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "xml", "application/atom+xml; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "txt", "text/plain; charset=utf-8");
    private static final String[] COMPRESSED_TYPES = {
            "text/html", "text/calendar", "application/json", "application/atom+xml", "text/css", "text/plain"};

    private final Server server;
    private final ServerConnector connector;
    private final AtomicReference<FilteredFeeds> filteredFeeds;

    private SiteServer(Server server, ServerConnector connector, AtomicReference<FilteredFeeds> filteredFeeds) {
        this.server = server;
        this.connector = connector;
        this.filteredFeeds = filteredFeeds;
    }

    /**
     * Starts serving {@code root} (created when missing, since the first publication may come later).
     *
     * @throws BindException when the address cannot be listened on
     */
    public static SiteServer start(String host, int port, Path root) throws IOException {
        Files.createDirectories(root);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("http");
        threads.setDaemon(true);
        Server server = new Server(threads);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setIdleTimeout(REQUEST_IO_TIMEOUT.toMillis());
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);

        AtomicReference<FilteredFeeds> filteredFeeds = new AtomicReference<>();
        GzipHandler gzip = new GzipHandler(site(root.toRealPath(), new FilteredFeedHandler(filteredFeeds::get)));
        gzip.setIncludedMimeTypes(COMPRESSED_TYPES);
        server.setHandler(new GetAndHeadOnly(gzip));

        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw startFailure(e);
        }
        return new SiteServer(server, connector, filteredFeeds);
    }

    private static Handler site(Path root, FilteredFeedHandler filtered) {
        ContextHandler context = new ContextHandler(new Handler.Sequence(filtered, new StreamedFiles()), "/");
        context.setBaseResourceAsPath(root);
        // The default checker follows symlinks anywhere; this one only to files inside the root.
        context.clearAliasChecks();
        context.addAliasCheck(new AllowedResourceAliasChecker(context));
        TYPES.forEach(context.getMimeTypes()::addMimeMapping);
        return context;
    }

    /**
     * Files of the context's base folder, read from disk on every request: the publisher replaces them at any time.
     * Names starting with a dot (a publication's temporary files) are never served.
     */
    private static final class StreamedFiles extends ResourceHandler {
        StreamedFiles() {
            setDirAllowed(false);
            setWelcomeFiles("index.html");
            setWelcomeMode(ResourceService.WelcomeMode.SERVE);
            setCacheControl("no-cache");
            setEtags(true);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            if (path.contains("/.")) {
                return false;
            }
            return super.handle(request, response, callback);
        }

        @Override
        protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized buffers) {
            return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), buffers);
        }
    }

    /** Answers 405 to any method other than GET and HEAD. */
    private static final class GetAndHeadOnly extends ConditionalHandler.Reject {
        GetAndHeadOnly(Handler next) {
            super(next, HttpStatus.METHOD_NOT_ALLOWED_405);
            excludeMethod("GET", "HEAD");
        }

        @Override
        protected boolean onConditionsMet(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            return super.onConditionsMet(request, response, callback);
        }
    }

    private static IOException startFailure(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                return bind;
            }
        }
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing to start: the start failure is what the caller needs
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The address it serves on, {@code http://HOST:PORT}, with the port it got when asked for any (0); when it listens
     * on every interface, the machine's name as HOST.
     */
    public String address() {
        String host = connector.getHost();
        if (host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = localName();
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** From now on, answers {@code /calendar.ics?series=…} and the like with these feeds. */
    public void serveFilteredFeeds(FilteredFeeds feeds) {
        filteredFeeds.set(feeds);
    }

    @Override
    public void close() {
        stopQuietly(server);
    }
}
