/*
 * Copyright 2026 The Flink Stream ML Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
 * in compliance with the License. You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software distributed under the License
 * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
 * or implied. See the License for the specific language governing permissions and limitations under
 * the License.
 */
package io.streamml.testutil;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.util.MiniClusterWithClientResource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Flink MiniCluster per test class (2 TaskManagers × 2 slots), made the context environment so
 * {@link TestEnvironments} jobs run on it. Register as a static field with
 * {@code @RegisterExtension}. Metrics go to an in-memory reporter that keeps them after jobs end.
 */
public class MiniClusterExtension implements BeforeAllCallback, AfterAllCallback {
    private InMemoryReporter reporter;
    private MiniClusterWithClientResource cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        reporter = InMemoryReporter.createWithRetainedMetrics();
        Configuration config = new Configuration();
        reporter.addToConfiguration(config);
        cluster =
                new MiniClusterWithClientResource(
                        new MiniClusterResourceConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumberTaskManagers(2)
                                .setNumberSlotsPerTaskManager(2)
                                .build());
        cluster.before();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            cluster.after();
        }
        if (reporter != null) {
            reporter.close();
        }
    }

    /** Metrics of all jobs run on this cluster. */
    public InMemoryReporter reporter() {
        return reporter;
    }
}
