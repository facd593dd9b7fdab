package com.carriergateway.adapter.model;

import java.util.List;

/** What the courier collected at the door. Health data. */
public record ProofOfDelivery(
        String signatureImage, String signatureUrl, Signer signer, List<ConsentAnswer> consentAnswers) {

    public ProofOfDelivery {
        consentAnswers = consentAnswers == null ? List.of() : List.copyOf(consentAnswers);
    }
}
