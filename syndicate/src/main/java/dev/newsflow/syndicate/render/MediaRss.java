package dev.newsflow.syndicate.render;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Media RSS module of one item: {@code media:content} per image that has a URL, each with
 * {@code media:description} (the caption) and {@code media:credit} (photographer and agency); an
 * image without a URL gives its caption and credits at item level.
 */
final class MediaRss {
    static final String EBU_SCHEME = "urn:ebu";

    private MediaRss() {
    }

    static Optional<MediaEntryModuleImpl> module(EnrichedArticle article) {
        List<Image> images = article.getImages();
        if (images.isEmpty()) {
            return Optional.empty();
        }
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        List<MediaContent> contents = new ArrayList<>();
        Image withoutUrl = null;
        for (Image image : images) {
            Optional<String> url = ItemContent.imageUrl(image);
            if (url.isPresent()) {
                MediaContent content = new MediaContent(new UrlReference(URI.create(url.get())));
                content.setMedium("image");
                content.setMetadata(metadata(image));
                contents.add(content);
            } else if (withoutUrl == null) {
                withoutUrl = image;
            }
        }
        media.setMediaContents(contents.toArray(new MediaContent[0]));
        if (withoutUrl != null) {
            media.setMetadata(metadata(withoutUrl));
        }
        return Optional.of(media);
    }

    private static Metadata metadata(Image image) {
        Metadata metadata = new Metadata();
        String caption = ItemContent.text(image.getCaption());
        if (caption != null && !caption.isEmpty()) {
            metadata.setDescription(caption);
            metadata.setDescriptionType("plain");
        }
        List<Credit> credits = new ArrayList<>();
        String by = ItemContent.text(image.getBy());
        if (by != null && !by.isEmpty()) {
            credits.add(new Credit(EBU_SCHEME, "photographer", by));
        }
        String creditline = ItemContent.text(image.getCreditline());
        if (creditline != null && !creditline.isEmpty()) {
            credits.add(new Credit(EBU_SCHEME, "distributor", creditline));
        }
        if (credits.isEmpty()) {
            ItemContent.credit(image).ifPresent(raw -> credits.add(new Credit(EBU_SCHEME, "distributor", raw)));
        }
        metadata.setCredits(credits.toArray(new Credit[0]));
        return metadata;
    }
}
