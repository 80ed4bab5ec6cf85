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
package io.streamml.linear.bounded;

import io.streamml.common.input.VectorSizes;
import io.streamml.linear.training.MiniBatchGradient;
import io.streamml.linear.training.TrainingCache;

import org.apache.flink.annotation.Internal;

import java.util.Arrays;

/**
 * Bounded training: a worker's reply. The first ({@code round} = {@link #CACHED}) describes its
 * cached rows; the others carry the loss and gradient sums over its rows at a round's point.
 */
@Internal
public class RoundReply {
    /** The round of the first reply, sent once a worker has cached all its rows. */
    public static final int CACHED = -1;

    public int subtask;
    public int round;

    /** First reply: the rows cached per vector size. */
    public VectorSizes sizes;

    /** First reply, per size in {@code sizes}' order: Σw and Σw·label of those rows. */
    public double[] totalWeights;

    public double[] labelSums;

    /** Later replies: the sums at the round's point. */
    public MiniBatchGradient sums;

    public RoundReply() {}

    static RoundReply cached(int subtask, TrainingCache cache) {
        RoundReply reply = new RoundReply();
        reply.subtask = subtask;
        reply.round = CACHED;
        reply.sizes = cache.sizes();
        int numSizes = reply.sizes.sizes.length;
        reply.totalWeights = new double[numSizes];
        reply.labelSums = new double[numSizes];
        for (TrainingCache group : cache.groups()) {
            int at = Arrays.binarySearch(reply.sizes.sizes, group.dim());
            reply.totalWeights[at] = group.totalWeight();
            reply.labelSums[at] = group.weightedLabelSum();
        }
        return reply;
    }

    static RoundReply sums(int subtask, int round, MiniBatchGradient sums) {
        RoundReply reply = new RoundReply();
        reply.subtask = subtask;
        reply.round = round;
        reply.sums = sums;
        return reply;
    }
}
