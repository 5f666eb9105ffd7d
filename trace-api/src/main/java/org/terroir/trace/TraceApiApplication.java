package org.terroir.trace;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The trace API as a Spring Boot application: GraphQL over HTTP at {@code /graphql}, reading the
 * graph the {@code Driver} of {@code spring.neo4j.*} reaches.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TraceApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(TraceApiApplication.class, args);
    }
}
