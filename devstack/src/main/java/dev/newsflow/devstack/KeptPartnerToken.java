package dev.newsflow.devstack;

import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.partner.PartnerAdmin;
import dev.newsflow.syndicate.partner.PartnerSpec;
import dev.newsflow.syndicate.partner.PartnerTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The stack's partner token, kept in its data directory ({@value #FILE}) so that the feed URLs a restarted demo
 * printed before still work. The registry stores only the token's hash, so the token itself has to live somewhere
 * the stack can read it again: a file only its owner can read, beside the broker's data. When the kept token no
 * longer opens the partner's feeds (rotated through the admin API, the partner deleted, the file lost) a new one
 * is issued and kept.
 */
final class KeptPartnerToken {
    static final String FILE = "partner-token";

    private KeptPartnerToken() {
    }

    /** The partner brought to {@code spec} (created if missing), and its token: the kept one while it still works. */
    static String ensure(PartnerAdmin partners, PartnerSpec spec, Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Optional<String> kept = read(file);
        Optional<PartnerSubscription> current = partners.get(spec.partnerId());
        if (kept.isPresent() && current.isPresent()
                && PartnerTokens.matches(kept.get(), current.get().getTokenHash())) {
            partners.update(spec.partnerId(), spec);
            return kept.get();
        }
        String token = partners.createOrReissue(spec).token();
        write(file, token);
        return token;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(token -> !token.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kept partner token " + file, e);
        }
    }

    private static void write(Path file, String token) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try {
                if (Files.getFileAttributeView(temporary, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the partner token in " + file, e);
        }
    }
}
