package dev.newsflow.devstack.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The article the demo posts: written for the project in the shape a publisher's scraper
 * delivers (section line, headline, a photo caption printed twice with its credit, body, site chrome).
 */
public final class SampleArticle {
    public static final String RESOURCE = "/samples/nordic-cables.txt";
    public static final String HEADLINE =
            "Nordic leaders agree joint patrols to protect undersea cables in the Baltic Sea";

    private SampleArticle() {
    }

    public static String text() {
        try (InputStream in = SampleArticle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sample article " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
