package com.carriergateway.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.test.context.TestPropertySource;

/**
 * The end-to-end tests' gateways never share a database. A test class that adds settings to {@link GatewayTest}
 * starts a second gateway beside the shared one; on the same in-memory database both outboxes claim the same
 * callbacks and send them to their own BestRx sandbox, so one test's failing BestRx stub is bypassed by the other
 * gateway (a dead letter that never dies, seen once in CI).
 */
class TestGatewaysTest {

    @Test
    void aGatewayTestWithSettingsOfItsOwnHasADatabaseOfItsOwn() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(GatewayTest.class));
        List<String> own = new ArrayList<>();
        List<String> sharing = new ArrayList<>();
        for (BeanDefinition found : scan.findCandidateComponents(getClass().getPackageName())) {
            Class<?> type = Class.forName(found.getBeanClassName());
            TestPropertySource extra = type.getAnnotation(TestPropertySource.class);
            if (extra == null) {
                continue;
            }
            own.add(type.getSimpleName());
            if (Arrays.stream(extra.properties()).noneMatch(p -> p.startsWith("spring.datasource.url="))) {
                sharing.add(type.getSimpleName());
            }
        }
        assertThat(own).as("the scan finds the test classes with settings of their own").isNotEmpty();
        assertThat(sharing).as("gateway tests with settings of their own but the shared database").isEmpty();
    }
}
