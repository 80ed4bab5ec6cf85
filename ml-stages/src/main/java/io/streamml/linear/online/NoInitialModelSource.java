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
package io.streamml.linear.online;

import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * The online iteration's initial variable stream when no initial model is given, for a checkpointed
 * job on unbounded input: one request that asks for nothing, after which the source stays up until
 * the job is cancelled. A source that finished at once raced the first checkpoints: a checkpoint
 * aborted because this task had just finished ("unknown task") stalled every later checkpoint of
 * the Flink ML 2.0.0 iteration, so exactly-once sinks never committed (seen in
 * FraudDetectionClusterIT). Bounded or unchecked jobs keep a finishing source, so they still end.
 */
final class NoInitialModelSource implements SourceFunction<ModelRequest> {
    private static final long serialVersionUID = 1L;

    private volatile boolean running = true;

    @Override
    public void run(SourceContext<ModelRequest> ctx) throws Exception {
        synchronized (ctx.getCheckpointLock()) {
            ctx.collect(ModelRequest.none());
        }
        // Idle, not busy: woken by cancel().
        synchronized (this) {
            while (running) {
                wait();
            }
        }
    }

    @Override
    public void cancel() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
    }
}
