package dev.newsflow.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --since}: a time ago ({@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}) or an instant ({@code 2026-12-07T09:00:00Z}). */
final class SinceConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        return parse(value, Instant.now());
    }

    static Instant parse(String value, Instant now) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        if (text.matches("\\d+[smhd]")) {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            Duration ago = switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return now.minus(ago);
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither a time ago (90s, 15m, 1h, 7d) nor an "
                    + "instant (2026-12-07T09:00:00Z)");
        }
    }
}
