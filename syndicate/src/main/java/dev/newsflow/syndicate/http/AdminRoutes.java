package dev.newsflow.syndicate.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.partner.CreatedPartner;
import dev.newsflow.syndicate.partner.PartnerAdmin;
import dev.newsflow.syndicate.partner.PartnerSpec;
import dev.newsflow.syndicate.partner.PartnerTokens;
import dev.newsflow.syndicate.push.DeliveryLog;
import dev.newsflow.syndicate.push.PushStateView;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Supplier;

/**
 * {@code /v1/partners}: create (the token is in the 201 answer and nowhere else), list, read (with the push
 * state), replace, delete, disable/enable and rotate the token. Every call needs the admin bearer token; without a
 * configured admin token the API answers 503.
 */
public final class AdminRoutes {
    private final PartnerAdmin admin;
    private final String adminToken;
    private final Supplier<String> baseUrl;
    private final DeliveryLog deliveries;
    private final PushStateView push;

    public AdminRoutes(PartnerAdmin admin, String adminToken, Supplier<String> baseUrl, DeliveryLog deliveries,
                       PushStateView push) {
        this.admin = admin;
        this.adminToken = adminToken;
        this.baseUrl = baseUrl;
        this.deliveries = deliveries;
        this.push = push;
    }

    public void install(JavalinConfig config) {
        config.routes.post("/v1/partners", ctx -> {
            authorize(ctx);
            CreatedPartner created = admin.create(PartnerJson.parseSpec(ctx.body()));
            ctx.status(201).header("Location", "/v1/partners/" + created.partner().getPartnerId());
            json(ctx, withToken(created));
        });
        config.routes.get("/v1/partners", ctx -> {
            authorize(ctx);
            ArrayNode list = PartnerJson.mapper().createArrayNode();
            admin.list().forEach(partner -> list.add(PartnerJson.toJson(partner, baseUrl.get())));
            json(ctx, list);
        });
        config.routes.get("/v1/partners/{partner}", ctx -> {
            authorize(ctx);
            PartnerSubscription partner = admin.get(ctx.pathParam("partner"))
                    .orElseThrow(() -> new NotFoundException("no partner '" + ctx.pathParam("partner") + "'"));
            ObjectNode body = PartnerJson.toJson(partner, baseUrl.get());
            push.describe(partner).ifPresent(state -> body.set("push", state));
            json(ctx, body);
        });
        config.routes.put("/v1/partners/{partner}", ctx -> {
            authorize(ctx);
            PartnerSpec spec = PartnerJson.parseSpec(ctx.body());
            json(ctx, PartnerJson.toJson(admin.update(ctx.pathParam("partner"), spec), baseUrl.get()));
        });
        config.routes.delete("/v1/partners/{partner}", ctx -> {
            authorize(ctx);
            admin.delete(ctx.pathParam("partner"));
            ctx.status(204);
        });
        config.routes.post("/v1/partners/{partner}/disable", ctx -> {
            authorize(ctx);
            json(ctx, PartnerJson.toJson(admin.setEnabled(ctx.pathParam("partner"), false), baseUrl.get()));
        });
        config.routes.post("/v1/partners/{partner}/enable", ctx -> {
            authorize(ctx);
            json(ctx, PartnerJson.toJson(admin.setEnabled(ctx.pathParam("partner"), true), baseUrl.get()));
        });
        config.routes.post("/v1/partners/{partner}/resume-webhook", ctx -> {
            authorize(ctx);
            json(ctx, PartnerJson.toJson(admin.touch(ctx.pathParam("partner")), baseUrl.get()));
        });
        config.routes.get("/v1/partners/{partner}/deliveries", ctx -> {
            authorize(ctx);
            String partnerId = ctx.pathParam("partner");
            admin.get(partnerId).orElseThrow(() -> new NotFoundException("no partner '" + partnerId + "'"));
            ArrayNode list = PartnerJson.mapper().createArrayNode();
            for (DeliveryLog.Attempt attempt : deliveries.attempts(partnerId)) {
                list.addObject().put("at", attempt.at().toString()).put("sequence", attempt.sequence())
                        .put("event", attempt.event()).put("status", attempt.status())
                        .put("outcome", attempt.outcome()).put("consecutiveFailures", attempt.failures());
            }
            json(ctx, list);
        });
        config.routes.post("/v1/partners/{partner}/rotate-token", ctx -> {
            authorize(ctx);
            json(ctx, withToken(admin.rotateToken(ctx.pathParam("partner"))));
        });
    }

    private ObjectNode withToken(CreatedPartner created) {
        ObjectNode body = PartnerJson.toJson(created.partner(), baseUrl.get());
        body.put("token", created.token());
        return body;
    }

    private void authorize(Context ctx) {
        if (adminToken == null || adminToken.isEmpty()) {
            throw new ProblemException(Problem.of(503, "admin-api-off", "The admin API is off",
                    "the admin API is off: set syndicate.admin.token", null));
        }
        String presented = FeedRoutes.bearer(ctx);
        if (!PartnerTokens.sameSecret(presented, adminToken)) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                            "a valid admin bearer token is required", "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-admin\""));
        }
    }

    private static void json(Context ctx, com.fasterxml.jackson.databind.JsonNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }
}
