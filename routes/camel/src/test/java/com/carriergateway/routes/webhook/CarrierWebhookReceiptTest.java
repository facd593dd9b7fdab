package com.carriergateway.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.carriergateway.adapter.webhook.WebhookTally;
import com.carriergateway.core.activity.WebhookReceipt;
import com.carriergateway.core.status.CarrierStatusIntake;
import org.junit.jupiter.api.Test;

/** How a webhook call that was read is filed in the operators' record: applied, only repeats, or nothing and why. */
class CarrierWebhookReceiptTest {

    static WebhookReceipt receipt(int received, int applied, int ignored, int unknown, int repeats, String order) {
        return CarrierWebhookRoute.receipt("pb", new CarrierStatusIntake.Received(
                new WebhookTally(received, applied, ignored, unknown), repeats, order), "wh-1");
    }

    @Test
    void aCallThatAppliedAChangeIsAcceptedAndSaysWhatWasNot() {
        WebhookReceipt all = receipt(2, 2, 0, 0, 0, "CG-A");
        assertThat(all.outcome()).isEqualTo(WebhookReceipt.Outcome.ACCEPTED);
        assertThat(all.reason()).isNull();
        assertThat(all.providerOrderId()).isEqualTo("CG-A");
        assertThat(all.httpStatus()).isEqualTo(200);
        assertThat(receipt(3, 1, 2, 0, 2, "CG-A").reason()).isEqualTo("2 of 3 event(s) not applied (see the order's history)");
    }

    @Test
    void onlyRepeatsIsADuplicate() {
        WebhookReceipt dup = receipt(2, 0, 2, 0, 2, "CG-A");
        assertThat(dup.outcome()).isEqualTo(WebhookReceipt.Outcome.DUPLICATE);
        assertThat(dup.reason()).isEqualTo("every event repeats the order's current status");
    }

    @Test
    void nothingAppliedForOtherReasonsIsIgnoredWithTheReasons() {
        WebhookReceipt ignored = receipt(4, 0, 3, 1, 1, null);
        assertThat(ignored.outcome()).isEqualTo(WebhookReceipt.Outcome.IGNORED);
        assertThat(ignored.reason()).isEqualTo("1 repeat(s), 2 late, backwards or after a final status, "
                + "1 for an unknown order");
        assertThat(receipt(0, 0, 0, 0, 0, null).reason()).isEqualTo("no events");
        assertThat(receipt(1, 0, 0, 1, 0, null).reason()).isEqualTo("1 for an unknown order");
    }
}
