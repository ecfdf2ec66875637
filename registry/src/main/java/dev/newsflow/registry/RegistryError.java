package dev.newsflow.registry;

/**
 * An error the registry answers with, in Confluent's shape: the HTTP status is the family of
 * the {@code error_code} (40401 → 404, 42201 → 422, ...) and the messages follow Confluent's
 * wording, so clients that match on either keep working.
 */
final class RegistryError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String version) {
        return new RegistryError(404, 40402, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound() {
        return new RegistryError(404, 40403, "Schema not found");
    }

    static RegistryError schemaIdNotFound(int id) {
        return new RegistryError(404, 40403, "Schema " + id + " not found");
    }

    static RegistryError subjectSoftDeleted(String subject) {
        return new RegistryError(404, 40404,
                "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryError subjectNotSoftDeleted(String subject) {
        return new RegistryError(404, 40405,
                "Subject '" + subject + "' was not deleted first before being permanently deleted");
    }

    static RegistryError versionSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40406, "Subject '" + subject + "' Version " + version
                + " was soft deleted.Set permanent=true to delete permanently");
    }

    static RegistryError versionNotSoftDeleted(String subject, int version) {
        return new RegistryError(404, 40407, "Subject '" + subject + "' Version " + version
                + " was not deleted first before being permanently deleted");
    }

    static RegistryError subjectLevelCompatibilityNotConfigured(String subject) {
        return new RegistryError(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError subjectLevelModeNotConfigured(String subject) {
        return new RegistryError(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
    }

    /**
     * Confluent releases answer an incompatible registration with {@code error_code} 409 (the
     * 40901 constant is newer than every released server), so this registry does too.
     */
    static RegistryError incompatible(String subject, Iterable<String> details) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + String.join(", ", details));
    }

    static RegistryError invalidSchema(String why) {
        return new RegistryError(422, 42201, "Invalid schema " + why);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level " + level + ". Valid values are none, "
                + "backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryError invalidMode(String mode) {
        return new RegistryError(422, 42204, "Invalid mode " + mode
                + ". Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT");
    }

    static RegistryError operationNotPermitted(String why) {
        return new RegistryError(422, 42205, why);
    }

    static RegistryError storeError(String why, Throwable cause) {
        RegistryError error = new RegistryError(500, 50001, "Error in the backend data store - " + why);
        error.initCause(cause);
        return error;
    }

    static RegistryError timeout(String why) {
        return new RegistryError(500, 50002, "Operation timed out - " + why);
    }
}
