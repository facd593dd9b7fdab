package com.carriergateway.adapter.pitneybowes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TransactionIdsTest {

    /** PB: at most 25 characters of letters, digits, hyphens and underscores. */
    static final String PB_RULE = "[A-Za-z0-9_-]{1,25}";

    @Test
    void idsFollowPbsRuleAndAre24Characters() {
        TransactionIds ids = new TransactionIds();
        for (int i = 0; i < 1_000; i++) {
            String id = ids.next();
            assertThat(id).matches(PB_RULE).hasSize(24);
        }
    }

    @Test
    void idsAreUniqueOverManyCalls() {
        TransactionIds ids = new TransactionIds();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertThat(seen.add(ids.next())).as("id %d is new", i).isTrue();
        }
    }

    @Test
    void idsUseTheWholeAlphabet() {
        TransactionIds ids = new TransactionIds(new Random(7));
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : ids.next().toCharArray()) {
                chars.add(c);
            }
        }
        assertThat(chars).hasSize(62);
    }
}
