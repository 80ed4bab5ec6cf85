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
package io.streamml.linear;

import io.streamml.common.param.HasElasticNet;
import io.streamml.common.param.HasFitIntercept;
import io.streamml.common.param.HasOptimizer;
import io.streamml.linear.loss.Loss;
import io.streamml.optim.ElasticNet;

import org.apache.flink.ml.common.param.HasFeaturesCol;
import org.apache.flink.ml.common.param.HasGlobalBatchSize;
import org.apache.flink.ml.common.param.HasHandleInvalid;
import org.apache.flink.ml.common.param.HasLabelCol;
import org.apache.flink.ml.common.param.HasLearningRate;
import org.apache.flink.ml.common.param.HasMaxIter;
import org.apache.flink.ml.common.param.HasReg;
import org.apache.flink.ml.common.param.HasTol;
import org.apache.flink.ml.common.param.HasWeightCol;

/** The training params logistic and linear regression share. */
public interface LinearTrainingParams<T>
        extends HasFeaturesCol<T>,
                HasLabelCol<T>,
                HasWeightCol<T>,
                HasHandleInvalid<T>,
                HasMaxIter<T>,
                HasTol<T>,
                HasReg<T>,
                HasElasticNet<T>,
                HasLearningRate<T>,
                HasGlobalBatchSize<T>,
                HasFitIntercept<T>,
                HasOptimizer<T> {

    /** The params as a bounded training configuration for {@code loss}. */
    default LinearTrainingConfig boundedTrainingConfig(String stage, Loss loss) {
        String optimizer = getOptimizer();
        if (AUTO.equals(optimizer)) {
            optimizer = LBFGS;
        }
        if (!LBFGS.equals(optimizer) && !SGD.equals(optimizer)) {
            throw new IllegalArgumentException(
                    stage
                            + ": optimizer '"
                            + optimizer
                            + "' is for online training; bounded input takes lbfgs or sgd.");
        }
        return new LinearTrainingConfig(
                stage,
                getFeaturesCol(),
                loss,
                getFitIntercept(),
                new ElasticNet(getReg(), getElasticNet()),
                getMaxIter(),
                getTol(),
                getLearningRate(),
                getGlobalBatchSize(),
                optimizer);
    }
}
