package dev.newsflow.syndicate.push;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Newsflow-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>}. The
 * timestamp is inside the signed bytes, so a receiver that rejects old timestamps also rejects replays.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Newsflow-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return "t=" + timestampSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, timestampSeconds, body));
    }

    /** What a receiver does: parse, check the timestamp window, compare the MAC in constant time. */
    public static boolean verify(String header, String secret, byte[] body, long nowSeconds, long toleranceSeconds) {
        if (header == null) {
            return false;
        }
        Long timestamp = null;
        String signature = null;
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            if (pair[0].equals("t")) {
                try {
                    timestamp = Long.parseLong(pair[1]);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (pair[0].equals("v1")) {
                signature = pair[1];
            }
        }
        if (timestamp == null || signature == null || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(presented, mac(secret, timestamp, body));
    }

    private static byte[] mac(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
