package dev.newsflow.platform.health;

/** One thing a service needs to be alive or ready, checked when /health/live or /health/ready is asked. */
@FunctionalInterface
public interface HealthCheck {
    Check check();
}
