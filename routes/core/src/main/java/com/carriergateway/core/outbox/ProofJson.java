package com.carriergateway.core.outbox;

import com.carriergateway.adapter.model.ProofOfDelivery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Proof of delivery as stored in the outbox until BestRx has it. Its own mapper, so no shared configuration
 * can change what is stored; errors never quote the content (it names the signer).
 */
public final class ProofJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProofJson() {
    }

    /** Null when there is nothing worth keeping. */
    public static String write(ProofOfDelivery proof) {
        if (proof == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(proof);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("proof of delivery cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    public static ProofOfDelivery read(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, ProofOfDelivery.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored proof of delivery cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
