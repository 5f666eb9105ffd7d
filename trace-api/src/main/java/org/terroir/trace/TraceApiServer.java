package org.terroir.trace;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.neo4j.driver.Driver;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The trace API started by another program (the {@code terroir} command) on a graph it has opened
 * already: the API reads through the given driver rather than one of {@code spring.neo4j.*}, and the
 * caller keeps owning the graph.
 */
public final class TraceApiServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private TraceApiServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Starts the API on {@code port} (0: any free port) reading through {@code driver}.
     *
     * @param properties more Spring properties (e.g. {@code terroir.trust-list}); they take precedence
     *                   over {@code application.properties} but not over the environment or system
     *                   properties, so that an operator can still override them
     */
    public static TraceApiServer start(Driver driver, int port, Map<String, Object> properties) {
        Objects.requireNonNull(driver, "driver");
        Map<String, Object> defaults = new LinkedHashMap<>(properties);
        defaults.put("server.port", port);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TraceApiApplication.class)
                .web(WebApplicationType.REACTIVE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(defaults)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("neo4jDriver", Driver.class,
                        () -> driver, definition -> definition.setDestroyMethodName("")))
                .registerShutdownHook(false)
                .run();
        return new TraceApiServer(context);
    }

    /** The HTTP port the API listens on. */
    public int port() {
        return port;
    }

    /** The GraphQL endpoint, e.g. {@code http://localhost:8080/graphql}. */
    public URI graphQlUri() {
        return URI.create("http://localhost:" + port + "/graphql");
    }

    /**
     * The graph this API reads has stopped for good (an embedded store after a critical error): the
     * API's liveness goes {@code DOWN} ({@code /actuator/health/liveness}), so that a supervisor
     * restarts the process, and the reason is logged. Until then every request fails.
     */
    public void graphFailed(String why) {
        LoggerFactory.getLogger(TraceApiServer.class).error("the graph has stopped: {}; liveness is DOWN, restart this process", why);
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
    }

    /** Stops the API; the driver and the graph stay open. */
    @Override
    public void close() {
        context.close();
    }
}
