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

import org.apache.flink.api.common.typeutils.TypeSerializer;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** For structural tests of job graphs: which records hold rows. */
public final class RowSerializers {
    private RowSerializers() {}

    /** Whether records of this serializer hold rows: a row serializer, anywhere inside it. */
    public static boolean carriesRows(TypeSerializer<?> serializer) {
        return carriesRows(serializer, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean carriesRows(Object serializer, Set<Object> seen) {
        if (serializer == null || !seen.add(serializer)) {
            return false;
        }
        if (serializer.getClass().getSimpleName().contains("Row")) {
            return true;
        }
        for (Class<?> c = serializer.getClass(); c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                boolean single = TypeSerializer.class.isAssignableFrom(field.getType());
                boolean array = TypeSerializer[].class.isAssignableFrom(field.getType());
                if (!single && !array) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    Object value = field.get(serializer);
                    if (single && carriesRows(value, seen)) {
                        return true;
                    }
                    if (array && value != null) {
                        for (Object element : (Object[]) value) {
                            if (carriesRows(element, seen)) {
                                return true;
                            }
                        }
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return false;
    }
}
