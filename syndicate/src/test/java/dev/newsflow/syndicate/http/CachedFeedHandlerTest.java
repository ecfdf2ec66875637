package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

class CachedFeedHandlerTest {
    @Test
    void theFeedListenerCachesHeaderLinesWhateverTheServicesDoAndKeepsTheirOtherSettings() {
        HttpConfiguration services = new HttpConfiguration();
        services.setHeaderCacheSize(0);
        services.setSendServerVersion(false);
        services.setOutputBufferSize(12_345);

        ServerConnector connector = CachedFeedHandler.connector(new Server(), services, "127.0.0.1", 0);
        HttpConfiguration feeds = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();

        assertThat(feeds.getHeaderCacheSize()).isEqualTo(CachedFeedHandler.FEED_HEADER_CACHE_ENTRIES).isPositive();
        assertThat(feeds.getSendServerVersion()).isFalse();
        assertThat(feeds.getOutputBufferSize()).isEqualTo(12_345);
        assertThat(services.getHeaderCacheSize()).as("the services' configuration is not changed").isZero();
    }

    @Test
    void queryParametersAreFoundByExactNameAndDecoded() {
        assertThat(CachedFeedHandler.queryParameter(null, "token")).isNull();
        assertThat(CachedFeedHandler.queryParameter("token=abc", "token")).isEqualTo("abc");
        assertThat(CachedFeedHandler.queryParameter("before=x%2By&token=a%2Fb", "token")).isEqualTo("a/b");
        assertThat(CachedFeedHandler.queryParameter("before=x%2By&token=a%2Fb", "before")).isEqualTo("x+y");
        assertThat(CachedFeedHandler.queryParameter("mytoken=no&token=yes", "token")).isEqualTo("yes");
        assertThat(CachedFeedHandler.queryParameter("tokens=no", "token")).isNull();
        assertThat(CachedFeedHandler.queryParameter("token=first&token=second", "token")).isEqualTo("first");
        assertThat(CachedFeedHandler.queryParameter("token", "token")).isEmpty();
        assertThat(CachedFeedHandler.queryParameter("&&token=z&", "token")).isEqualTo("z");
        assertThat(CachedFeedHandler.queryParameter("token=%zz", "token")).as("malformed: left to Javalin's path")
                .isNull();
    }
}
