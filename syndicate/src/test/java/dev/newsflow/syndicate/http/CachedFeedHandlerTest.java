package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedFeedHandlerTest {
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
