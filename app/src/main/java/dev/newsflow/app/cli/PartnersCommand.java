package dev.newsflow.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.syndicate.partner.PartnerAdminClient;
import dev.newsflow.syndicate.partner.FeedSpec;
import dev.newsflow.syndicate.partner.PartnerAdminException;
import dev.newsflow.syndicate.partner.PartnerSpec;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsflow partners add|list|show|update|delete|disable|enable|rotate-token|resume-webhook} over the admin API. */
@Command(name = "partners", mixinStandardHelpOptions = true,
        description = "Manage partners and their feeds through the syndicator's admin API.",
        subcommands = {PartnersCommand.Add.class, PartnersCommand.ListPartners.class, PartnersCommand.Show.class,
                PartnersCommand.Update.class, PartnersCommand.Delete.class, PartnersCommand.Disable.class,
                PartnersCommand.Enable.class,
                PartnersCommand.RotateToken.class, PartnersCommand.ResumeWebhook.class})
public final class PartnersCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the admin API is and the token that opens it. */
    static final class AdminOptions {
        @Option(names = "--url", defaultValue = "${env:NEWSFLOW_SYNDICATE_URL:-http://localhost:8082}",
                description = "The syndicator's base URL (default: ${DEFAULT-VALUE}).")
        URI url;

        @Option(names = "--admin-token", required = true, defaultValue = "${env:NEWSFLOW_SYNDICATE_ADMIN_TOKEN}",
                description = "The admin token (env NEWSFLOW_SYNDICATE_ADMIN_TOKEN).")
        String adminToken;

        PartnerAdminClient client() {
            return new PartnerAdminClient(url, adminToken);
        }
    }

    /** The fields of a partner that add and update take. */
    static final class PartnerFields {
        @Option(names = "--name", description = "Display name (default: the partner id).")
        String displayName;

        @Option(names = "--feed", paramLabel = "ID:TITLE[:FILTER_JSON]", required = true,
                description = {"A feed; repeat for several. FILTER_JSON selects articles, e.g. "
                        + "'{\"all\":[{\"section\":\"News\"},{\"topic\":\"medtop:11000000\"}]}'; without it the feed carries everything."})
        List<String> feeds;

        @Option(names = "--min-confidence", defaultValue = "0.0", paramLabel = "0..1",
                description = "For every --feed: topics and entities count for its filter only at or above this "
                        + "confidence (default: ${DEFAULT-VALUE}).")
        double minConfidence;

        @Option(names = "--max-items", defaultValue = "" + FeedSpec.DEFAULT_MAX_ITEMS, paramLabel = "N",
                description = "For every --feed: stories per page (default: ${DEFAULT-VALUE}).")
        int maxItems;

        @Option(names = "--webhook-url", description = "Push new, updated and killed items here (signed POSTs).")
        String webhookUrl;

        @Option(names = "--webhook-secret", description = "Shared secret for the X-Newsflow-Signature HMAC.")
        String webhookSecret;

        PartnerSpec toSpec(String partnerId) {
            return new PartnerSpec(partnerId, displayName == null ? partnerId : displayName,
                    PartnerAdminClient.feedOptions(feeds, minConfidence, maxItems), webhookUrl, webhookSecret);
        }
    }

    /** Runs one admin call and prints its JSON answer, or the problem it met. */
    abstract static class AdminCall implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        AdminOptions admin;

        abstract JsonNode call(PartnerAdminClient client);

        @Override
        public Integer call() throws JsonProcessingException {
            try {
                JsonNode answer = call(admin.client());
                spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
                return 0;
            } catch (PartnerAdminException e) {
                spec.commandLine().getErr().println("newsflow partners: " + e.getMessage());
                return 1;
            }
        }
    }

    abstract static class OnePartner extends AdminCall {
        @Parameters(index = "0", paramLabel = "PARTNER", description = "The partner id.")
        String partnerId;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a partner with its feeds; prints its token once (only a hash is kept).")
    static final class Add extends OnePartner {
        @Mixin
        PartnerFields fields;

        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.add(fields.toSpec(partnerId));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List partners (no tokens).")
    static final class ListPartners extends AdminCall {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.list();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One partner, its feeds and their URLs, and its push state (webhook URL, last delivery, "
                    + "suspended or not).")
    static final class Show extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.get(partnerId);
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Replace a partner's name, feeds and webhook.")
    static final class Update extends OnePartner {
        @Mixin
        PartnerFields fields;

        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.update(partnerId, fields.toSpec(partnerId));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a partner for good: its feeds answer 404, its token stops working, pending pushes "
                    + "are dropped (a tombstone on the compacted partner-subscriptions topic).")
    static final class Delete extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            client.delete(partnerId);
            return JSON.createObjectNode().put("partnerId", partnerId).put("deleted", true);
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop serving and pushing a partner's feeds.")
    static final class Disable extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.disable(partnerId);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Serve a disabled partner again.")
    static final class Enable extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.enable(partnerId);
        }
    }

    @Command(name = "rotate-token", mixinStandardHelpOptions = true,
            description = "Issue a new token (printed once); the old one stops working at once.")
    static final class RotateToken extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.rotateToken(partnerId);
        }
    }

    @Command(name = "resume-webhook", mixinStandardHelpOptions = true,
            description = "Resume pushes to a webhook suspended after repeated failures.")
    static final class ResumeWebhook extends OnePartner {
        @Override
        JsonNode call(PartnerAdminClient client) {
            return client.resumeWebhook(partnerId);
        }
    }
}
