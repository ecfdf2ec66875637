package dev.newsflow.schemas.serde;

import dev.newsflow.schemas.registry.CompatibilityLevel;
import dev.newsflow.schemas.registry.RegisteredSchema;
import dev.newsflow.schemas.registry.SchemaRegistryClient;
import java.util.List;
import org.apache.avro.Schema;

/** Counts the calls that caching is meant to save. */
final class CountingRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    int registrations;
    int byIdCalls;

    CountingRegistry(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        registrations++;
        return delegate.register(subject, schema);
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        return delegate.lookup(subject, schema);
    }

    @Override
    public Schema getById(int id) {
        byIdCalls++;
        return delegate.getById(id);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return delegate.getLatest(subject);
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        return delegate.getVersion(subject, version);
    }

    @Override
    public List<Integer> versions(String subject) {
        return delegate.versions(subject);
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema) {
        return delegate.incompatibilities(subject, schema);
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        delegate.setCompatibility(subject, level);
    }

    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        return delegate.getCompatibility(subject);
    }

    @Override
    public List<String> subjects() {
        return delegate.subjects();
    }
}
